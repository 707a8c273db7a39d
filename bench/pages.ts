// The pages as a user waits for them: the web app (production build) served with the demo disclosures and
// the real samples, each page opened cold in a fresh Chromium context, timed from navigation to its content
// on screen (the overview's grid, a document's first table, the comparison's first chart) by the page's own
// clock. Median of 7 loads per page; also the server's memory after importing everything.
// With `--record` the figures replace the "Pages" section of bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { demoDocuments } from '../src/demo/generate.ts';
import { buildServer, defaultWebDir } from '../src/server/app.ts';
import { firstRun } from '../src/server/start.ts';
import { openStore } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { recordSection } from './results.ts';

const targetMs = 300;
const loads = 7;
const record = process.argv.includes('--record');

if (!process.argv.includes('--no-build') || !existsSync(defaultWebDir)) {
  const built = spawnSync('npm', ['run', 'build:web'], {
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error('npm run build:web failed');
}

const store = await openStore({});
await firstRun(store, () => {});
const app = await buildServer({ store });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const documents = (await (await fetch(`${base}/api/documents`)).json()) as {
  id: number;
  fileName: string;
}[];
const largest = async () => {
  let best = { id: documents[0]!.id, size: 0 };
  for (const d of documents) {
    const size = (await (await fetch(`${base}/api/documents/${d.id}`)).arrayBuffer()).byteLength;
    if (size > best.size) best = { id: d.id, size };
  }
  return best;
};
const big = await largest();
const pdfDocument = documents.find((d) => d.fileName.endsWith('.pdf'))!;
const pages: [string, string, string][] = [
  ['总览 (overview)', '/', 'main table'],
  [`文档 (a PDF's document, ${pdfDocument.fileName})`, `/documents/${pdfDocument.id}`, 'main table'],
  [`文档 (the largest model, ${Math.round(big.size / 1000)} KB)`, `/documents/${big.id}`, 'main table'],
  [
    '比较 (3 documents)',
    `/compare?ids=${documents
      .slice(0, 3)
      .map((d) => d.id)
      .join(',')}`,
    'main svg',
  ],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows: string[][] = [];
const lines: string[] = [];
/** Opens `path` cold `loads` times; the page's clock at the first frame with `selector` on screen. */
async function timePage(at: string, name: string, path: string, selector: string) {
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(at + path, { waitUntil: 'commit' });
    const shown = await page.waitForFunction(
      (s) => (document.querySelector(s) ? performance.now() : 0),
      selector,
      { polling: 'raf', timeout: 15_000 },
    );
    times.push(Number(await shown.jsonValue()));
    await context.close();
  }
  const ms = median(times);
  rows.push([
    name,
    String(Math.round(ms)),
    String(Math.round(Math.min(...times))),
    String(Math.round(Math.max(...times))),
  ]);
  lines.push(`${name}: ${ms.toFixed(0)} ms`);
}
for (const [name, path, selector] of pages) await timePage(base, name, path, selector);
const rssMB = process.memoryUsage().rss / 1e6;
await app.close();
await store.destroy();

// A county's worth: the overview of 1,000 generated disclosures (bench/store.ts's documents), all public.
const large = await openStore({});
const generated: { name: string; text: string }[] = [];
for (let variant = 1; generated.length < 1000; variant++) generated.push(...demoDocuments(variant));
for (const d of generated.slice(0, 1000)) await importFile(large, new TextEncoder().encode(d.text), d.name);
await large.updateTable('document').set({ review_state: 'approved' }).execute();
const largeApp = await buildServer({ store: large });
await largeApp.listen({ port: 0, host: '127.0.0.1' });
const largeAddress = largeApp.server.address();
const largeBase = `http://127.0.0.1:${typeof largeAddress === 'object' && largeAddress ? largeAddress.port : 0}`;
await timePage(largeBase, '总览 (overview), 1,000 documents', '/', 'main table');
await largeApp.close();
await large.destroy();
await browser.close();

const table = [
  '| Page | median ms | fastest | slowest |',
  '| ---- | --------: | ------: | ------: |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const overviewAndDocument = [...rows.slice(0, 3), rows[4]!].map((r) => Number(r[1]));
const met = overviewAndDocument.every((ms) => ms <= targetMs);
console.log(table);
console.log(`overview and document pages ≤ ${targetMs} ms: ${met ? 'met' : 'not met'}`);
const cpus = os.cpus();
if (record)
  recordSection(
    'Pages',
    `## Pages

Written by \`bench/pages.ts\`: the production build of the web app, served by the real server (in-process,
in-memory PGlite) holding the demo disclosures and the real samples, and the overview again on a store of
1,000 generated disclosures; each page opened ${loads} times, each time in a fresh Chromium context (nothing cached), and timed by the page's own clock from navigation to
the first frame with its content (the overview's grid, a document's first table, a comparison's chart).

- Machine: ${cpus[0]?.model.trim()}, ${cpus.length} cores, Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z; 1-minute load at the end: ${os.loadavg()[0]!.toFixed(1)}

${table}

- overview and document pages ≤ ${targetMs} ms (median): **${met ? 'met' : 'not met'}** (${[...lines.slice(0, 3), lines[4]].join('; ')})
- memory of this process (server, store and benchmark together) at the end: ${rssMB.toFixed(0)} MB
`,
  );
