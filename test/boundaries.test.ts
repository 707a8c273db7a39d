// The import graph keeps to the pipeline (issue 22): the stages share only the model. Nothing outside
// recognise/ imports recognise/ and nothing outside read/ and recognise/ imports read/, except parse.ts, the
// pipeline's entry; the web app imports from src/ only types, and code only from src/model/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** Each import of a file: the module it names (resolved to a path under the root) and whether it is types only. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const out: { target: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gms))
    out.push({ target: relative(root, resolve(file, '..', m[3]!)), typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g))
    out.push({ target: relative(root, resolve(file, '..', m[1]!)), typeOnly: false });
  return out;
}

const stage = (path: string) => /^src\/([^/]+)/.exec(path)?.[1] ?? (path.startsWith('web/') ? 'web' : '');

describe('import boundaries', () => {
  const sources = [...files(join(root, 'src')), ...files(join(root, 'web/src'))].map((f) => ({
    path: relative(root, f),
    imports: importsOf(f),
  }));

  it('reads the imports of every source file', () => {
    expect(sources.length).toBeGreaterThan(100);
    const parse = sources.find((s) => s.path === 'src/parse.ts')!;
    expect(parse.imports.some((i) => i.target.startsWith('src/recognise/'))).toBe(true);
  });

  it('no later stage imports recognise/ or read/ (parse.ts is the entry)', () => {
    const wrong = sources.flatMap(({ path, imports }) =>
      imports
        .filter(({ target, typeOnly }) => {
          const from = stage(path);
          if (path === 'src/parse.ts') return false;
          if (target.startsWith('src/recognise/')) return from !== 'recognise';
          if (target.startsWith('src/read/')) return from !== 'read' && from !== 'recognise' && !typeOnly;
          return false;
        })
        .map(({ target }) => `${path} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the web app imports only types from src/, code only from src/model/', () => {
    const wrong = sources
      .filter((s) => s.path.startsWith('web/'))
      .flatMap(({ path, imports }) =>
        imports
          .filter(
            ({ target, typeOnly }) =>
              target.startsWith('src/') && !typeOnly && !target.startsWith('src/model/'),
          )
          .map(({ target }) => `${path} → ${target}`),
      );
    expect(wrong).toEqual([]);
  });
});
