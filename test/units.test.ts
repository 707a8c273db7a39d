// A department's totals against the sum of its units' own documents (单位预算), in the store and
// through `check --units`. The demo writer makes the documents: units of integer scales 1 and 2 add up
// exactly to a department of scale 3 in every total the rule compares.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/check/types.ts';
import { demoDisclosure, demoUnitDocuments } from '../src/demo/generate.ts';
import { openStore } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { storedDocument } from '../src/store/queries.ts';
import { runCli } from './helpers.ts';

const disclosure = (code: string, name: string, scale: number) =>
  demoDisclosure({ code, name, year: 2025, scale, mistakes: [] });
const department = disclosure('405', '示范县教育局', 3);
const unitA = disclosure('405001', '示范县教育局本级', 1);
const unitB = disclosure('405002', '示范县教育服务中心', 2);
const unitBOff = disclosure('405002', '示范县教育服务中心', 2.5);
const bytes = (text: string) => new TextEncoder().encode(text);
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const unitFindings = <F extends Pick<Finding, 'rule' | 'severity'>>(findings: F[]) =>
  findings.filter((f) => f.rule === 'department-units-total' && f.severity !== 'info');

describe('department totals against its units', () => {
  it('is checked by the store in whichever order the department and its units arrive', async () => {
    const store = await openStore({});
    try {
      const dept = await importFile(store, bytes(department), 'dept.txt');
      const findingsOf = async (id: number) => unitFindings((await storedDocument(store, id))!.findings);
      expect(await findingsOf(dept.id)).toEqual([]); // no unit stored yet
      await importFile(store, bytes(unitA), 'a.txt');
      // One unit of two: its totals fall short of the department's.
      expect((await findingsOf(dept.id)).length).toBeGreaterThan(0);
      const b = await importFile(store, bytes(unitB), 'b.txt');
      expect(await findingsOf(dept.id)).toEqual([]);
      expect(await findingsOf(b.id)).toEqual([]); // a unit's own document is not compared
      // A newer version of unit B with other figures supersedes it: the department no longer adds up.
      await importFile(store, bytes(unitBOff), 'b2.txt');
      const off = await findingsOf(dept.id);
      expect(off.map((f) => f.where.row)).toContain('支出总计');
      expect(off.every((f) => f.severity === 'error')).toBe(true);
      const stored = await storedDocument(store, dept.id);
      expect(stored!.summary.errors).toBe(stored!.findings.filter((f) => f.severity === 'error').length);
    } finally {
      await store.destroy();
    }
  });

  it('is shown by the demo set: a department whose second unit is planted too high', async () => {
    const store = await openStore({});
    try {
      const ids = [];
      for (const d of demoUnitDocuments()) ids.push((await importFile(store, bytes(d.text), d.name)).id);
      const findings = unitFindings((await storedDocument(store, ids[0]!))!.findings);
      expect(findings.map((f) => f.where.row)).toContain('支出总计');
      for (const id of ids.slice(1))
        expect(unitFindings((await storedDocument(store, id))!.findings)).toEqual([]);
    } finally {
      await store.destroy();
    }
  });

  it('is checked by `yusuan check --units`', async () => {
    for (const [name, text] of Object.entries({ department, unitA, unitB, unitBOff }))
      writeFileSync(join(tmp, `${name}.txt`), text);
    const good = await runCli(
      tmp,
      'check',
      'department.txt',
      '--units',
      'unitA.txt',
      'unitB.txt',
      '--format',
      'json',
    );
    const bad = await runCli(
      tmp,
      'check',
      'department.txt',
      '--units',
      'unitA.txt',
      'unitBOff.txt',
      '--format',
      'json',
    );
    const rules = (out: string) => unitFindings(JSON.parse(out).files[0].findings as Finding[]);
    expect(rules(good.stdout)).toEqual([]);
    expect(rules(bad.stdout).length).toBeGreaterThanOrEqual(3);
    expect(bad.code).toBe(1);
  });
});
