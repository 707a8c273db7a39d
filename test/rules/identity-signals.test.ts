import { describe, expect, it } from 'vitest';
import { identitySignals } from '../../src/check/rules/identity-signals.ts';
import { parseString, seedText } from '../helpers.ts';
import { budgetDoc } from './build.ts';
import { finding, run } from './check.ts';

const messages = (text: string) => run(identitySignals, parseString(text)).map((f) => f.message);

describe('identity-signals', () => {
  it('passes a document whose cover, tables and headers agree', () => {
    expect(run(identitySignals, parseString(seedText('004')))).toStrictEqual([]);
    expect(run(identitySignals, budgetDoc())).toStrictEqual([]);
  });

  it('fails a cover that says 决算 above budget tables', () => {
    const [message, ...rest] = messages(`商务部门2024年度部门决算\n${seedText('004')}`);
    expect(rest).toEqual([]);
    expect(message).toMatch(/封面写的是决算，表格却是预算表，已按表格识别为预算/);
  });

  it('fails a title naming another department than the table headers', () => {
    const [message] = messages(`某县财政局2024年部门预算\n${seedText('004')}`);
    expect(message).toContain('表头的编制部门“商务部门”与标题中的部门“某县财政局”不同');
  });

  it('reports each problem the recogniser found where it stands, as a warning', () => {
    const doc = budgetDoc({
      problems: [
        { code: 'identity-kind', message: '预算表列有决算数', source: { line: 12, page: 2 } },
        { code: 'project-code', message: '项目编码不是 21 位' },
      ],
    });
    expect(run(identitySignals, doc)).toStrictEqual([
      finding(identitySignals, 'warning', { line: 12, page: 2 }),
    ]);
  });
});
