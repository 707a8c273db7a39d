// Tables copied from a web page as flattened text — each cell on a line of its own, or the whole table in
// one run of cells separated by spaces or tabs — read as the same tables. The flattened texts are made here
// from the golden models of the seeds and the shared samples (written by reading those documents), as a
// page's text would give them: the title, the unit, the header's column names, then each row's code, name
// and printed amounts; an empty cell gives nothing, as it does when a page is copied.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.ts';
import { ReadError } from '../src/read/layout.ts';
import { parseString } from './helpers.ts';

type GoldenRow = [string | null, string | null, string, (string | null)[]];
interface GoldenTable {
  title: string;
  unit: string;
  columns: string[];
  rows: GoldenRow[];
  notes: string[];
}

const goldenTables = (path: string) =>
  (
    JSON.parse(readFileSync(new URL(`./golden/${path}`, import.meta.url), 'utf8')) as {
      tables: Record<string, GoldenTable>;
    }
  ).tables;

/** The cells of a table as a web page's text gives them, empty cells left out. */
function cellsOf(t: GoldenTable): string[] {
  const cells = [`单位：${t.unit}`, '项目', ...t.columns];
  for (const [, code, name, amounts] of t.rows)
    cells.push(...(code ? [code] : []), name, ...amounts.filter((a): a is string => a !== null));
  return [...cells, ...t.notes];
}

type Form = 'one cell per line' | 'one run, spaces' | 'one run, tabs' | 'title in the run';

function flattened(tables: Record<string, GoldenTable>, form: Form): string {
  const out = ['一、部门预算安排的总体情况', '本部门的收支预算见下表。'];
  for (const t of Object.values(tables)) {
    const cells = cellsOf(t);
    if (form === 'one cell per line') out.push(t.title, ...cells);
    else if (form === 'one run, spaces') out.push(t.title, cells.join(' '));
    else if (form === 'one run, tabs') out.push(t.title, cells.join('\t'));
    else out.push([t.title, ...cells].join(' '));
  }
  out.push('二、其他需要说明的事项', '无。');
  return out.join('\n');
}

const rowsOf = (doc: Document, key: string) =>
  (doc.tables as Record<string, Document['tables']['summary']>)[key]?.rows.map((r) => [
    r.side ?? null,
    r.code ?? null,
    r.name,
    r.amounts.map((a) => a?.value ?? null),
  ]);

/**
 * Whether the flattened text still says where each amount stood. A row that leaves some cells empty and
 * prints others loses their places; the kind's columns and identities (合计 = parts, parents = children)
 * put them back for the national tables the seeds print, but not for tables printed with other columns
 * than the kind's (Shanghai's 收入预算总表 prints 5 of 10). A row without a name (Shanghai's one-line 三公
 * table) and codes not of the national 3/5/7-digit form are left out too. Final accounts, whose columns the
 * catalogue leaves to the printed header, are not covered.
 */
const carried = (t: GoldenTable, kindColumns: boolean) =>
  t.rows.every(
    ([, code, name, amounts]) =>
      name !== '' &&
      (code === null || /^\d{3}(?:\d{2}){0,2}$/.test(code)) &&
      (kindColumns || amounts.every((a) => a !== null) || amounts.every((a) => a === null)),
  );

const documents = [
  { golden: '000_fcc4ddfc57e18395.json', kindColumns: true },
  { golden: '004_b9fc89043e8814d5.json', kindColumns: true },
  { golden: 'pdf/putuo-finance-bureau-2025-budget.json', kindColumns: false },
  { golden: 'pdf/putuo-wanli-subdistrict-2024-budget.json', kindColumns: false },
  { golden: 'pdf/putuo-wanli-subdistrict-2025-budget.json', kindColumns: false },
];
const forms: Form[] = ['one cell per line', 'one run, spaces', 'one run, tabs', 'title in the run'];

describe('a flattened table reads as the table laid out in rows', () => {
  for (const { golden, kindColumns } of documents) {
    const tables = goldenTables(golden);
    const kept = Object.entries(tables).filter(([, t]) => carried(t, kindColumns));
    for (const form of forms) {
      it(`${golden}, ${form}: ${kept.length} of ${Object.keys(tables).length} tables`, () => {
        const doc = parseString(flattened(tables, form), 'page.txt');
        for (const [key, t] of kept) {
          expect(rowsOf(doc, key), key).toEqual(t.rows);
          expect(doc.tables[key as keyof Document['tables']]?.notes, key).toEqual(t.notes);
        }
      });
    }
  }

  it('every seed table and 17 of the 27 Shanghai tables are covered', () => {
    const counted = documents.map(({ golden, kindColumns }) => {
      const all = Object.values(goldenTables(golden));
      return [all.filter((t) => carried(t, kindColumns)).length, all.length];
    });
    expect(counted).toEqual([
      [11, 11],
      [11, 11],
      [4, 9],
      [6, 9],
      [7, 9],
    ]);
  });

  it('a table in prose is not taken for a flattened one', () => {
    const doc = parseString(
      [
        '部门预算支出总表',
        '单位：万元',
        '科目编码 科目名称 合计 基本支出 项目支出',
        '栏次 1 2 3 4 5',
        '1 合计 100.00 80.00 20.00',
        '2 201 一般公共服务支出 100.00 80.00 20.00',
        '3 20113 商贸事务 100.00 80.00 20.00',
        '4 2011301 行政运行 100.00 80.00 20.00',
      ].join('\n'),
    );
    expect(rowsOf(doc, 'expenditure')?.map((r) => r[1])).toEqual([null, '201', '20113', '2011301']);
  });

  it('a 3- to 7-digit amount is not taken for a code that has no parent', () => {
    const doc = parseString(
      [
        '部门预算支出总表',
        '单位：元',
        '科目编码 科目名称 合计 基本支出 项目支出',
        '201 一般公共服务支出 2011300 2011300 0 20113 商贸事务 2011300 2011300 0 合计 2011300 2011300 0',
      ].join('\n'),
    );
    expect(rowsOf(doc, 'expenditure')).toEqual([
      [null, '201', '一般公共服务支出', ['2011300', '2011300', '0', null, null, null]],
      [null, '20113', '商贸事务', ['2011300', '2011300', '0', null, null, null]],
      [null, null, '合计', ['2011300', '2011300', '0', null, null, null]],
    ]);
  });
});

describe('flattened text never throws', () => {
  const all = documents.flatMap(({ golden }) => Object.values(goldenTables(golden)));
  const cells = [...new Set(all.flatMap(cellsOf))];
  const titles = [...new Set(all.map((t) => t.title))];
  it('random runs and lines of table cells, titles and noise', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom(...cells), fc.constantFrom(...titles), fc.string({ maxLength: 12 })),
          { maxLength: 200 },
        ),
        fc.constantFrom('\n', ' ', '\t', ' | '),
        (tokens, sep) => {
          try {
            const doc = parseString(tokens.join(sep), 'page.txt');
            expect(typeof doc.tables).toBe('object');
          } catch (e) {
            // An empty or blank text is refused as unreadable, which is not a crash.
            if (!(e instanceof ReadError)) throw e;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('web page text', () => {
  it('a table whose cells are joined by " | " is read as cells', () => {
    const doc = parseString(
      [
        '2024年某某县水利局部门“三公”经费情况统计表 | ||',
        '? | 单位:万元 | |',
        '项 目 | 本年预算数 | 其中:公共预算财政拨款 |',
        '合 计 | 12.00 | 12.00 |',
        '1.因公出国(境)费用 | 0 | 0 |',
        '2.公务接待费 | 2.00 | 2.00 |',
        '3.公务用车费 | 10.00 | 10.00 |',
      ].join('\n'),
    );
    expect(rowsOf(doc, 'three-public')).toEqual([
      [null, null, '合计', ['12.00', '12.00', null, null]],
      [null, null, '1.因公出国(境)费用', ['0', '0', null, null]],
      [null, null, '2.公务接待费', ['2.00', '2.00', null, null]],
      [null, null, '3.公务用车费', ['10.00', '10.00', null, null]],
    ]);
    // The year and the discloser from the title; not the "?" of the header's corner cell.
    expect([doc.year, doc.department.name]).toEqual([2024, '某某县水利局']);
  });

  it('a 三公 table printed as one line under a two-row header, each cell followed by “|”', () => {
    const doc = parseString(
      [
        '一、2022年一般公共预算“三公”经费支出预算表',
        '单位:万元',
        ...['“三公”经费合计', '因公出国(境)费', '公务用车购置及运行费', '公务 接待费'].map((c) => `${c} |`),
        '||',
        ...['小计', '公务用车购置费', '公务用车运行费'].map((c) => `${c} |`),
        '|||',
        ...['9', '0', '7', '5', '2', '2'].map((c) => `${c} |`),
      ].join('\n'),
    );
    const table = doc.tables['three-public']!;
    expect(table.columns).toEqual([
      '合计',
      '因公出国(境)费',
      '小计',
      '公务用车购置费',
      '公务用车运行费',
      '公务接待费',
    ]);
    expect(rowsOf(doc, 'three-public')).toEqual([[null, null, '合计', ['9', '0', '7', '5', '2', '2']]]);
  });

  it('a 三公 table with its parts one per line, some printed empty', () => {
    const doc = parseString(
      [
        '一、2018年“三公”经费支出预算表',
        '项目',
        '预 算 数(万元)',
        '合计',
        '3.1',
        '因公出国(境)费',
        '0',
        '公务接待费',
        '公务用车购置及运行费',
        '其中:公务用车运行维护费',
        '公务用车购置',
      ].join('\n'),
    );
    expect(rowsOf(doc, 'three-public')?.map((r) => [r[2], r[3]])).toEqual([
      ['合计', ['3.1']],
      ['因公出国(境)费', ['0']],
      ['公务接待费', [null]],
      ['公务用车购置及运行费', [null]],
      ['其中:公务用车运行维护费', [null]],
      ['公务用车购置', [null]],
    ]);
  });

  it('a named table in rows without 序号, its rows numbered 一、（一）', () => {
    const doc = parseString(
      [
        '2024年某局财政拨款“三公”经费预算表',
        '金额单位:万元',
        '项目 2024年预算数',
        '一、“三公”经费合计 9.5 9.5',
        '(一)公务接待费 3.5 3.5',
        '(二)公务用车费 6 6',
        '二、会议费 1 1',
      ].join('\n'),
    );
    expect(rowsOf(doc, 'three-public')?.map((r) => [r[2], r[3]])).toEqual([
      ['一、“三公”经费合计', ['9.5', '9.5', null, null]],
      ['(一)公务接待费', ['3.5', '3.5', null, null]],
      ['(二)公务用车费', ['6', '6', null, null]],
      ['二、会议费', ['1', '1', null, null]],
    ]);
  });

  it('a fragment names its year and discloser in a sentence only', () => {
    const doc = parseString(
      [
        '根据区政府工作安排,某某区2023年一般公共预算安排“三公”经费决算数120万元,比上年决算数下降5%。',
        '2023年决算数比2022年某某区“三公”经费决算数126.32万元减少6.32万元。',
      ].join('\n'),
    );
    // 2023 is named by two 预算/决算 phrases, the prior year 2022 by one.
    expect([doc.kind, doc.year, doc.department.name]).toEqual(['final', 2023, '某某区']);
  });

  it('a list of the tables (numbered, or 详见附件 after it) is a table of contents, not empty tables', () => {
    const doc = parseString(
      [
        '第二部分:某中心2024年部门预算报表',
        '一、财政拨款收支总表',
        '二、一般公共预算支出表',
        '三、一般公共预算基本支出表',
        '四、部门预算资金安排的“三公”经费情况明细表',
        '五、部门支出总表',
        '(上述报表详见附件)',
        '第三部分:某中心2024年部门预算说明',
      ].join('\n'),
    );
    expect(Object.keys(doc.tables)).toEqual([]);
  });
});
