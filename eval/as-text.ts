// The shared PDFs saved as text, beside the PDF itself: `pdftotext -layout` (columns laid out in spaces) and
// `pdftotext` (the content stream's order, as a viewer copies it). Prints, per PDF, the tables recognised with
// rows and the non-info findings of each reading, and whether the text's identity is the PDF's.
// `npx tsx eval/as-text.ts [ROOT]`: ROOT is a checkout of yusuan to measure (default: this one).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Document } from '../src/model/document.ts';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const shared = join(import.meta.dirname, '../../shared');
const { readPdf } = await import(join(root, 'src/read/pdf.ts'));
const { recognise } = await import(join(root, 'src/recognise/index.ts'));
const { parseText } = await import(join(root, 'src/parse.ts'));
const { checkDocument } = await import(join(root, 'src/check/engine.ts'));

const tables = (d: Document) => Object.values(d.tables).filter((t) => t && t.rows.length > 0).length;
const problems = (d: Document) =>
  (checkDocument(d) as { severity: string }[]).filter((f) => f.severity !== 'info').length;
const sameIdentity = (a: Document, b: Document) =>
  a.kind === b.kind && a.year === b.year && a.department.name === b.department.name;
const asText = (file: string, layout: boolean): Document =>
  parseText(
    new Uint8Array(
      execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ),
    'a.txt',
  );

console.log(
  '| PDF | tables with rows: PDF / -layout / raw | non-info findings: PDF / -layout / raw | identity as the PDF’s: -layout / raw |',
);
console.log('|---|---|---|---|');
for (const dir of ['samples/pdf', 'corpus']) {
  for (const name of readdirSync(join(shared, dir))
    .filter((f) => f.endsWith('.pdf'))
    .sort()) {
    const file = join(shared, dir, name);
    const pdf: Document = recognise(await readPdf(new Uint8Array(readFileSync(file)), name));
    const layout = asText(file, true);
    const raw = asText(file, false);
    const yes = (d: Document) => (sameIdentity(d, pdf) ? 'yes' : 'no');
    console.log(
      `| ${name} | ${tables(pdf)} / ${tables(layout)} / ${tables(raw)} | ${problems(pdf)} / ${problems(layout)} / ${problems(raw)} | ${yes(layout)} / ${yes(raw)} |`,
    );
  }
}
process.exit(0);
