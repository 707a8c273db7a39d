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
  /** Median over the rounds (see `rounds`). */
  msPerDoc: number;
  /** Over all runs. */
  meanMs: number;
  slowestBatchMs: number;
  mbPerSec: number;
  /** checkDocument on the parsed document, ms per run (median over the rounds). */
  checkMs: number;
}

interface Timing {
  /** Per task: the median of its batches' ms per run, the mean over all its runs, its slowest batch. */
  ms: number[];
  meanMs: number[];
  slowestMs: number[];
  iterations: number[];
  /** The median over rounds of a round's total (one batch of each task, in ms per run). */
  totalMs: number;
}

/**
 * Rounds of one batch per task (at least 20 ms and 3 runs each) until at least 3 s and 30 rounds have
 * passed. The machines this runs on are shared: a neighbour's burst slows everything for a second or
 * more, by half or more. Taking each task in every round spreads such a phase over all tasks alike,
 * and the median over rounds leaves it out of the figure; the mean over all runs (garbage collection
 * included) and the slowest batch are reported beside it.
 */
function rounds(tasks: (() => unknown)[]): Timing {
  const batches: number[][] = tasks.map(() => []);
  const totals: number[] = [];
  const iterations = tasks.map(() => 0);
  const spent = tasks.map(() => 0);
  const start = performance.now();
  while (totals.length < 30 || performance.now() - start < 3000) {
    let total = 0;
    tasks.forEach((run, t) => {
      const t0 = performance.now();
      let n = 0;
      let elapsed = 0;
      while (n < 3 || elapsed < 20) {
        run();
        n++;
        elapsed = performance.now() - t0;
      }
      batches[t]!.push(elapsed / n);
      iterations[t]! += n;
      spent[t]! += elapsed;
      total += elapsed / n;
    });
    totals.push(total);
  }
  return {
    ms: batches.map(median),
    meanMs: spent.map((ms, t) => ms / iterations[t]!),
    slowestMs: batches.map((b) => Math.max(...b)),
    iterations,
    totalMs: median(totals),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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

const parsed = samples.map((s) => parseText(s.bytes, s.file));
const parse = rounds(samples.map((s) => () => parseText(s.bytes, s.file)));
const check = rounds(parsed.map((doc) => () => checkDocument(doc)));
const figures: Figure[] = samples.map((s, i) => ({
  file: s.file,
  bytes: s.bytes.length,
  iterations: parse.iterations[i]!,
  msPerDoc: parse.ms[i]!,
  meanMs: parse.meanMs[i]!,
  slowestBatchMs: parse.slowestMs[i]!,
  mbPerSec: s.bytes.length / 1e6 / (parse.ms[i]! / 1000),
  checkMs: check.ms[i]!,
}));
for (const f of figures)
  console.log(
    `${f.file.padEnd(28)} ${(f.bytes / 1000).toFixed(1).padStart(7)} KB  ${f.msPerDoc.toFixed(3).padStart(9)} ms/doc  ${f.mbPerSec.toFixed(2).padStart(8)} MB/s  (${f.iterations} runs; mean ${f.meanMs.toFixed(3)}, slowest batch ${f.slowestBatchMs.toFixed(3)} ms)  check ${f.checkMs.toFixed(3)} ms = +${percent(f.checkMs / f.msPerDoc)}`,
  );
// Total throughput: all samples parsed once each, i.e. total bytes over the time of one pass.
const totalBytes = figures.reduce((s, f) => s + f.bytes, 0);
const totalMs = parse.totalMs;
const totalMBs = totalBytes / 1e6 / (totalMs / 1000);
const totalMeanMs = figures.reduce((s, f) => s + f.meanMs, 0);
const totalMeanMBs = totalBytes / 1e6 / (totalMeanMs / 1000);
const met = totalMBs >= targetMBs;
console.log('');
console.log(
  `total: ${(totalBytes / 1000).toFixed(1)} KB in ${totalMs.toFixed(3)} ms per pass = ${totalMBs.toFixed(2)} MB/s (median of rounds; sum of means: ${totalMeanMs.toFixed(3)} ms = ${totalMeanMBs.toFixed(2)} MB/s)`,
);
const totalCheckMs = check.totalMs;
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
    [
      'File',
      'Size (KB)',
      'ms per document',
      'MB/s',
      'mean ms',
      'slowest batch ms',
      'Runs',
      'check ms',
      'check / parse',
    ],
    [
      ...figures.map((f) => [
        f.file,
        (f.bytes / 1000).toFixed(1),
        f.msPerDoc.toFixed(3),
        f.mbPerSec.toFixed(2),
        f.meanMs.toFixed(3),
        f.slowestBatchMs.toFixed(3),
        String(f.iterations),
        f.checkMs.toFixed(3),
        percent(f.checkMs / f.msPerDoc),
      ]),
      [
        '**total**',
        (totalBytes / 1000).toFixed(1),
        totalMs.toFixed(3),
        `**${totalMBs.toFixed(2)}**`,
        totalMeanMs.toFixed(3),
        '',
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
    '`parseText` after a warm-up, then `checkDocument` on each parsed document, in rounds of one batch',
    '(≥ 20 ms) per sample for at least 3 s and 30 rounds. ms per document is the median over the rounds,',
    "the total the median of a round's total: the machine is shared, and a neighbour's burst slows",
    'everything for a second or more by half or more. The mean over all runs (garbage collection',
    'included) and the slowest batch are beside it; the mean total is',
    `${totalMeanMBs.toFixed(2)} MB/s. KB = 10^3 and MB = 10^6 bytes of the file as read.`,
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
