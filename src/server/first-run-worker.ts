// The first start's import (demo users, demo disclosures, samples) in a worker thread of `yusuan serve`:
// reading PDFs and creating the database churn through hundreds of MB that a process keeps once it has
// them; in a worker they are given back when it ends, before the server starts serving.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/db.ts';
import { firstRun } from './start.ts';

const { dataDir, databaseUrl } = workerData as { dataDir: string; databaseUrl?: string };
const store = await openStore(databaseUrl ? { url: databaseUrl } : { dataDir });
try {
  await firstRun(store, (line) => parentPort?.postMessage(line));
} finally {
  await store.destroy();
}
