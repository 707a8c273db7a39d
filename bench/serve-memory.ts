// The server's memory as an operator sees it: `yusuan serve` (compiled, as `npm start` runs it) started on
// a new data directory, so its first start imports the demo disclosures and the real samples; then the
// overview and every document are requested once. Resident memory of the server process (VmRSS) when it
// is ready and after the requests, and its peak (VmHWM). With `--record` the figures replace the "Server
// memory" section of bench/RESULTS.md.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordSection } from './results.ts';

const targetMB = 400;
const root = fileURLToPath(new URL('..', import.meta.url));
const record = process.argv.includes('--record');

if (spawnSync('node', ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: 'ignore' }).status !== 0)
  throw new Error('node scripts/build.mjs failed');

/** VmRSS and VmHWM of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: (kb('VmRSS') * 1024) / 1e6, peak: (kb('VmHWM') * 1024) / 1e6 };
}

const dataDir = mkdtempSync(join(os.tmpdir(), 'yusuan-serve-memory-'));
const started = Date.now();
const server: ChildProcess = spawn(
  process.execPath,
  ['bin/yusuan.js', 'serve', '--data', dataDir, '--port', '0'],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } },
);
try {
  const base = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const up = /yusuan 已启动：(http:\/\/[^/\s]+)\//.exec(chunk.toString());
      if (up) resolve(up[1]!);
    });
    server.once('exit', (code) => reject(new Error(`serve exited (${code})`)));
  });
  const readySeconds = (Date.now() - started) / 1000;
  const ready = memoryOf(server.pid!);
  const documents = (await (await fetch(`${base}/api/documents`)).json()) as { id: number }[];
  for (const d of documents) await (await fetch(`${base}/api/documents/${d.id}`)).arrayBuffer();
  const after = memoryOf(server.pid!);

  const lines = [
    `- Machine: ${os.cpus()[0]?.model.trim() ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z`,
    `- first start on a new data directory (demo and samples imported by a child process): ready in ${readySeconds.toFixed(1)} s`,
    `- server memory (RSS) when ready: ${ready.rss.toFixed(0)} MB; after the overview and all ${documents.length} documents: ${after.rss.toFixed(0)} MB; peak of the server process: ${after.peak.toFixed(0)} MB`,
    `- server memory after importing the samples ≤ ${targetMB} MB: ${after.rss <= targetMB ? 'met' : '**not met**'}`,
  ];
  console.log(lines.join('\n'));
  if (record)
    recordSection(
      'Server memory',
      `## Server memory\n\nWritten by \`bench/serve-memory.ts\`: \`yusuan serve\` (compiled) on a new data directory, its first start importing the demo disclosures and the real samples, then the overview and every document requested once; resident memory of the server process from /proc.\n\n${lines.join('\n')}\n`,
    );
} finally {
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
