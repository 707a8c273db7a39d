import { describe, expect, it } from 'vitest';
import { textBudgetCompletion } from '../../src/check/rules/text-budget-completion.ts';
import type { StatedCompletion } from '../../src/model/document.ts';
import { readStatedCompletions } from '../../src/recognise/completion.ts';
import { finalDoc, section } from './build.ts';
import { finding, run } from './check.ts';

const heading = '三、一般公共预算财政拨款支出决算情况';
const completion = (
  c: Partial<StatedCompletion> & { amount: string; percent: string },
): StatedCompletion => ({
  name: '一般公共预算财政拨款支出',
  unit: '万元',
  section: heading,
  source: { line: 30 },
  ...c,
});

describe('text-budget-completion', () => {
  it('passes rates that are the 决算 over the budget, at the precision printed', () => {
    const doc = finalDoc({
      statedCompletions: [
        completion({ amount: '67.64', budget: '75.55', percent: '89.53' }), // 67.64 / 75.55
        completion({ amount: '1741.75', direction: 'above', difference: '55.93', percent: '103.32' }),
        completion({ amount: '90', direction: 'below', difference: '10', percent: '90' }),
        // No budget and no difference: nothing to compute.
        completion({ amount: '1595.95', direction: 'above', percent: '100' }),
      ],
    });
    expect(run(textBudgetCompletion, doc)).toStrictEqual([]);
  });

  it('fails “完成年初预算100%” with a 决算 above the budget by 55.93, and a rate the budget contradicts', () => {
    const doc = finalDoc({
      statedCompletions: [
        completion({ amount: '1741.75', direction: 'above', difference: '55.93', percent: '100' }),
        completion({ amount: '67.64', budget: '75.55', percent: '98.53', source: { line: 31 } }),
        // A budget written without decimals (预算为1万元) is as precise as the 决算 beside it: 53%, not 47%.
        completion({ amount: '0.53', budget: '1', percent: '47', source: { line: 32 } }),
      ],
    });
    expect(run(textBudgetCompletion, doc)).toStrictEqual([
      finding(textBudgetCompletion, 'error', { section: heading, line: 30 }, 103.32, 100),
      finding(textBudgetCompletion, 'error', { section: heading, line: 31 }, 89.53, 98.53),
      finding(textBudgetCompletion, 'error', { section: heading, line: 32 }, 53, 47),
    ]);
  });

  it('is read from the text: the 决算 amount, not the change before it; the budget or the difference', () => {
    const read = readStatedCompletions([
      section(
        heading,
        30,
        '本单位一般公共预算财政拨款支出总计1741.75万元，与上年相比减少53.7万元，降低2.99%；完成年初预算100%，决算数大于预算数55.93万元，主要原因是人员增加。年初预算为75.55万元，支出决算为67.64万元，完成年初预算的89.53%，决算数小于预算数的主要原因是节约。',
      ),
    ]).map((c) => [c.amount, c.percent, c.budget, c.direction, c.difference]);
    expect(read).toEqual([
      ['1741.75', '100', undefined, 'above', '55.93'],
      ['67.64', '89.53', '75.55', 'below', undefined],
    ]);
  });

  it('reads a rate that names its budget (为年初预算数4668万元的80.51%), each part of a list its own', () => {
    const text =
      '“三公经费”财政拨款支出4855万元，比上年减支433万元，降低8.19%，为年初预算数6180万元的78.56%。其中：公车购置支出470万元，比上年减支1122万元，降低70.48%，为年初预算数476万元的98.74%；公务用车运行维护费支出3758万元，比上年增支816万元，增长27.74%，为年初预算数4688万元的80.51%。';
    const read = readStatedCompletions([section(heading, 30, text)]);
    expect(read.map((c) => [c.amount, c.budget, c.percent])).toEqual([
      ['4855', '6180', '78.56'],
      ['470', '476', '98.74'],
      ['3758', '4688', '80.51'],
    ]);
    const found = run(textBudgetCompletion, finalDoc({ statedCompletions: read }));
    expect(found.map((f) => f.message.includes('3758'))).toEqual([true]);
  });
});
