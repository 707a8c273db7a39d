// Checks that need history: 比上年 amounts against the same department's stored prior-year document.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { demoDocuments } from '../src/demo/generate.ts';
import { parseText } from '../src/parse.ts';
import { openStore } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { storedDocument } from '../src/store/queries.ts';
import { runCli } from './helpers.ts';

const demo = demoDocuments();
const text = (name: string) => demo.find((d) => d.name === name)!.text;
const parse = (name: string) => parseText(new TextEncoder().encode(text(name)), name);
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-history-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('比上年 against the prior-year document', () => {
  it('finds no difference when the stated change is the difference of the two years', () => {
    const findings = checkDocument(parse('demo-403-2024.txt'), { previous: parse('demo-403-2023.txt') });
    expect(findings.filter((f) => f.rule === 'text-change-vs-prior')).toEqual([]);
  });

  it('reports a stated change that does not match the prior year, with both amounts', () => {
    const now = parse('demo-403-2025.txt');
    const before = parse('demo-403-2024.txt');
    const total = (d: typeof now) =>
      Number(d.statedAmounts.find((s) => s.subject === 'expenditure-total' && !s.change)!.value);
    const [finding] = checkDocument(now, { previous: before }).filter(
      (f) => f.rule === 'text-change-vs-prior',
    );
    expect(finding).toMatchObject({
      severity: 'error',
      expected: Number((total(now) - total(before)).toFixed(2)),
    });
    expect(finding!.actual! - finding!.expected!).toBeCloseTo(10, 6);
    // Without the prior year the rule does not run.
    expect(checkDocument(now).some((f) => f.rule === 'text-change-vs-prior')).toBe(false);
  });

  it('is applied by the store when the prior year is stored, and by `check --previous`', async () => {
    const store = await openStore({});
    try {
      await importFile(store, new TextEncoder().encode(text('demo-403-2024.txt')), 'demo-403-2024.txt');
      const r = await importFile(
        store,
        new TextEncoder().encode(text('demo-403-2025.txt')),
        'demo-403-2025.txt',
      );
      const stored = await storedDocument(store, r.id);
      expect(stored!.findings.map((f) => f.rule)).toEqual(['text-change-vs-prior']);
    } finally {
      await store.destroy();
    }
    writeFileSync(join(tmp, 'a.txt'), text('demo-403-2024.txt'));
    writeFileSync(join(tmp, 'b.txt'), text('demo-403-2025.txt'));
    const { code, stdout, stderr } = await runCli(
      tmp,
      'check',
      'b.txt',
      '--previous',
      'a.txt',
      '--format',
      'json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('text-change-vs-prior');
  });
});
