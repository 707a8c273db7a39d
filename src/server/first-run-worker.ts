// The first start's import (demo users, demo disclosures, samples) in a child process of `yusuan serve`:
// reading PDFs and creating the database churn through hundreds of MB that a process keeps once it has
// them; in a child process they are given back to the system when it ends, before the server serves.
import { openStore } from '../store/db.ts';
import { firstRun } from './start.ts';

const dataDir = process.env.YUSUAN_FIRST_RUN_DATA ?? 'data';
const databaseUrl = process.env.DATABASE_URL;
const store = await openStore(databaseUrl ? { url: databaseUrl } : { dataDir });
try {
  await firstRun(store, (line) => process.send?.(line));
} finally {
  await store.destroy();
}
