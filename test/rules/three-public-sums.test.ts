import { describe, expect, it } from 'vitest';
import { threePublicSums } from '../../src/check/rules/three-public-sums.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

const columns = ['合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'];
const both = (v: string | null): (string | null)[] => [v, v, null, null];

interface ThreePublic {
  running?: string;
  runningName?: string;
  reception?: string;
  meetings?: string;
}

// A Hebei-style 财政拨款"三公"经费支出表 (as in the samples). Title on line 10, rows from 11.
function threePublic(a: ThreePublic = {}) {
  return table('three-public', '财政拨款"三公"经费支出表', columns, [
    row(null, '合计', both('76.35')), // 11
    row(null, '"三公"经费小计', both('66.35')), // 12
    row(null, '一、因公出国（境）费', both('50.00')),
    row(null, '二、公务用车购置及运维费', both('11.35')), // 14
    row(null, '其中：公务用车购置费', both(null)),
    row(null, a.runningName ?? '公务用车运行维护费', both(a.running ?? '11.35')),
    row(null, '三、公务接待费', both(a.reception ?? '5.00')),
    row(null, '四、会议费', both(a.meetings ?? '10.00')),
    row(null, '五、培训费', both(null)),
  ]);
}

const where = (row: string, column: string, line: number) => ({
  table: 'three-public' as const,
  row,
  column,
  line,
});

describe('three-public-sums', () => {
  it('passes when 小计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运维, 合计 = 小计 + 会议费 + 培训费', () => {
    expect(run(threePublicSums, budgetDoc({ tables: [threePublic()] }))).toStrictEqual([]);
  });

  it('fails a 小计 that is not the sum of its three parts, in each printed column', () => {
    const doc = budgetDoc({ tables: [threePublic({ reception: '7.00' })] });
    expect(run(threePublicSums, doc)).toStrictEqual([
      finding(threePublicSums, 'error', where('"三公"经费小计', '合计', 12), 68.35, 66.35),
      finding(threePublicSums, 'error', where('"三公"经费小计', '一般公共预算财政拨款', 12), 68.35, 66.35),
    ]);
  });

  it('fails 公务用车购置及运维费 that is not 购置费 + 运行维护费', () => {
    const doc = budgetDoc({ tables: [threePublic({ running: '10.35' })] });
    expect(run(threePublicSums, doc)).toStrictEqual([
      finding(threePublicSums, 'error', where('二、公务用车购置及运维费', '合计', 14), 10.35, 11.35),
      finding(
        threePublicSums,
        'error',
        where('二、公务用车购置及运维费', '一般公共预算财政拨款', 14),
        10.35,
        11.35,
      ),
    ]);
  });

  it('fails a 合计 that is not 小计 + 会议费 + 培训费', () => {
    const doc = budgetDoc({ tables: [threePublic({ meetings: '12.00' })] });
    expect(run(threePublicSums, doc)).toStrictEqual([
      finding(threePublicSums, 'error', where('合计', '合计', 11), 78.35, 76.35),
      finding(threePublicSums, 'error', where('合计', '一般公共预算财政拨款', 11), 78.35, 76.35),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    const within = run(threePublicSums, budgetDoc({ tables: [threePublic({ reception: '5.01' })] }));
    expect(within).toStrictEqual([
      finding(threePublicSums, 'info', where('"三公"经费小计', '合计', 12), 66.36, 66.35),
      finding(threePublicSums, 'info', where('"三公"经费小计', '一般公共预算财政拨款', 12), 66.36, 66.35),
    ]);
    const beyond = run(threePublicSums, budgetDoc({ tables: [threePublic({ reception: '5.02' })] }));
    expect(beyond).toStrictEqual([
      finding(threePublicSums, 'error', where('"三公"经费小计', '合计', 12), 66.37, 66.35),
      finding(threePublicSums, 'error', where('"三公"经费小计', '一般公共预算财政拨款', 12), 66.37, 66.35),
    ]);
  });

  it('reads 公务用车运维费 (the short name the parent row itself uses) as the 运行维护费 row', () => {
    // 二、公务用车购置及运维费 11.35 = 购置费 0 + 运维费 11.35. The rule accepts 运维 in the parent's name and
    // text-amount accepts 公务用车运维费 for the part, but three-public-sums looks only for 公务用车运行(维护)费.
    const doc = budgetDoc({ tables: [threePublic({ runningName: '公务用车运维费' })] });
    expect(run(threePublicSums, doc)).toStrictEqual([]);
  });

  it('checks 合计 against the three parts when the table prints no "三公"经费小计 row', () => {
    // The national layout: 合计 is the "三公" total itself (text-amount reads it so). 合计 10 ≠ 0 + 3 + 5.
    const t = table('three-public', '财政拨款"三公"经费支出表', columns, [
      row(null, '合计', both('10.00')), // 11
      row(null, '一、因公出国（境）费', both(null)),
      row(null, '二、公务用车购置及运行维护费', both('3.00')),
      row(null, '其中：公务用车购置费', both(null)),
      row(null, '公务用车运行维护费', both('3.00')),
      row(null, '三、公务接待费', both('5.00')),
    ]);
    expect(run(threePublicSums, budgetDoc({ tables: [t] }))).toStrictEqual([
      finding(threePublicSums, 'error', where('合计', '合计', 11), 8, 10),
      finding(threePublicSums, 'error', where('合计', '一般公共预算财政拨款', 11), 8, 10),
    ]);
  });
});

describe('three-public-sums: one wrong 公务用车 cell', () => {
  // Without a 小计: 合计 = 出国 + 公务用车 + 接待. Title on line 10, rows from 11.
  const table3 = (car: string) =>
    table(
      'three-public',
      '“三公”经费情况统计表',
      ['本年预算数'],
      [
        row(null, '合计', ['34.35']), // 11
        row(null, '1.因公出国(境)费用', ['0']),
        row(null, '2.公务接待费', ['1.70']),
        row(null, '3.公务用车费', [car]), // 14
        row(null, '其中:(1)公务用车运行维护费', ['32.65']),
        row(null, '(2)公务用车购置', ['0']),
      ],
    );
  it('is reported once, at its row, when the parts’ sum there makes the 合计 agree', () => {
    expect(run(threePublicSums, budgetDoc({ tables: [table3('32.65')] }))).toStrictEqual([]);
    const found = run(threePublicSums, budgetDoc({ tables: [table3('0')] }));
    expect(found.map((f) => [f.where.row, f.expected, f.actual])).toEqual([['3.公务用车费', 32.65, 0]]);
    expect(found[0]!.message).toMatch(/合计 34\.35 与各项之和相符/);
  });
});
