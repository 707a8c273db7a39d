// The embedded database in a thread of its own. PGlite is PostgreSQL compiled to WebAssembly with its wire
// protocol in JavaScript, and both run synchronously: on the server's thread, storing a 5 MB PDF stalled every
// request for hundreds of milliseconds. Here a query only waits its turn. Plain JavaScript: a worker gets no
// TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteOptions as options } from './pglite-options.mjs';

/** What a PostgreSQL error carries besides its message, kept across the thread boundary. */
const errorFields = [
  'code',
  'detail',
  'hint',
  'constraint',
  'table',
  'column',
  'schema',
  'severity',
  'position',
];

const db = workerData.dataDir ? new PGlite(workerData.dataDir, options) : new PGlite(options);
try {
  await db.waitReady;
  parentPort.postMessage({ ready: true });
} catch (e) {
  parentPort.postMessage({ failed: e instanceof Error ? e.message : String(e) });
}

parentPort.on('message', async ({ id, sql, params, close }) => {
  if (close) {
    await db.close().catch(() => undefined);
    parentPort.postMessage({ id });
    return;
  }
  try {
    const result = await db.query(sql, params);
    parentPort.postMessage({ id, rows: result.rows, affectedRows: result.affectedRows });
  } catch (e) {
    const error = { message: e instanceof Error ? e.message : String(e) };
    for (const field of errorFields) if (e?.[field] !== undefined) error[field] = e[field];
    parentPort.postMessage({ id, error });
  }
});
