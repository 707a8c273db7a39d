// Ten PDFs uploaded at once to a server (issue 21): while they are imported, how long /api/health and
// GET /api/documents take, and whether the ten finish within 1.3 × (the sum of their single-file times ÷
// cores). The server is a separate process (bench/concurrent-server.mjs, the compiled code), so the probes
// do not share its event loop. Each file alone is timed first on one new store, then the ten together on
// another. With `--record` the figures replace the "Concurrent imports" section of bench/RESULTS.md;
// BENCH_PROF=1 writes CPU profiles of the server process and its threads to /tmp/prof.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordSection } from './results.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared');
const record = process.argv.includes('--record');
const password = 'bench-concurrent-password';
const cores = os.availableParallelism();

spawnSync('node', ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });

/** The real PDFs (not the blank template), and two of them with a comment appended: new files, same pages. */
function files(): { name: string; bytes: Uint8Array }[] {
  const real = [join(shared, 'samples', 'pdf'), join(shared, 'corpus')].flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.pdf') && !n.includes('template'))
      .sort()
      .map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(dir, n))) })),
  );
  const variants = real.slice(0, 10 - real.length).map((f, i) => ({
    name: f.name.replace(/\.pdf$/, `-copy${i + 1}.pdf`),
    bytes: new Uint8Array(Buffer.concat([f.bytes, Buffer.from(`\n% bench copy ${i + 1}\n`)])),
  }));
  return [...real, ...variants];
}

interface Server {
  base: string;
  child: ChildProcess;
  dataDir: string;
  session: { cookie: string; csrf: string };
}

/** The blank template: read like any PDF, then refused as no disclosure; it warms a new server's workers up. */
const warmUp = {
  name: 'final-accounts-template-2024.pdf',
  bytes: new Uint8Array(readFileSync(join(shared, 'samples', 'pdf', 'final-accounts-template-2024.pdf'))),
};

async function startServer(): Promise<Server> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'yusuan-bench-concurrent-'));
  const child = spawn(
    'node',
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      join(root, 'bench', 'concurrent-server.mjs'),
      dataDir,
      password,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password }),
  });
  if (response.status !== 200) throw new Error(`log in: ${response.status}`);
  const session = {
    cookie: response.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await response.json()) as { csrf: string }).csrf,
  };
  const server = { base, child, dataDir, session };
  // One per core, at once, so that every PDF worker has loaded pdf.js before the timing.
  const ids = await Promise.all(
    Array.from({ length: cores }, (_, i) =>
      startJob(server, { name: `warm-up-${i}.pdf`, bytes: new Uint8Array([...warmUp.bytes, 10 + i]) }),
    ),
  );
  await finished(server, ids, performance.now(), 50, true);
  return server;
}

async function stopServer(server: Server) {
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(server.dataDir, { recursive: true, force: true });
}

async function startJob(server: Server, file: { name: string; bytes: Uint8Array }): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(file.bytes)]), file.name);
  const response = await fetch(`${server.base}/api/imports`, {
    method: 'POST',
    headers: { cookie: server.session.cookie, 'x-csrf-token': server.session.csrf },
    body: form,
  });
  if (response.status !== 202) throw new Error(`upload ${file.name}: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

interface Job {
  id: string;
  state: string;
  results: { ok: boolean; file: string; error?: string }[];
}
const jobs = async (server: Server) =>
  (await (
    await fetch(`${server.base}/api/imports`, { headers: { cookie: server.session.cookie } })
  ).json()) as Job[];

/** Waits until every job named is finished; each one's time from `since`. */
async function finished(server: Server, ids: string[], since: number, pollMs: number, mayFail = false) {
  const done = new Map<string, number>();
  while (done.size < ids.length) {
    await new Promise((r) => setTimeout(r, pollMs));
    for (const job of await jobs(server))
      if (ids.includes(job.id) && job.state === 'finished' && !done.has(job.id)) {
        const failed = job.results.filter((r) => !r.ok);
        if (failed.length > 0 && !mayFail) throw new Error(`import failed: ${JSON.stringify(failed)}`);
        done.set(job.id, performance.now() - since);
      }
  }
  return done;
}

/** Requests `path` again and again, `everyMs` apart, until stopped; each answer's time. */
function probe(server: Server, path: string, everyMs: number, anonymous = false) {
  const times: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const start = performance.now();
      const response = await fetch(server.base + path, {
        headers: anonymous ? {} : { cookie: server.session.cookie },
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      times.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return times;
    },
  };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};

const upload = files();
console.log(`concurrent imports: ${upload.length} PDFs, ${cores} cores`);

// Each file alone, one after another, on a store of its own.
const alone = await startServer();
const single: number[] = [];
for (const file of upload) {
  const start = performance.now();
  const id = await startJob(alone, file);
  single.push((await finished(alone, [id], start, 20)).get(id)!);
  console.log(`  alone: ${file.name} ${Math.round(single.at(-1)!)} ms`);
}
await stopServer(alone);
const sumSingle = single.reduce((a, b) => a + b, 0);

// The ten together, probed meanwhile.
const together = await startServer();
// A monitor's probe carries no session; the list is requested as the admin who uploaded.
const health = probe(together, '/api/health', 100, true);
const list = probe(together, '/api/documents', 200);
await new Promise((r) => setTimeout(r, 1000)); // the probes' idle baseline
const start = performance.now();
const ids = await Promise.all(upload.map((f) => startJob(together, f)));
const times = await finished(together, ids, start, 500);
const wall = Math.max(...times.values());
const healthTimes = await health.stop();
const listTimes = await list.stop();
const stored = (
  (await (
    await fetch(`${together.base}/api/documents`, { headers: { cookie: together.session.cookie } })
  ).json()) as unknown[]
).length;
await stopServer(together);

const bound = (1.3 * sumSingle) / cores;
const healthP99 = quantile(healthTimes, 0.99);
const listP95 = quantile(listTimes, 0.95);
const verdict = (met: boolean) => (met ? 'met' : '**not met**');
const lines = [
  `- ${upload.length} PDFs (${upload.map((f) => f.name).join(', ')}), each alone: ${single.map((t) => Math.round(t)).join(', ')} ms; sum ${Math.round(sumSingle)} ms`,
  `- the ${upload.length} uploaded at once: all imported in ${Math.round(wall)} ms (${stored} documents stored); bound 1.3 × ${Math.round(sumSingle)} ÷ ${cores} cores = ${Math.round(bound)} ms — ${verdict(wall <= bound)} (${(wall / (sumSingle / cores)).toFixed(2)} × the sum ÷ cores)`,
  `- /api/health during the import: ${healthTimes.length} requests, median ${quantile(healthTimes, 0.5).toFixed(1)} ms, p99 ${healthP99.toFixed(1)} ms, slowest ${Math.max(...healthTimes).toFixed(1)} ms — target p99 ≤ 100 ms: ${verdict(healthP99 <= 100)}`,
  `- GET /api/documents during the import: ${listTimes.length} requests, median ${quantile(listTimes, 0.5).toFixed(1)} ms, p95 ${listP95.toFixed(1)} ms, slowest ${Math.max(...listTimes).toFixed(1)} ms — target p95 ≤ 300 ms: ${verdict(listP95 <= 300)}`,
];
for (const line of lines) console.log(line);
if (record)
  recordSection(
    'Concurrent imports',
    [
      '## Concurrent imports',
      '',
      'Written by `bench/concurrent.ts`: the compiled server in a process of its own on a new embedded store; the',
      'real PDFs of ../shared (two of them also as copies with a comment appended, to make ten new files) each',
      'imported alone through `POST /api/imports`, then all ten uploaded at once on another new store while',
      '`/api/health` (every 100 ms, as a monitor asks: no session) and `GET /api/documents` (every 200 ms, as the',
      'admin who uploaded) are requested.',
      '',
      `- Machine: ${os.cpus()[0]?.model.trim()}, ${cores} cores, Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z; 1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)}`,
      ...lines,
    ].join('\n'),
  );
