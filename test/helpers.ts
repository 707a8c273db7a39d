// Shared by the tests: where the samples live and how to read them. The samples are never copied into
// the repository; they are read from shared/seeds beside it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/main.ts';
import type { Document } from '../src/model/document.ts';
import { parseText } from '../src/parse.ts';

export const seedDir = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
export const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));

/** File names of the samples, e.g. 000_fcc4ddfc57e18395.txt, sorted. */
export const seedFiles: string[] = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** The sample whose name starts with the given prefix ("000", "004", …). */
export function seedFile(prefix: string): string {
  const f = seedFiles.find((x) => x.startsWith(prefix));
  if (!f) throw new Error(`no sample ${prefix}* in ${seedDir}`);
  return f;
}

export function seedBytes(prefixOrFile: string): Uint8Array {
  return new Uint8Array(readFileSync(seedDir + seedFile(prefixOrFile)));
}

export function seedText(prefixOrFile: string): string {
  return new TextDecoder('utf-8').decode(seedBytes(prefixOrFile));
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Parses a text (as UTF-8) under the given file name. */
export function parseString(text: string, file = 'variant.txt'): Document {
  return parseText(utf8(text), file);
}

export function parseSeed(prefixOrFile: string): Document {
  const f = seedFile(prefixOrFile);
  return parseText(seedBytes(f), f);
}

export function golden(file: string): unknown {
  return JSON.parse(readFileSync(goldenDir + file.replace(/\.txt$/, '.json'), 'utf8'));
}

/** The printed amounts of each table row, by table key: what must survive a change of layout. */
export function tableFacts(doc: Document) {
  return Object.fromEntries(
    Object.entries(doc.tables).map(([key, t]) => [
      key,
      t.rows.map((r) => [r.side ?? null, r.code ?? null, r.name, r.amounts.map((a) => a?.value ?? null)]),
    ]),
  );
}

/** Runs the CLI in-process in `cwd`, with its output captured. */
export async function runCli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    cwd,
  });
  return { code, stdout, stderr };
}
