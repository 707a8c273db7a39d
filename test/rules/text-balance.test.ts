import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/engine.ts';
import { textBalance } from '../../src/check/rules/text-balance.ts';
import { parseString } from '../helpers.ts';

const findings = (...lines: string[]) =>
  checkDocument(parseString(['2022年度部门决算情况说明', ...lines].join('\n')), {}, [textBalance]).filter(
    (f) => f.severity !== 'info',
  );

describe('text-balance', () => {
  it('passes the two totals stated equal, and 收入总计 = 本年支出 + 年末结转和结余', () => {
    expect(
      findings('2022年度收、支总计各是4125.49万元。与2021年相比，收、支总计各减少1267.86万元。'),
    ).toEqual([]);
    expect(
      findings('2018年度一般公共预算收入总计1101.32万元，本年支出1070.67万元，年末结转和结余30.65万元。'),
    ).toEqual([]);
  });

  it('fails two different totals (4125.49,4143.91 read as two amounts), and a spending side that does not make the income', () => {
    expect(findings('2022年度收、支总计各是4125.49,4143.91万元。')).toHaveLength(1);
    expect(
      findings('2018年度一般公共预算收入总计1085.31万元，本年支出1070.67万元，年末结转和结余30.65万元。'),
    ).toHaveLength(1);
  });

  it('does not hold a part’s totals stated apart (财政拨款收入总计…财政拨款支出总计…), nor a side with other items', () => {
    expect(findings('2020年财政拨款收入总计1614.63万元，增长50.28%；财政拨款支出总计1870.91万元。')).toEqual(
      [],
    );
    expect(
      findings('收入总计1085.31万元，本年支出1070.67万元，结余分配5万元，年末结转和结余30.65万元。'),
    ).toEqual([]);
  });
});
