// Each row's role is set once, by the recogniser (src/model/roles.ts), and read by the checks and the
// paragraphs instead of matching row names (issue 22, item 1).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarySide, totalRow } from '../src/check/tables.ts';
import type { BudgetTable } from '../src/model/document.ts';
import { withRowRoles } from '../src/model/roles.ts';
import { parseDocument } from '../src/parse.ts';
import { parseSeed, seedFiles } from './helpers.ts';

const pdfDir = fileURLToPath(new URL('../../shared/samples/pdf/', import.meta.url));
const rolesOf = (table: BudgetTable, side?: 'income' | 'expenditure') =>
  table.rows.filter((r) => r.role && r.side === side).map((r) => [r.name, r.role]);

describe('row roles', () => {
  it('mark the parts of a two-sided summary and the totals (seed 004, as printed)', () => {
    const doc = parseSeed('004');
    const income = rolesOf(doc.tables.summary!, 'income');
    expect(income.filter(([, role]) => role !== 'item')).toEqual([
      ['本年收入合计', 'subtotal'],
      ['上年结转结余', 'carry-over'],
      ['收入总计', 'total'],
    ]);
    expect(income.filter(([, role]) => role === 'item')).toHaveLength(5);
    expect(rolesOf(doc.tables.summary!, 'expenditure').filter(([, role]) => role !== 'item')).toEqual([
      ['本年支出合计', 'subtotal'],
      ['年终结转结余', 'carry-over'],
      ['支出总计', 'total'],
    ]);
    expect(rolesOf(doc.tables.expenditure!)).toEqual([['合计', 'total']]);
    expect(rolesOf(doc.tables['three-public']!).map(([, role]) => role)).toEqual([
      'three-public-total',
      'three-public-abroad',
      'three-public-car',
      'three-public-car-purchase',
      'three-public-car-running',
      'three-public-reception',
    ]);
  });

  it('are what the checks read: one total per coded table, the summary sides split by role', async () => {
    const docs = seedFiles.map((f) => parseSeed(f));
    for (const f of readdirSync(pdfDir).filter((x) => x.endsWith('.pdf')))
      docs.push(await parseDocument(new Uint8Array(readFileSync(pdfDir + f)), f));
    let summaries = 0;
    for (const doc of docs)
      for (const table of Object.values(doc.tables)) {
        expect(table!.rows.filter((r) => r.role === 'total' && !r.side).length).toBeLessThanOrEqual(1);
        if (!table!.rows.some((r) => r.side)) continue;
        summaries++;
        for (const side of ['income', 'expenditure'] as const) {
          const s = summarySide(table!, side);
          // Every carry-over line stands between the side's 本年…合计 and its 总计.
          const rows = table!.rows.filter((r) => r.side === side);
          for (const carry of s.carry) {
            expect(rows.indexOf(carry)).toBeGreaterThan(rows.indexOf(s.subtotal!));
            if (s.total) expect(rows.indexOf(carry)).toBeLessThan(rows.indexOf(s.total));
          }
        }
      }
    expect(summaries).toBeGreaterThan(10);
  });

  it('are set on a model that has none (a file or a store from before roles), and kept when set', () => {
    const doc = parseSeed('000');
    const bare = {
      ...doc,
      tables: Object.fromEntries(
        Object.entries(doc.tables).map(([k, t]) => [
          k,
          { ...t!, rows: t!.rows.map(({ role: _r, ...row }) => row) },
        ]),
      ),
    };
    expect(totalRow(bare.tables.expenditure!)).toBeUndefined();
    const restored = withRowRoles(bare);
    expect(restored.tables).toEqual(doc.tables);
    expect(withRowRoles(doc)).toBe(doc);
  });
});
