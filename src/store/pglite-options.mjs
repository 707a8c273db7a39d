// PGlite's settings, the same whether it runs in the store's thread or in one of its own (pglite-worker.mjs).
// Plain JavaScript, so that the worker can import it.

/** PostgreSQL's type id of bytea. */
const bytea = 17;
export const pgliteOptions = {
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
