// Rendering speed: every sample in shared/seeds written out as PDF by Chromium (one browser reused, as
// a server would), ms per render and file size; the typical sample also with the 附图 appendix, and
// once with a browser of its own (the cost of `yusuan render --format pdf`).
// With `--record` the figures replace the "Render" section of bench/RESULTS.md.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Document } from '../src/model/document.ts';
import { parseText } from '../src/parse.ts';
import { chartsAppendix } from '../src/render/charts.ts';
import { launchChromium, type PdfOptions, renderPdf } from '../src/render/pdf.ts';
import { recordSection } from './results.ts';

const targetMs = 2000;
const targetBytes = 1024 * 1024;
/** A complete budget disclosure: tables, 情况说明 and project tables. */
const typical = '004_b9fc89043e8814d5.txt';
const runs = 3;
const seedDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const record = process.argv.includes('--record');

const files = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const parse = (file: string) => parseText(new Uint8Array(readFileSync(seedDir + file)), file);

/** Pages of a PDF that Chromium wrote: its page objects. */
const pageCount = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?!s)/g) ?? []
  ).length;

/** Best of `runs` renders: ms, bytes and pages. */
async function best(doc: Document, options: () => PdfOptions) {
  let ms = Number.POSITIVE_INFINITY;
  let pdf: Uint8Array = new Uint8Array();
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    pdf = await renderPdf(doc, options());
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, bytes: pdf.length, pages: pageCount(pdf) };
}

const load = os.loadavg()[0]!;

const browser = await launchChromium();
const rows: string[][] = [];
let typicalFigure = { ms: 0, bytes: 0, pages: 0 };
/** The slowest and the largest of the samples, for the line on all of them. */
let slowest = { file: '', ms: 0 };
let largest = { file: '', bytes: 0 };
try {
  // Warm-up: the browser's first page and the fonts.
  await renderPdf(parse(typical), { browser });
  for (const file of files) {
    const doc = parse(file);
    const f = await best(doc, () => ({ browser }));
    if (file === typical) typicalFigure = f;
    if (f.ms > slowest.ms) slowest = { file, ms: f.ms };
    if (f.bytes > largest.bytes) largest = { file, bytes: f.bytes };
    rows.push([file, doc.kind, String(f.pages), f.ms.toFixed(0), (f.bytes / 1024).toFixed(0)]);
  }
  // The appendix is drawn for each render, as `render --charts` does.
  const doc = parse(typical);
  const charts = await best(doc, () => ({ browser, html: { appendix: chartsAppendix(doc) } }));
  rows.push([
    `${typical} with --charts`,
    doc.kind,
    String(charts.pages),
    charts.ms.toFixed(0),
    (charts.bytes / 1024).toFixed(0),
  ]);
} finally {
  await browser.close();
}
const cold = await best(parse(typical), () => ({}));
rows.push([
  `${typical}, own browser`,
  'budget',
  String(cold.pages),
  cold.ms.toFixed(0),
  (cold.bytes / 1024).toFixed(0),
]);

for (const r of rows)
  console.log(
    `${r[0]!.padEnd(52)} ${r[2]!.padStart(3)} pages ${r[3]!.padStart(6)} ms  ${r[4]!.padStart(5)} KB`,
  );
const lines = [
  `typical sample (${typical}) to PDF: ${typicalFigure.ms.toFixed(0)} ms with a browser reused, ${cold.ms.toFixed(0)} ms launching its own — target < ${targetMs} ms: ${Math.max(typicalFigure.ms, cold.ms) < targetMs ? 'met' : 'NOT met'}`,
  `its size: ${(typicalFigure.bytes / 1024).toFixed(0)} KB — target < ${targetBytes / 1024} KB: ${typicalFigure.bytes < targetBytes ? 'met' : 'NOT met'}`,
  `every sample: slowest ${slowest.file} ${slowest.ms.toFixed(0)} ms (${slowest.ms < targetMs ? 'within' : 'over'} the target), largest ${largest.file} ${(largest.bytes / 1024).toFixed(0)} KB (${largest.bytes < targetBytes ? 'within' : 'over'} the target)`,
];
for (const l of lines) console.log(l);

if (record) {
  const section = [
    '## Render',
    '',
    'Written by `bench/render.ts`: each sample in shared/seeds rendered to PDF (HTML printed by Chromium),',
    `best of ${runs} after a warm-up, one browser reused across renders; the typical sample also with the`,
    '附图 appendix (charts drawn each time), and launching a browser of its own as the CLI does. KB = 1024 bytes.',
    `The machine is shared with other work (1-minute load average ${load.toFixed(1)} on ${os.cpus().length} cores at the start), so the times are indicative.`,
    '',
    '| Sample | Kind | Pages | ms | KB |',
    '| ------ | ---- | ----: | --: | --: |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    ...lines.map((l) => `- ${l}`),
    '',
  ].join('\n');
  recordSection('Render', section);
}
