// Every sample through the store and back (issue 22): the standard document rendered, the CSV export and the
// findings report from the stored version equal the same made from the file, on PGlite and PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { chooseProfile } from '../src/check/profiles.ts';
import type { Finding } from '../src/check/types.ts';
import { toCsv } from '../src/export/csv.ts';
import { parseDocument } from '../src/parse.ts';
import { renderHtml } from '../src/render/html.ts';
import { toText } from '../src/report/text.ts';
import type { Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { storedDocument } from '../src/store/queries.ts';
import { backends } from './backends.ts';
import { seedDir, seedFiles } from './helpers.ts';

const pdfDir = fileURLToPath(new URL('../../shared/samples/pdf/', import.meta.url));
const samples = [
  ...seedFiles.map((f) => seedDir + f),
  ...readdirSync(pdfDir)
    .filter((f) => f.endsWith('.pdf') && !f.includes('template'))
    .map((f) => pdfDir + f),
];
const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
/** The report's findings in the engine's order: the store keeps them as a set. */
const byPlace = (a: Finding, b: Finding) =>
  (a.where.line ?? 0) - (b.where.line ?? 0) ||
  a.rule.localeCompare(b.rule) ||
  a.message.localeCompare(b.message);

for (const backend of backends)
  describe(`each sample through the store and back (${backend.name})`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
    });
    afterAll(async () => {
      await store?.destroy();
      await cleanup?.();
    });

    for (const path of samples)
      it(`${name(path)}: the same render, CSV and report`, async () => {
        const bytes = new Uint8Array(readFileSync(path));
        const parsed = await parseDocument(bytes, name(path));
        const { id } = await importFile(store, bytes, name(path));
        const stored = (await storedDocument(store, id))!;
        expect(renderHtml(stored.document)).toBe(renderHtml(parsed));
        expect(toCsv([{ file: name(path), document: stored.document }])).toBe(
          toCsv([{ file: name(path), document: parsed }]),
        );
        const report = (document: typeof parsed, findings: Finding[]) =>
          toText([
            {
              file: name(path),
              document,
              profile: chooseProfile(document).name,
              findings: [...findings].sort(byPlace),
            },
          ]);
        const fromStore = stored.findings.map(({ key: _key, review: _review, ...f }) => f);
        expect(report(stored.document, fromStore)).toBe(report(parsed, checkDocument(parsed)));
        expect(fromStore.length).toBe(checkDocument(parsed).length);
      });
  });
