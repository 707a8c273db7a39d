import { describe, expect, it } from 'vitest';
import { textShare } from '../../src/check/rules/text-share.ts';
import { budgetDoc, finalDoc, row, share, stated, table } from './build.ts';
import { finding, run } from './check.ts';

const structure = '五、一般公共预算财政拨款支出决算情况说明';

// 一般公共预算财政拨款支出2940.05万元，主要用于以下方面：… each 类 with its share, correctly rounded.
const truthful = [
  share('一般公共服务支出（类）', '2106.66', '71.65', '2940.05', { line: 101 }),
  share('社会保障和就业支出（类）', '326.72', '11.11', '2940.05', { line: 101 }),
  share('卫生健康支出（类）', '60.99', '2.07', '2940.05', { line: 102 }),
  share('住房保障支出（类）', '445.69', '15.16', '2940.05', { line: 102 }),
  share('一般公共预算财政拨款支出', '2940.05', '100.00', '2940.05', { of: '本年支出合计', line: 99 }),
  // 6.2 is printed to 0.1: 6.15–6.25 of 2946.25 is 0.209%–0.212%.
  share('其他收入', '6.2', '0.21', '2946.25', { wholeName: '本年收入合计', line: 90 }),
  // A part in 元 of a whole in 万元.
  share('一般公共服务支出', '21066600', '71.65', '2940.05', { unit: '元', line: 103 }),
  // Printed to one decimal: 71.654% rounds to 71.7%.
  share('一般公共服务支出', '2106.66', '71.7', '2940.05', { line: 104 }),
];

describe('text-share', () => {
  it('passes shares that are the amount over its stated whole at the precision printed', () => {
    expect(run(textShare, finalDoc({ statedShares: truthful }))).toStrictEqual([]);
  });

  it('fails a share that the amounts do not give (expected = recomputed at the printed precision)', () => {
    const doc = finalDoc({
      statedShares: [
        share('一般公共服务支出（类）', '2106.66', '71.73', '2940.05', { line: 101 }),
        share('一般公共服务支出', '2106.66', '71.6', '2940.05', { line: 104 }),
      ],
    });
    const findings = run(textShare, doc);
    expect(findings).toStrictEqual([
      finding(textShare, 'error', { section: structure, line: 101 }, 71.65, 71.73),
      finding(textShare, 'error', { section: structure, line: 104 }, 71.7, 71.6),
    ]);
    expect(findings[0]!.message).toContain('71.65%');
  });

  it('fails a share off by just more than half a unit of its last digit', () => {
    // 2106.66 / 2940.05 = 71.6539…%: even 2106.665 / 2940.045 gives 71.6542%, short of 71.655%.
    const doc = budgetDoc({
      statedShares: [share('一般公共服务支出', '2106.66', '71.66', '2940.05', { section: '二、总体情况' })],
    });
    expect(run(textShare, doc)).toStrictEqual([
      finding(textShare, 'error', { section: '二、总体情况', line: 100 }, 71.65, 71.66),
    ]);
  });

  it('allows for amounts printed without decimals', () => {
    // 1 of 3 printed in whole 万元 may be 1.49 of 2.5 (59.6%): 40% cannot be called wrong; 1.00 of 3.00 can.
    const rounded = budgetDoc({ statedShares: [share('公用经费', '1', '40', '3')] });
    expect(run(textShare, rounded)).toStrictEqual([]);
    const exact = budgetDoc({ statedShares: [share('公用经费', '1.00', '40.00', '3.00')] });
    expect(run(textShare, exact)).toStrictEqual([
      finding(textShare, 'error', { section: structure, line: 100 }, 33.33, 40),
    ]);
  });

  it('ignores a share whose whole the text does not state, or a zero whole', () => {
    const doc = finalDoc({
      statedShares: [
        share('一般公共预算财政拨款支出', '2940.05', '99', null, { of: '全部支出' }),
        share('因公出国（境）费', '0', '0', '0.00'),
      ],
    });
    expect(run(textShare, doc)).toStrictEqual([]);
  });

  it('takes the whole from the table when the text names it but states no amount (占“三公”经费的…)', () => {
    // Jiangsu's one-line table: 合计 also counts 会议费 and 培训费; the 三公 is its 小计 (833.60).
    const threePublic = table(
      'three-public',
      '“三公”经费、会议费、培训费支出预算表',
      [
        '合计',
        '小计',
        '因公出国（境）费',
        '小计',
        '公务用车购置费',
        '公务用车运行维护费',
        '公务接待费',
        '会议费',
        '培训费',
      ],
      [
        row(null, '', [
          '2542.60',
          '833.60',
          '222.50',
          '183.60',
          null,
          '183.60',
          '427.50',
          '1305.25',
          '403.75',
        ]),
      ],
    );
    const stated = (percent: string) =>
      budgetDoc({
        tables: [threePublic],
        statedShares: [share('因公出国（境）费', '222.5', percent, null, { of: '“三公”经费', line: 300 })],
      });
    expect(run(textShare, stated('26.69'))).toStrictEqual([]);
    const [wrong, ...rest] = run(textShare, stated('8.75'));
    expect(rest).toEqual([]);
    expect(wrong).toMatchObject({ severity: 'error', expected: 26.69, actual: 8.75 });
    expect(wrong!.message).toContain('按“三公”经费、会议费、培训费支出预算表「小计」（833.60万元）');
  });
  it('takes a 三公 part’s share with no whole named as of the 三公 amount stated before it (…占69% of 1.71)', () => {
    const section = '二、“三公”经费支出情况说明';
    const doc = finalDoc({
      statedAmounts: [stated('three-public', '1.71', { section, line: 27 })],
      statedShares: [
        share('公务接待费支出决算', '0.53', '31', null, { section, line: 29 }),
        share('公务用车购置及运行维护费支出决算', '1.18', '31', null, { section, line: 30 }),
      ],
    });
    expect(run(textShare, doc)).toStrictEqual([finding(textShare, 'error', { section, line: 30 }, 69, 31)]);
  });
});
