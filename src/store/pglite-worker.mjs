// The embedded database in a thread of its own. PGlite is PostgreSQL compiled to WebAssembly with its wire
// protocol in JavaScript, and both run synchronously: on the server's thread, storing a 5 MB PDF stalled every
// request for hundreds of milliseconds. Here a query only waits its turn. Plain JavaScript: a worker gets no
// TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** PostgreSQL's type id of bytea. */
const bytea = 17;
const options = {
  // The embedded database holds one county's disclosures: small shared buffers are plenty, and each
  // megabyte of them is memory the process keeps.
  postgresqlconf: 'shared_buffers = 32MB\n',
  // PGlite's own bytea conversion goes byte by byte through JavaScript strings (seconds and hundreds of MB of
  // garbage for a 5 MB PDF); Buffer's hex codec is native.
  serializers: {
    [bytea]: (bytes) => `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`,
  },
  // A copy, not a view: a small Buffer may share the memory of Node's pool.
  parsers: { [bytea]: (text) => new Uint8Array(Buffer.from(text.slice(2), 'hex')) },
};

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
