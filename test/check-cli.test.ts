// `yusuan check`: formats, exit codes, configuration, and the generated rule catalogue.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../src/check/catalogue.ts';
import { rules } from '../src/check/rules/index.ts';
import { runCli } from './helpers.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const budget = join(seeds, '004_b9fc89043e8814d5.txt');
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (...argv: string[]) => runCli(tmp, ...argv);

interface JsonReport {
  files: {
    file: string;
    document: { kind: string; department: string; year: number; unit: string };
    findings: { rule: string; severity: string; message: string; where: Record<string, unknown> }[];
  }[];
}

describe('yusuan check', () => {
  it('prints JSON as architecture.md fixes it, and exits 1 when a finding is an error', async () => {
    const r = await cli('check', budget, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files).toHaveLength(1);
    const [file] = report.files;
    expect(file!.document).toEqual({
      kind: 'budget',
      department: expect.any(String),
      year: 2024,
      unit: '万元',
    });
    expect(file!.findings.length).toBe(47);
    for (const f of file!.findings) {
      expect(
        Object.keys(f).every((k) =>
          ['rule', 'severity', 'message', 'where', 'expected', 'actual'].includes(k),
        ),
      ).toBe(true);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(
        Object.keys(f.where).every((k) =>
          ['table', 'row', 'column', 'project', 'section', 'page', 'line'].includes(k),
        ),
      ).toBe(true);
    }
  });

  it('groups the text report by file and severity, in Chinese', async () => {
    const r = await cli('check', seeds);
    expect(r.code).toBe(1);
    const first = r.stdout.indexOf('003_197cfe662bbdfdb7.txt');
    const second = r.stdout.indexOf('004_b9fc89043e8814d5.txt');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    const section004 = r.stdout.slice(second);
    expect(section004.indexOf('错误（26）')).toBeLessThan(section004.indexOf('警告（14）'));
    expect(section004.indexOf('警告（14）')).toBeLessThan(section004.indexOf('提示（7）'));
    expect(r.stdout).toMatch(/共 5 个文件：错误 \d+ 个，警告 \d+ 个，提示 \d+ 个/);
  });

  it('writes one self-contained HTML report with the wrong cells marked', async () => {
    const out = join(tmp, 'report.html');
    const r = await cli('check', budget, '--format', 'html', '--out', out);
    expect(r.code).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|src="http/);
    // general-basic 301: 合计 198.91 where the children add to 198.90 (a rounding difference → info).
    expect(html).toMatch(/<td class="n mark-info">198\.91<\/td>/);
    // Each finding carries its rule's explanation.
    expect(html).toContain('依据：');
  });

  it('exits 0 when no finding is an error', async () => {
    writeFileSync(
      join(tmp, 'quiet.json'),
      JSON.stringify({ rules: { 'project-cost-ceiling': 'warning', 'project-spending-plan': 'off' } }),
    );
    const r = await cli(
      'check',
      join(seeds, '002_fe23b3abf0dee3af.txt'),
      '--config',
      'quiet.json',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files[0]!.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['project-cost-ceiling', 'warning'],
    ]);
  });

  it('reads yusuan.config.json from the working directory', async () => {
    writeFileSync(
      join(tmp, 'yusuan.config.json'),
      JSON.stringify({ rules: { 'project-indicator-value': 'off' } }),
    );
    try {
      const r = await cli('check', join(seeds, '001_dc994fb7b72f807a.txt'), '--format', 'json');
      const rulesSeen = new Set((JSON.parse(r.stdout) as JsonReport).files[0]!.findings.map((f) => f.rule));
      expect(rulesSeen.has('project-indicator-value')).toBe(false);
      expect(rulesSeen.has('project-spending-plan')).toBe(true);
    } finally {
      rmSync(join(tmp, 'yusuan.config.json'));
    }
  });

  it('rejects a configuration naming an unknown rule, with exit code 2', async () => {
    writeFileSync(join(tmp, 'bad.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const r = await cli('check', budget, '--config', 'bad.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为 no-such-rule 的规则');
  });

  it('exits 2 when a file cannot be read, after checking the others', async () => {
    const r = await cli('check', budget, join(tmp, 'missing.txt'), '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.txt：文件不存在');
    expect((JSON.parse(r.stdout) as JsonReport).files).toHaveLength(1);
  });

  it('applies a profile given on the command line', async () => {
    // 002 is a performance text: its own profile asks for 总体/分项绩效目标 and 保障措施, which it has;
    // checked against the national budget profile, the seven budget sections are not there (one info says so).
    const performance = join(seeds, '002_fe23b3abf0dee3af.txt');
    const sectionsMissing = async (...extra: string[]) => {
      const r = await cli('check', performance, '--format', 'json', ...extra);
      return (JSON.parse(r.stdout) as JsonReport).files[0]!.findings.filter(
        (f) => f.rule === 'required-sections',
      );
    };
    expect(await sectionsMissing()).toEqual([]);
    const missing = await sectionsMissing('--profile', 'national-budget');
    expect(missing.map((f) => f.message)).toEqual([expect.stringMatching(/（共 7 个）/)]);
  });
});

describe('docs/rules.md', () => {
  it('is the catalogue generated from the rules (run `npm run rules-doc` after changing a rule)', () => {
    const file = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8');
    expect(file).toBe(rulesMarkdown());
  });

  it('lists every rule with what it checks, why, and an example', () => {
    const doc = rulesMarkdown();
    for (const { meta } of rules) {
      expect(doc).toContain(`## ${meta.id}`);
      expect(meta.description.length).toBeGreaterThan(10);
      expect(meta.reason.length).toBeGreaterThan(5);
      expect(meta.example.length).toBeGreaterThan(5);
    }
    expect(new Set(rules.map((r) => r.meta.id)).size).toBe(rules.length);
  });
});
