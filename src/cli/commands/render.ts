// `yusuan render`: the document in the standard layout as HTML, PDF, XLSX or DOCX; each writer (and the
// browser for PDF) is loaded only for its format.
import { basename, extname, resolve } from 'node:path';
import type { Document } from '../../model/document.ts';
import { loadModelOrFile, outputPath, writeOutput } from '../files.ts';
import { InputError, type Io } from '../io.ts';

export interface RenderOptions {
  format: 'html' | 'pdf' | 'xlsx' | 'docx';
  out?: string;
  generateText?: boolean;
  charts?: boolean;
  previous?: string;
}

export async function renderCommand(io: Io, file: string, opts: RenderOptions): Promise<void> {
  if (opts.charts && opts.format !== 'html' && opts.format !== 'pdf')
    throw new InputError('--charts 只用于 html 和 pdf 格式');
  if (opts.previous !== undefined && !opts.charts && !opts.generateText)
    throw new InputError('--previous 需与 --generate-text 或 --charts 一起使用');
  let document = await loadModelOrFile(file, io.cwd);
  const previous = opts.previous === undefined ? undefined : await loadModelOrFile(opts.previous, io.cwd);
  if (opts.generateText) {
    const { generateParagraphs, withGeneratedSections } = await import('../../generate/paragraphs.ts');
    document = withGeneratedSections(document, generateParagraphs(document, { previous }));
  }
  const path =
    outputPath(opts.out, io.cwd) ?? resolve(io.cwd, `${basename(file, extname(file))}.${opts.format}`);
  const html = opts.charts ? { appendix: await chartsAppendixFor(document, previous) } : {};
  if (opts.format === 'html') {
    const { renderHtml } = await import('../../render/html.ts');
    writeOutput(path, renderHtml(document, html));
  } else if (opts.format === 'pdf') {
    const { renderPdf } = await import('../../render/pdf.ts');
    writeOutput(path, await renderPdf(document, { html }));
  } else if (opts.format === 'xlsx') {
    const { renderXlsx } = await import('../../render/xlsx.ts');
    writeOutput(path, await renderXlsx(document));
  } else {
    const { renderDocx } = await import('../../render/docx.ts');
    writeOutput(path, await renderDocx(document));
  }
  io.stderr(`已写入 ${path}\n`);
}

/** The 附图 appendix. */
async function chartsAppendixFor(document: Document, previous: Document | undefined): Promise<string> {
  const { chartsAppendix } = await import('../../render/charts.ts');
  return chartsAppendix(document, previous ? { previous } : {});
}
