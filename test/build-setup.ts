// Tests that start the CLI as a process run bin/yusuan.js, which runs the compiled dist/: build it first
// when src/ has changed since the last build.
import { buildDist } from '../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildDist({ ifStale: true });
}
