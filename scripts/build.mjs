// Compiles src/ to dist/ (one .js file per .ts file, same layout, imports rewritten to .js) so the bin runs
// plain JavaScript with node. Run by `npm install` (prepare), `npm pack` (prepack), `npm start` and the tests.
// Plain JavaScript itself, so it needs nothing but esbuild. `--if-stale` skips the build when dist/ is newer
// than every file in src/.
import { copyFileSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const stamp = join(dist, '.built');

function sources(dir, ext = '.ts') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path, ext);
    return entry.name.endsWith(ext) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Newest modification time under src/ (files and directories, so a deleted file counts too). */
function newest(dir) {
  let time = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

export async function buildDist({ ifStale = false } = {}) {
  if (ifStale && existsSync(stamp) && statSync(stamp).mtimeMs >= newest(src)) return false;
  const started = Date.now();
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: sources(src),
    outdir: dist,
    outbase: src,
    // Bundling only to rewrite imports: every import stays external, a relative one with .ts → .js.
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'external',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            const relativeTs = /^\.\.?\//.test(args.path) && args.path.endsWith('.ts');
            return { path: relativeTs ? `${args.path.slice(0, -3)}.js` : args.path, external: true };
          });
        },
      },
    ],
  });
  // Plain-JavaScript worker modules (a worker gets no TypeScript loader) are copied as they are.
  for (const path of sources(src, '.mjs')) copyFileSync(path, join(dist, relative(src, path)));
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  if (!process.env.YUSUAN_BUILD_QUIET)
    process.stderr.write(
      `yusuan: ${relative(root, src)}/ → ${relative(root, dist)}/ (${Date.now() - started} ms)\n`,
    );
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildDist({ ifStale: process.argv.includes('--if-stale') });
}
