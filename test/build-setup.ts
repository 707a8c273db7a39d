// Tests that start the CLI as a process run bin/yusuan.js, which runs the compiled dist/, and the browser
// tests serve web/dist: each is built first when its sources changed since the last build (here, once,
// so that browser test files running side by side never build it at the same time).
import { buildDist } from '../scripts/build.mjs';
import { ensureBuilt } from './browser/web-build.ts';

export default async function setup(): Promise<void> {
  await buildDist({ ifStale: true });
  await ensureBuilt();
}
