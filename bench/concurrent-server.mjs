// The server bench/concurrent.ts measures: the compiled server (dist/, as `yusuan serve` runs it) on a new
// embedded store holding one admin and nothing else, so that every PDF uploaded is new. Prints its port.
import { buildServer } from '../dist/server/app.js';
import { createUser } from '../dist/server/auth.js';
import { openStore } from '../dist/store/db.js';

const [dataDir, password] = process.argv.slice(2);
const store = await openStore({ dataDir, thread: true });
await createUser(store, { name: 'admin', password, role: 'admin', mustChangePassword: false });
const app = await buildServer({ store, webDir: '/nonexistent', jobs: { pollMs: 200 } });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  await store.destroy();
  process.exit(0);
});
