// Parsing speed on the samples: `npm run bench` prints the figures; `npm run bench -- --record` also
// writes them to bench/RESULTS.md. KB = 10^3 and MB = 10^6 bytes of the file as read.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkDocument } from '../src/check/engine.ts';
import { parseText } from '../src/parse.ts';
import { recordHead } from './results.ts';

const targetMBs = 50;
/** Checking may add at most this share of the parse time. */
const checkOverheadTarget = 0.2;
const seedDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const record = process.argv.includes('--record');

interface Figure {
  file: string;
  bytes: number;
  iterations: number;
  msPerDoc: number;
  mbPerSec: number;
  /** checkDocument on the parsed document, ms per run. */
  checkMs: number;
}

function measure(file: string, bytes: Uint8Array): Figure {
  const parse = timed(() => parseText(bytes, file));
  const doc = parseText(bytes, file);
  const check = timed(() => checkDocument(doc));
  return {
    file,
    bytes: bytes.length,
    iterations: parse.iterations,
    msPerDoc: parse.ms,
    mbPerSec: bytes.length / 1e6 / (parse.ms / 1000),
    checkMs: check.ms,
  };
}

/** Warm-up for at least 0.3 s (and 10 runs), then runs until at least 1 s has passed (and 10 runs). */
function timed(run: () => unknown): { ms: number; iterations: number } {
  let t0 = performance.now();
  for (let i = 0; i < 10 || performance.now() - t0 < 300; i++) run();
  let iterations = 0;
  t0 = performance.now();
  let elapsed = 0;
  while (iterations < 10 || elapsed < 1000) {
    run();
    iterations++;
    elapsed = performance.now() - t0;
  }
  return { ms: elapsed / iterations, iterations };
}

const files = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
if (files.length === 0) throw new Error(`no samples in ${seedDir}`);

const cpus = os.cpus();
const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`;
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
console.log(`machine: ${machine}`);
console.log(`date:    ${date}`);
console.log('');

// Steady state, not start-up: let V8 compile the parser on every sample before timing any of them.
const samples = files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(seedDir + file)) }));
for (const start = performance.now(); performance.now() - start < 2000; )
  for (const s of samples) checkDocument(parseText(s.bytes, s.file));

const figures: Figure[] = [];
for (const file of files) {
  const f = measure(file, new Uint8Array(readFileSync(seedDir + file)));
  figures.push(f);
  console.log(
    `${file.padEnd(28)} ${(f.bytes / 1000).toFixed(1).padStart(7)} KB  ${f.msPerDoc.toFixed(3).padStart(9)} ms/doc  ${f.mbPerSec.toFixed(2).padStart(8)} MB/s  (${f.iterations} runs)  check ${f.checkMs.toFixed(3)} ms = +${percent(f.checkMs / f.msPerDoc)}`,
  );
}
// Total throughput: all samples parsed once each, i.e. total bytes over the sum of the times per document.
const totalBytes = figures.reduce((s, f) => s + f.bytes, 0);
const totalMs = figures.reduce((s, f) => s + f.msPerDoc, 0);
const totalMBs = totalBytes / 1e6 / (totalMs / 1000);
const met = totalMBs >= targetMBs;
console.log('');
console.log(
  `total: ${(totalBytes / 1000).toFixed(1)} KB in ${totalMs.toFixed(3)} ms per pass = ${totalMBs.toFixed(2)} MB/s`,
);
const totalCheckMs = figures.reduce((s, f) => s + f.checkMs, 0);
const overhead = totalCheckMs / totalMs;
const checkMet = overhead <= checkOverheadTarget;
console.log(
  `check: ${totalCheckMs.toFixed(3)} ms per pass = +${percent(overhead)} of parse time; target ≤ ${percent(checkOverheadTarget)}: ${checkMet ? 'met' : 'NOT met'}`,
);
const slowest = figures.reduce((a, b) => (b.mbPerSec < a.mbPerSec ? b : a));
console.log(
  `target ≥ ${targetMBs} MB/s: ${met ? 'met' : 'NOT met'} (total ${totalMBs.toFixed(2)} MB/s; slowest ${slowest.file} ${slowest.mbPerSec.toFixed(2)} MB/s)`,
);

if (record) {
  const table = markdownTable(
    ['File', 'Size (KB)', 'ms per document', 'MB/s', 'Runs', 'check ms', 'check / parse'],
    [
      ...figures.map((f) => [
        f.file,
        (f.bytes / 1000).toFixed(1),
        f.msPerDoc.toFixed(3),
        f.mbPerSec.toFixed(2),
        String(f.iterations),
        f.checkMs.toFixed(3),
        percent(f.checkMs / f.msPerDoc),
      ]),
      [
        '**total**',
        (totalBytes / 1000).toFixed(1),
        totalMs.toFixed(3),
        `**${totalMBs.toFixed(2)}**`,
        '',
        totalCheckMs.toFixed(3),
        `**${percent(overhead)}**`,
      ],
    ],
  );
  const md = [
    '# Benchmark results',
    '',
    'Written by `npm run bench -- --record` (bench/run.ts): each sample in shared/seeds parsed with',
    '`parseText` after a warm-up, repeated for at least 1 s, then `checkDocument` on the parsed document the',
    'same way. KB = 10^3 and MB = 10^6 bytes of the file as read.',
    '',
    `- Machine: ${machine}`,
    `- Date: ${date}`,
    `- Target: ≥ ${targetMBs} MB/s in total — **${met ? 'met' : 'not met'}**`,
    `- Target: checking adds ≤ ${percent(checkOverheadTarget)} to parse time — **${checkMet ? 'met' : 'not met'}** (+${percent(overhead)})`,
    '',
    ...table,
    '',
  ].join('\n');
  recordHead(md);
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** A markdown table with padded columns (as the formatter lays it out): first column left, others right. */
function markdownTable(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, c) => Math.max(3, h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const cell = (text: string, c: number) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)];
}
