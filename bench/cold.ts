// Cold process: what a user waits for at the command line, each command in a fresh process (`node -e 0` as
// the floor, `pdftotext -layout` as a reference for the PDF), median of `runs`. With `--record` the figures
// replace the "Cold process" section of bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { recordSection } from './results.ts';

const runs = 11;
const record = process.argv.includes('--record');
const bin = fileURLToPath(new URL('../bin/yusuan.js', import.meta.url));
const build = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
const seedDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const pdf = fileURLToPath(
  new URL('../../shared/samples/pdf/putuo-finance-bureau-2024-final-accounts.pdf', import.meta.url),
);

interface Command {
  label: string;
  file: string;
  args: string[];
  /** Exit codes of a run that went through (`check` exits 1 when it finds errors in the document). */
  codes: number[];
  targetMs?: number;
}

/** The largest seed: the slowest text a user is likely to check. */
function largestSeed(dir: string): string {
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  if (seeds.length === 0) throw new Error(`no seeds in ${dir}`);
  return dir + seeds.sort((a, b) => statSync(dir + b).size - statSync(dir + a).size)[0]!;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Why a run does not count, or null: killed by a signal, an uncaught exception, or an unexpected exit code. */
function failure(c: Command, status: number | null, signal: string | null, stderr: string): string | null {
  if (signal) return `killed by ${signal}`;
  if (/^\s+at .+:\d+:\d+\)?$/m.test(stderr) || /^(Uncaught )?\w*Error\b/m.test(stderr)) return 'exception';
  if (status === null || !c.codes.includes(status)) return `exit code ${status}`;
  return null;
}

/** One run of the command in a fresh process, in ms; throws if it crashed. */
function time(c: Command): number {
  const t = performance.now();
  const r = spawnSync(c.file, c.args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  const why = r.error ? r.error.message : failure(c, r.status, r.signal, r.stderr);
  if (why) throw new Error(`${c.label}: ${why}\n${r.stderr}`);
  return ms;
}

/**
 * Each round runs every command once, so that a burst from a neighbour on this shared machine slows all of
 * them alike rather than one command's runs; the median leaves such rounds out. A first, untimed round
 * warms the file cache.
 */
function measure(commands: Command[]): number[] {
  const times: number[][] = commands.map(() => []);
  for (const c of commands) time(c);
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of commands.entries()) times[i]!.push(time(c));
  }
  return times.map(median);
}

function verdict(ms: number, target: number | undefined): string {
  if (target === undefined) return '';
  return ` — target ≤ ${target} ms: ${ms <= target ? 'met' : 'NOT met'}`;
}

// The CLI runs dist/: compile it first if src/ changed since, or the figures would be an older build's.
const built = spawnSync(process.execPath, [build, '--if-stale'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('node scripts/build.mjs --if-stale failed');

const seed = largestSeed(seedDir);
const node = process.execPath;
const commands: Command[] = [
  { label: '`node -e 0`', file: node, args: ['-e', '0'], codes: [0] },
  { label: '`yusuan --help`', file: node, args: [bin, '--help'], codes: [0], targetMs: 150 },
  {
    label: `\`yusuan check ${seed.slice(seedDir.length)}\``,
    file: node,
    args: [bin, 'check', seed],
    codes: [0, 1],
    targetMs: 400,
  },
  {
    label: `\`yusuan check ${pdf.split('/').pop()}\``,
    file: node,
    args: [bin, 'check', pdf],
    codes: [0, 1],
    targetMs: 1200,
  },
  {
    label: '`pdftotext -layout` on the same PDF',
    file: 'pdftotext',
    args: ['-layout', pdf, '-'],
    codes: [0],
  },
];
const load = os.loadavg()[0]!;
const medians = measure(commands);
const floor = medians[0]!;
const poppler = medians[commands.length - 1]!;
const ratio = (ms: number, base: number) => `${(ms / base).toFixed(1)}×`;
const lines = commands.map((c, i) => {
  const ms = medians[i]!;
  const toPoppler =
    c.args.includes(pdf) && c.file === node ? `, ${ratio(ms, poppler)} pdftotext -layout` : '';
  const toFloor = i > 0 && c.file === node ? ` (${ratio(ms, floor)} node -e 0${toPoppler})` : '';
  return `${c.label}: ${ms.toFixed(0)} ms${toFloor}${verdict(ms, c.targetMs)}`;
});
for (const l of lines) console.log(l);

if (record) {
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`;
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const section = [
    '## Cold process',
    '',
    'Written by `bench/cold.ts`: each command spawned as a fresh process (wall time of `spawnSync`, output',
    `captured), median of ${runs} rounds that run every command once, after an untimed round.`,
    `${machine}; ${date}; 1-minute load average at the start ${load.toFixed(1)}.`,
    '',
    ...lines.map((l) => `- ${l}`),
    '',
  ].join('\n');
  recordSection('Cold process', section);
}
