// The demo disclosures the project writes for a fresh installation: consistent documents check clean,
// and each deliberate mistake is found by its rule and nothing else.
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { demoDocuments } from '../src/demo/generate.ts';
import { parseText } from '../src/parse.ts';

const parsed = demoDocuments().map((d) => {
  const doc = parseText(new TextEncoder().encode(d.text), d.name);
  return { name: d.name, doc, rules: [...new Set(checkDocument(doc).map((f) => f.rule))].sort() };
});

describe('demo disclosures', () => {
  it('are four departments over three years, each read in full', () => {
    expect(new Set(parsed.map((p) => p.doc.department.name)).size).toBe(4);
    expect(new Set(parsed.map((p) => p.doc.year))).toEqual(new Set([2023, 2024, 2025]));
    for (const { doc } of parsed) {
      expect(Object.keys(doc.tables)).toHaveLength(11);
      expect(doc.projects).toHaveLength(2);
      expect(doc.statedAmounts.find((s) => s.subject === 'expenditure-total')).toBeDefined();
    }
  });

  it('check clean where no mistake was planted', () => {
    for (const p of parsed.filter((x) => x.doc.year !== 2025)) expect(p.rules, p.name).toEqual([]);
    // 403's planted mistake is a wrong 比上年 amount: only visible against the stored prior year.
    expect(parsed.find((p) => p.name === 'demo-403-2025.txt')!.rules).toEqual([]);
  });

  it('show each planted mistake through its own rule', () => {
    const rulesOf = (name: string) => parsed.find((p) => p.name === name)!.rules;
    expect(rulesOf('demo-401-2025.txt')).toEqual(['table-parent-children']);
    expect(rulesOf('demo-402-2025.txt')).toEqual(['project-spending-plan', 'text-amount', 'text-parts-sum']);
    expect(rulesOf('demo-404-2025.txt')).toEqual(['note-empty-with-data', 'project-indicator-coverage']);
  });
});
