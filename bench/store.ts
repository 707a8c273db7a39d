// Store and API speed: import 1,000 generated documents into embedded PGlite, then time the dashboard
// and comparison API (p95 over repeated requests). `npm run bench` runs it after the parser benchmark;
// with `--record` the figures replace the "Store and API" section of bench/RESULTS.md.

import { demoDocuments } from '../src/demo/generate.ts';
import { buildServer } from '../src/server/app.ts';
import { openStore } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { recordSection } from './results.ts';

// Issue 21: 1,000 documents imported within 20 s on this 2-core machine.
const targetImportSeconds = 20;
const targetP95Ms = 100;
const record = process.argv.includes('--record');

const documents: { name: string; text: string }[] = [];
for (let variant = 1; documents.length < 1000; variant++) documents.push(...demoDocuments(variant));
documents.length = 1000;

const store = await openStore({});
const t0 = performance.now();
for (const [i, d] of documents.entries()) {
  await importFile(store, new TextEncoder().encode(d.text), d.name);
  if ((i + 1) % 100 === 0) process.stdout.write(`\rimported ${i + 1}/${documents.length}`);
}
const importSeconds = (performance.now() - t0) / 1000;
console.log(
  `\rimported ${documents.length} documents in ${importSeconds.toFixed(1)} s (${((importSeconds * 1000) / documents.length).toFixed(1)} ms each)`,
);

// Anonymous reads of every upload: the figures are about speed, not about who sees what.
const app = await buildServer({ store, webDir: '/nonexistent', publicOnUpload: true });
async function p95(url: string, runs = 100): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t = performance.now();
    const r = await app.inject({ method: 'GET', url });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
    if (i >= 5) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.ceil(times.length * 0.95) - 1]!;
}
const overviewP95 = await p95('/api/documents');
const ids = (
  JSON.parse((await app.inject({ method: 'GET', url: '/api/documents' })).body) as { id: number }[]
)
  .slice(0, 12)
  .map((d) => d.id);
const compareP95 = await p95(`/api/compare?ids=${ids.join(',')}`);
const searchP95 = await p95(`/api/documents?q=${encodeURIComponent('招商')}`);
await app.close();
await store.destroy();

const lines = [
  `import: ${importSeconds.toFixed(1)} s for 1,000 documents — target ≤ ${targetImportSeconds} s: ${importSeconds <= targetImportSeconds ? 'met' : 'NOT met'}`,
  `dashboard p95: ${overviewP95.toFixed(1)} ms, search p95: ${searchP95.toFixed(1)} ms, comparison (12 documents) p95: ${compareP95.toFixed(1)} ms — target ≤ ${targetP95Ms} ms: ${Math.max(overviewP95, compareP95, searchP95) <= targetP95Ms ? 'met' : 'NOT met'}`,
];
for (const l of lines) console.log(l);

if (record) {
  const section = [
    '## Store and API',
    '',
    'Written by `bench/store.ts`: 1,000 generated disclosures (src/demo/generate.ts, variants) imported one by one',
    'into embedded PGlite (parse + check + one transaction each), then 100 requests per endpoint through',
    'fastify (in-process).',
    '',
    ...lines.map((l) => `- ${l}`),
    '',
  ].join('\n');
  recordSection('Store and API', section);
}
