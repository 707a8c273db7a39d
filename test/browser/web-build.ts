// The web app as the browser tests serve it: web/dist, built (once, in the tests' global set-up) when it
// is missing or older than the web sources.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('../../web/', import.meta.url));
export const distDir = join(webDir, 'dist');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the web app unless web/dist/index.html is newer than every source file. */
export async function ensureBuilt(): Promise<void> {
  let built = 0;
  try {
    built = statSync(join(distDir, 'index.html')).mtimeMs;
  } catch {
    // not built yet
  }
  if (built > newestSource(webDir)) return;
  const { build } = await import('vite');
  // The production build, as users get it: under vitest NODE_ENV is "test", which would make vite bundle
  // React's development build (twice the size, several times slower), and web/dist is what serve serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
