// The projection of a Document that golden files record (see test/golden/README.md).
import { createHash } from 'node:crypto';
import type { Document, TableRow } from '../src/model/document.ts';

const strip = (s: string) => s.replace(/\s+/g, '');
export const prose = (text: string) => {
  const t = strip(text);
  return { length: [...t].length, sha1: createHash('sha1').update(t, 'utf8').digest('hex') };
};

export function toGolden(doc: Document) {
  const row = (r: TableRow) => [
    r.side ?? null,
    r.code ?? null,
    r.name,
    r.amounts.map((a) => a?.value ?? null),
  ];
  return {
    kind: doc.kind,
    department: doc.department,
    year: doc.year ?? null,
    unit: doc.unit,
    units: doc.units.map((u) => [u.name, u.nature, u.rank, u.funding]),
    tables: Object.fromEntries(
      Object.entries(doc.tables).map(([key, t]) => [
        key,
        {
          title: t.title,
          unit: t.unit,
          columns: t.columns,
          ...(t.incomeColumns ? { incomeColumns: t.incomeColumns } : {}),
          rows: t.rows.map(row),
          notes: t.notes,
        },
      ]),
    ),
    statedAmounts: doc.statedAmounts.map((s) => [
      s.subject,
      s.item ?? null,
      s.value,
      s.change ? [s.change.direction, s.change.comparedYear ?? null] : null,
      s.source.line,
    ]),
    statedShares: (doc.statedShares ?? []).map((s) => [
      s.part.name,
      s.part.value,
      s.percent,
      s.of ?? null,
      s.whole?.value ?? null,
      s.source.line,
    ]),
    sections: doc.sections.map((s) => s.heading),
    performance: doc.performance
      ? {
          overall: prose(doc.performance.overall),
          items: doc.performance.items.map((i) => [i.title, prose(i.text)]),
          measures: prose(doc.performance.measures),
        }
      : null,
    projects: doc.projects.map((p) => ({
      code: p.code,
      name: p.name,
      unitCode: p.unitCode ?? null,
      unitName: p.unitName ?? null,
      unit: p.unit,
      budget: p.budget?.value ?? null,
      fiscal: p.fiscal?.value ?? null,
      other: p.other?.value ?? null,
      purpose: strip(p.purpose),
      plan: p.plan ? [p.plan.form, p.plan.points.map((x) => x.value)] : null,
      target: prose(p.target),
      indicators: p.indicators.map((i) => [i.level1, i.level2, i.level3, i.description, i.value, i.basis]),
    })),
  };
}

/**
 * The stated amounts and shares of a golden projection without their line numbers (the last field):
 * how PDF goldens are compared, where line numbers follow pdftotext rather than yusuan's reader.
 */
export function statedWithoutLines(g: { statedAmounts: unknown[][]; statedShares?: unknown[][] }): {
  statedAmounts: unknown[][];
  statedShares: unknown[][];
} {
  return {
    statedAmounts: g.statedAmounts.map((s) => s.slice(0, -1)),
    statedShares: (g.statedShares ?? []).map((s) => s.slice(0, -1)),
  };
}
