import { describe, expect, it } from 'vitest';
import { checkDocument, hasErrors } from '../../src/check/engine.ts';
import { chooseProfile } from '../../src/check/profiles.ts';
import { rules } from '../../src/check/rules/index.ts';
import { placeholder } from '../../src/check/rules/placeholder.ts';
import { projectsTotal } from '../../src/check/rules/projects-total.ts';
import { requiredSections } from '../../src/check/rules/required-sections.ts';
import { requiredTables } from '../../src/check/rules/required-tables.ts';
import { tableRowSum } from '../../src/check/rules/table-row-sum.ts';
import type { Rule } from '../../src/check/types.ts';
import { budgetDoc, finalDoc, performanceDoc, project, row, section, table } from './build.ts';
import { finding } from './check.ts';

// A 基本支出表 with one real error (line 11, 合计 off by 1) and one rounding difference (line 12).
const basic = table(
  'general-basic',
  '一般公共预算财政拨款基本支出表',
  ['合计', '人员经费', '公用经费'],
  [
    row('301', '工资福利支出', ['80.00', '79.00', null]),
    row('302', '商品和服务支出', ['20.00', '10.00', '10.01']),
  ],
);
const doc = budgetDoc({ tables: [basic] });
const errorWhere = { table: 'general-basic' as const, row: '301', column: '合计', line: 11 };
const infoWhere = { table: 'general-basic' as const, row: '302', column: '合计', line: 12 };

const hebeiCode = '130225250000000000001';

/** Six of the nine national budget tables. */
const sixTables = () =>
  (
    ['summary', 'income', 'expenditure', 'fiscal-summary', 'general-expenditure', 'general-basic'] as const
  ).map((k) => table(k, k, ['合计'], []));

describe('engine', () => {
  it('runs the 48 rules with distinct ids', () => {
    expect(rules).toHaveLength(48);
    expect(new Set(rules.map((r) => r.meta.id)).size).toBe(48);
  });

  it('names the rule, keeps the rule severity and the tolerance', () => {
    expect(checkDocument(doc, {}, [tableRowSum])).toStrictEqual([
      finding(tableRowSum, 'error', errorWhere, 79, 80),
      finding(tableRowSum, 'info', infoWhere, 20.01, 20),
    ]);
    expect(hasErrors(checkDocument(doc, {}, [tableRowSum]))).toBe(true);
  });

  it("removes a rule's findings when the config switches it off", () => {
    expect(checkDocument(doc, { rules: { 'table-row-sum': 'off' } }, [tableRowSum])).toStrictEqual([]);
    // Other rules still run.
    const withPlaceholder = budgetDoc({
      tables: [basic],
      placeholders: [{ text: 'XX', source: { line: 3 } }],
    });
    expect(
      checkDocument(withPlaceholder, { rules: { 'table-row-sum': 'off' } }, [tableRowSum, placeholder]),
    ).toStrictEqual([finding(placeholder, 'error', { line: 3 })]);
  });

  it('turns an error into a warning when configured, and leaves an info as info', () => {
    const findings = checkDocument(doc, { rules: { 'table-row-sum': 'warning' } }, [tableRowSum]);
    expect(findings).toStrictEqual([
      finding(tableRowSum, 'warning', errorWhere, 79, 80),
      finding(tableRowSum, 'info', infoWhere, 20.01, 20),
    ]);
    expect(hasErrors(findings)).toBe(false);
  });

  it('orders findings by line, those without a line last', () => {
    const d = budgetDoc({
      tables: [basic],
      placeholders: [
        { text: '待填写', source: { line: 50 } },
        { text: 'XX', source: { line: 3 } },
      ],
    });
    const lines = checkDocument(d, {}, [requiredTables, placeholder, tableRowSum]).map((f) => f.where.line);
    expect(lines.slice(0, 4)).toStrictEqual([3, 11, 12, 50]);
    expect(lines.slice(4).every((l) => l === undefined)).toBe(true);
  });

  it('runs a rule only on the kinds it names: a performance text is not asked for budget tables', () => {
    const perf = performanceDoc();
    expect(checkDocument(perf, {}, [requiredTables])).toStrictEqual([]);
    // Not even under a budget profile: the kind filter applies first.
    expect(checkDocument(perf, { profile: 'national-budget' }, [requiredTables])).toStrictEqual([]);
    // A budget-only rule is skipped for a performance text with the same data.
    const perfWithProjects = performanceDoc({
      tables: [table('expenditure', '支出总表', ['合计', '项目支出'], [row(null, '合计', ['1', '1'])])],
      projects: [project({ budget: '99' })],
    });
    expect(checkDocument(perfWithProjects, {}, [projectsTotal])).toStrictEqual([]);
    // The same rule set asks a budget for them.
    expect(checkDocument(budgetDoc({ tables: sixTables() }), {}, [requiredTables])).toHaveLength(3);
  });

  it('chooses the profile from the document', () => {
    expect(chooseProfile(performanceDoc()).name).toBe('performance');
    expect(chooseProfile(performanceDoc({ projects: [project({ code: hebeiCode })] })).name).toBe(
      'performance',
    );
    expect(chooseProfile(finalDoc()).name).toBe('final');
    expect(chooseProfile(budgetDoc()).name).toBe('national-budget');
    expect(chooseProfile(budgetDoc({ projects: [project()] })).name).toBe('national-budget');
    expect(chooseProfile(budgetDoc({ projects: [project({ code: hebeiCode })] })).name).toBe(
      'hebei-county-budget',
    );
    // Only when every project is a Hebei one.
    expect(chooseProfile(budgetDoc({ projects: [project({ code: hebeiCode }), project()] })).name).toBe(
      'national-budget',
    );
  });

  it('applies the chosen profile: a Hebei budget must also have 政府采购 and 资产 tables', () => {
    const national = checkDocument(budgetDoc({ tables: sixTables() }), {}, [requiredTables]).map(
      (f) => f.where.table,
    );
    const hebei = checkDocument(
      budgetDoc({ tables: sixTables(), projects: [project({ code: hebeiCode })] }),
      {},
      [requiredTables],
    ).map((f) => f.where.table);
    expect(national).toStrictEqual(['fund-expenditure', 'capital-expenditure', 'three-public']);
    expect(hebei).toStrictEqual([...national, 'procurement', 'assets']);
  });

  it('lets config.profile override the chosen profile', () => {
    const hebeiDoc = budgetDoc({ tables: sixTables(), projects: [project({ code: hebeiCode })] });
    expect(checkDocument(hebeiDoc, { profile: 'national-budget' }, [requiredTables])).toHaveLength(3);
    const six = budgetDoc({ tables: sixTables() });
    expect(checkDocument(six, { profile: 'hebei-county-budget' }, [requiredTables])).toHaveLength(5);
    // Under the 决算 profile none of its tables is there: one info, not nine errors.
    expect(checkDocument(six, { profile: 'final' }, [requiredTables]).map((f) => f.severity)).toStrictEqual([
      'info',
    ]);
    // A performance text checked against the performance sections, or a pinned budget profile's.
    // (One of its three there: with none, it is a project table on its own, reported once as info.)
    const perf = performanceDoc({ sections: [section('一、总体绩效目标', 10)] });
    expect(checkDocument(perf, {}, [requiredSections]).map((f) => f.where.section)).toStrictEqual([
      '分项绩效目标',
      '工作保障措施',
    ]);
    // Under a budget profile none of its seven is there: one info, not seven warnings.
    expect(
      checkDocument(perf, { profile: 'national-budget' }, [requiredSections]).map((f) => f.severity),
    ).toStrictEqual(['info']);
  });
});

describe('engine: a table read with low confidence', () => {
  const unsure = {
    ...basic,
    confidence: { level: 'low' as const, reasons: ['2/6 行有科目编码'] },
  };
  const sure = { ...basic, confidence: { level: 'high' as const, reasons: ['表名符合该类表'] } };

  it('lists as info, with the reasons, what a well-read table gives as an error', () => {
    const of = (t: typeof basic) =>
      checkDocument(budgetDoc({ tables: [t] }), {}, [tableRowSum]).filter((f) => f.where.row === '301');
    expect(of(sure).map((f) => f.severity)).toEqual(['error']);
    const [listed] = of(unsure);
    expect(listed?.severity).toBe('info');
    expect(listed?.message).toContain('识别置信度低');
    expect(listed?.message).toContain('2/6 行有科目编码');
  });

  it('does the same for a comparison resting on the other table', () => {
    const against = (other: typeof basic): Rule => ({
      meta: { ...tableRowSum.meta, id: 'test-against' },
      check(_doc, ctx) {
        ctx.report({ message: '不一致', where: { table: 'summary', against: other.key } });
      },
    });
    const doc = budgetDoc({ tables: [unsure] });
    expect(checkDocument(doc, {}, [against(unsure)]).map((f) => f.severity)).toEqual(['info']);
    expect(checkDocument(budgetDoc({ tables: [sure] }), {}, [against(sure)]).map((f) => f.severity)).toEqual([
      'error',
    ]);
  });
});
