// PDF reader (pdfjs-dist, legacy build): positioned text → lines (by baseline) → cells (by horizontal gaps),
// each cell with its box on the page. Knows PDF geometry, not budgets.
//
// pdfjs runs in a worker thread, with the reading of positioned text there and the layout here:
// - a time limit can stop it for real (a page that loops forever is ended by terminating the worker),
//   and a memory limit keeps a hostile file from taking the process down;
// - its legacy build's core-js polyfills (Array.prototype.push, JSON.stringify, …, much slower than the
//   native ones) and globals (self, navigator, DOMMatrix) stay out of this thread;
// - the worker loads it natively: through tsx's loader hooks in this thread the import alone takes 1.5 s
//   and 400 MB, in a worker (Node 20 does not pass the hooks on) 0.2 s and 50 MB.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Layout, type LayoutLine, ReadError } from './layout.ts';
import { normalise } from './normalise.ts';
import { OcrError, type OcrPage, type OcrRule, type OcrTimes, ocrPage, ocrTimeoutMs } from './ocr.ts';

export const maxPdfBytes = 50 * 1024 * 1024;
export const maxPdfPages = 2000;
/** How long opening the document, and reading each page, may take. */
export const pdfTimeoutMs = 30_000;
/** The worker's heap limit: a PDF that needs more is refused as too large. */
export const pdfMemoryMb = 1536;

export interface ReadPdfOptions {
  /** Time limit for opening the document and for each page, in milliseconds (default 30 s). */
  timeoutMs?: number;
  /**
   * Told after each page is read (for progress shown to a user waiting on a long document); for a page read by
   * OCR, with the OCR's times (what bench/ocr.ts measures: the OCR of the image the pipeline gives it).
   */
  onPage?: (page: number, pages: number, ocr?: OcrTimes) => void;
  /**
   * Read scanned pages (an image, no text layer) by OCR (default true). When false they are listed in
   * `pagesWithoutText`, and a document of scans only is refused as needing OCR.
   */
  ocr?: boolean;
  /** Time limit for the OCR of each page, in milliseconds (default 60 s). */
  ocrTimeoutMs?: number;
}

/**
 * The resolution scanned pages are rendered at for OCR. Recognition reads each text box scaled to 48 px high,
 * which a 10 pt line at 200 dpi (28 px) gives without much enlarging; more would only cost time and memory.
 */
export const ocrDpi = 200;
/** A page rendered for OCR has at most this many pixels (an A3 page at 200 dpi has 7.8 million). */
const maxOcrPixels = 16_000_000;
/** A page whose characters were read with a mean probability below this is not text (a photo, noise). */
export const minPageConfidence = 0.75;
/** The confidence given to an OCR amount whose thousands separators are out of place. */
const malformedConfidence = 0.3;
/** A zero alone in a cell read with a probability below this is dropped. */
const minZeroConfidence = 0.4;
/** A word read with a mean probability below this is dropped (PaddleOCR drops below 0.5). */
const minWordConfidence = 0.6;

// pdfjs looks the CMaps (needed for Chinese), standard fonts and wasm decoders up by these. They must be
// plain directory paths: given a file:// URL, pdfjs in Node fails to load the CMaps and the Chinese text is lost.
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const assetDir = (name: string): string => `${join(pdfjsDir, name)}/`;

/**
 * What the worker sends for a page's text items: their texts, and for each the numbers `itemNumbers` says, in
 * one array handed over without copying (a list of small objects costs the worker, which the reading waits on,
 * several milliseconds a document to send).
 */
interface PageItems {
  texts: string[];
  numbers: Float64Array;
}

/**
 * Per text item: its matrix multiplied by the page's viewport (points, origin top left, y down; 6 numbers), its
 * width, and its font's ascent and descent (NaN when pdfjs does not know them).
 */
const itemNumbers = 9;

type FromWorker =
  | { type: 'ready' }
  | { type: 'opened'; count: number }
  | ({ type: 'page'; page: number; width: number; height: number } & PageItems)
  | { type: 'image'; page: number; image: boolean }
  | { type: 'raster'; page: number; width: number; height: number; dpi: number; data: Uint8Array }
  | { type: 'raster-error'; page: number; name: string; message: string }
  | { type: 'error'; stage: 'open' | 'page'; page?: number; name: string; message: string }
  | { type: 'done' };

/**
 * Lines of pdfjs-dist's worker source replaced before the worker loads it, each only if found exactly once
 * (otherwise the source is loaded unchanged). Text extraction does not need pdfjs to re-encode a CFF font
 * program (CFFCompiler.compile, making the font file it would draw with): on a 4.4 MB embedded CFF font that
 * was two thirds of the reading time. The font's data (used only to draw) keeps the font's own CFF bytes
 * instead; the parse that gives its glyph count, charset and encoding stays.
 */
export const pdfjsPatches: [string, string][] = [
  ['tables["CFF "].data = compiler.compile();', '/* not re-encoded for text extraction */'],
  ['      this.data = compiler.compile();\n    } catch {', '      this.data = parser.bytes;\n    } catch {'],
  // Each glyph's charstring interpreted: it gives the widths and accents pdfjs draws with (text widths come from
  // the PDF's own width arrays), and was a sixth of what remained of reading a file with a 4.4 MB CFF font.
  [
    'valid = this.parseCharString(state, charstring, localSubrToUse, globalSubrIndex);',
    '/* charstring not interpreted for text extraction */',
  ],
  // A text state saved (q) or its font noted: pdfjs makes the copy an object inheriting from the one copied, so
  // each copy has a prototype of its own and V8 copies it slowly (8% of the reading of a file that saves
  // the state around every run of text). Every field is the copy's own, so the class's prototype does the same.
  [
    'const clone = Object.assign(Object.create(this), this);',
    'const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);',
  ],
  // A TrueType font repaired, then written out again as a font file: the file is only drawn with. Text
  // extraction draws nothing, and the pages rendered for OCR are those without text, whose glyphs (if any, all
  // blank) need no drawing. The repair itself (glyph mapping, metrics) stays.
  [
    'builder.addTable(tableTag, tables[tableTag].data);\n    }\n    return builder.toArray();',
    'builder.addTable(tableTag, tables[tableTag].data);\n    }\n    return null; /* not written for text extraction */',
  ],
];

// The worker, as an ES module in a data: URL (plain JavaScript: it is not compiled).
const workerSource = `
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
const patches = workerData.patches;
let workerModule = workerData.workerUrl;
try {
  let source = readFileSync(new URL(workerData.workerUrl), 'utf8');
  if (patches.every(([from]) => source.split(from).length === 2)) { // otherwise loaded unchanged
    for (const [from, to] of patches) source = source.replace(from, to);
    // Its source map comment is relative to the file, which a data: URL has not.
    source = source.replace(/\\n\\/\\/# sourceMappingURL=.*\\s*$/, '\\n');
    workerModule = 'data:text/javascript;base64,' + Buffer.from(source).toString('base64');
  }
} catch {}
const natives = [[Array.prototype, 'push'], [JSON, 'stringify'], [JSON, 'parse']].map(
  ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)],
);
await import(workerModule); // sets globalThis.pdfjsWorker: pdfjs then runs its own worker inline
const pdfjs = await import(workerData.pdfjsUrl);
for (const [owner, key, descriptor] of natives) Object.defineProperty(owner, key, descriptor);
const { OPS } = pdfjs;
const imageOps = new Set([
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintInlineImageXObjectGroup,
  OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject, OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
]);
const post = (message, transfer) => parentPort.postMessage(message, transfer);
const failure = (e) => ({ name: String(e?.name ?? ''), message: String(e?.message ?? e) });

// A scanned page rendered for OCR, as grey levels (one byte a pixel), on a white background.
async function render(doc, page, dpi, maxPixels) {
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(dpi / 72, Math.sqrt(maxPixels / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const { canvas, context } = doc.canvasFactory.create(width, height);
  await page.render({ canvas, canvasContext: context, viewport, background: 'white' }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  const grey = new Uint8Array(width * height);
  let uniform = true;
  for (let i = 0; i < grey.length; i++) {
    grey[i] = (rgba[4 * i] * 77 + rgba[4 * i + 1] * 150 + rgba[4 * i + 2] * 29) >> 8;
    if (grey[i] !== grey[0]) uniform = false;
  }
  // pdfjs draws nothing for an image it cannot decode; a real scan, even of a blank sheet, is never one flat grey.
  if (uniform) throw new Error('the page renders as one flat colour: its image could not be decoded');
  return { width, height, dpi: (width / base.width) * 72, data: grey };
}

async function read({ data, params, maxPages, ocr }) {
  const task = pdfjs.getDocument({ ...params, data });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (e) {
      return post({ type: 'error', stage: 'open', ...failure(e) });
    }
    const count = doc.numPages;
    post({ type: 'opened', count });
    if (count === 0 || count > maxPages) return;
    const textless = [];
    for (let p = 1; p <= count; p++) {
      let page;
      try {
        page = await doc.getPage(p);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const texts = [];
        const numbers = new Float64Array(content.items.length * ${itemNumbers});
        let at = 0;
        for (const item of content.items) {
          if (typeof item.str !== 'string' || item.str.trim() === '') continue;
          const style = content.styles[item.fontName];
          texts.push(item.str);
          numbers.set(pdfjs.Util.transform(viewport.transform, item.transform), at);
          numbers[at + 6] = item.width;
          numbers[at + 7] = style?.ascent ?? Number.NaN;
          numbers[at + 8] = style?.descent ?? Number.NaN;
          at += ${itemNumbers};
        }
        if (texts.length === 0) {
          textless.push(p);
          if (ocr) {
            // A scan is rendered now, before the page is reported, so the page's time limit covers it.
            const ops = await page.getOperatorList();
            const image = ops.fnArray.some((fn) => imageOps.has(fn));
            post({ type: 'image', page: p, image });
            if (image) {
              let raster;
              try {
                raster = await render(doc, page, ocr.dpi, ocr.maxPixels);
              } catch (e) {
                post({ type: 'raster-error', page: p, ...failure(e) });
              }
              if (raster) post({ type: 'raster', page: p, ...raster }, [raster.data.buffer]);
            }
          }
        }
        const used = numbers.slice(0, at);
        post({ type: 'page', page: p, width: viewport.width, height: viewport.height, texts, numbers: used }, [used.buffer]);
      } catch (e) {
        return post({ type: 'error', stage: 'page', page: p, ...failure(e) });
      } finally {
        page?.cleanup();
      }
    }
    // Pages without text: scanned (an image) or blank. Not asked when no page has text (it is refused), nor
    // when OCR has asked already.
    if (textless.length === count || ocr) return;
    for (const p of textless) {
      let page;
      try {
        page = await doc.getPage(p);
        const ops = await page.getOperatorList();
        post({ type: 'image', page: p, image: ops.fnArray.some((fn) => imageOps.has(fn)) });
      } catch (e) {
        return post({ type: 'error', stage: 'page', page: p, ...failure(e) });
      } finally {
        page?.cleanup();
      }
    }
  } finally {
    await task.destroy().catch(() => {});
  }
}

parentPort.on('message', async (request) => {
  try {
    await read(request);
  } finally {
    post({ type: 'done' });
  }
});
post({ type: 'ready' });
`;

const workerUrl = new URL(`data:text/javascript,${encodeURIComponent(workerSource)}`);
const pdfjsUrls = {
  patches: pdfjsPatches,
  pdfjsUrl: pathToFileURL(join(pdfjsDir, 'legacy/build/pdf.mjs')).href,
  workerUrl: pathToFileURL(join(pdfjsDir, 'legacy/build/pdf.worker.mjs')).href,
};

interface PdfWorker {
  worker: Worker;
  /** The worker has loaded pdfjs. */
  ready: boolean;
  /** While idle: ends the worker when it has not been used again in time. */
  idleTimer?: NodeJS.Timeout;
}

/**
 * An idle worker, kept (unreferenced, so that it does not keep the process alive) to be used again for a
 * while: a server importing a batch reuses it, and one that has gone quiet gets its memory back (a worker
 * that read a PDF with large fonts holds over 100 MB).
 */
const idle: PdfWorker[] = [];
const idleMs = 15_000;
/**
 * At most this many documents are read at once (each worker can take a few hundred MB for a document with
 * large embedded fonts); further calls wait their turn, and their time limits start when it comes.
 */
export const maxPdfWorkers = Math.max(1, Math.min(4, availableParallelism()));
/** As many idle as may run: files read side by side do not each start a worker (some 300 ms of loading pdfjs). */
const maxIdle = maxPdfWorkers;
let busy = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<void> {
  if (busy < maxPdfWorkers) {
    busy++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function endTurn(): void {
  const next = waiting.shift();
  if (next) next();
  else busy--;
}

function takeWorker(): PdfWorker {
  const reused = idle.pop();
  if (reused) {
    clearTimeout(reused.idleTimer);
    reused.worker.ref();
    return reused;
  }
  const worker = new Worker(workerUrl, {
    workerData: pdfjsUrls,
    resourceLimits: { maxOldGenerationSizeMb: pdfMemoryMb },
  });
  return { worker, ready: false };
}

function releaseWorker(w: PdfWorker): void {
  w.worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
  if (idle.length < maxIdle) {
    w.worker.unref();
    // A worker that dies while idle is forgotten.
    w.worker.once('exit', () => {
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
    });
    w.idleTimer = setTimeout(() => void w.worker.terminate(), idleMs).unref();
    idle.push(w);
  } else void w.worker.terminate();
}

function withCause(error: ReadError, cause: unknown): ReadError {
  error.cause = cause;
  return error;
}

/** Page numbers as ranges: 1–3、5、7–9. */
export function pageRanges(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j === i ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j + 1;
  }
  return parts.join('、');
}

/** A scanned page's OCR, with the size of its image's pixels in points. */
type ScanReading = OcrPage & { pointsPerPixel: number };

/** What the worker reports about one document, each page with its lines (none if it has no text). */
interface Reading {
  count: number;
  pages: { page: number; width: number; height: number; lines: PageLine[] | null }[];
  images: Map<number, boolean>;
  /** Scanned pages being read by OCR: the result, or the error (never rejected). */
  ocr: Map<number, Promise<ScanReading | Error>>;
  /** Scanned pages whose image could not be rendered. */
  rasterErrors: Map<number, string>;
  error?: { stage: 'open' | 'page'; page?: number; name: string; message: string };
  /** An error laying a page out, thrown once the reading is over (as if the layout had waited for it). */
  layoutError?: unknown;
}

/** Has a worker read the document, with a time limit on opening it and on each page. */
function readInWorker(
  bytes: Uint8Array,
  file: string,
  timeoutMs: number,
  onPage: ReadPdfOptions['onPage'],
  ocr: { timeoutMs: number } | null,
): Promise<Reading> {
  const w = takeWorker();
  const seconds = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} 秒` : `${timeoutMs} 毫秒`;
  const reading: Reading = {
    count: 0,
    pages: [],
    images: new Map(),
    ocr: new Map(),
    rasterErrors: new Map(),
  };
  return new Promise<Reading>((resolve, reject) => {
    let stage = '打开 PDF';
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (error?: ReadError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        w.worker.removeAllListeners();
        void w.worker.terminate();
        reject(error);
      } else {
        releaseWorker(w);
        resolve(reading);
      }
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          finish(new ReadError(file, 'corrupt', `${file}：${stage}超时（超过 ${seconds}），文件可能已损坏`)),
        timeoutMs,
      );
    };
    w.worker.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'ready':
          w.ready = true;
          return;
        case 'opened':
          reading.count = m.count;
          stage = '读取第 1 页';
          arm();
          return;
        case 'page':
          // Laid out as it comes, while the worker reads the next pages.
          try {
            reading.pages.push({ page: m.page, width: m.width, height: m.height, lines: pageLines(m) });
          } catch (e) {
            reading.layoutError ??= e;
          }
          stage = m.page < reading.count ? `读取第 ${m.page + 1} 页` : '检查没有文字的页面';
          arm();
          // A page being read by OCR is told when its OCR is done.
          if (!reading.ocr.has(m.page)) onPage?.(m.page, reading.count);
          return;
        case 'image':
          reading.images.set(m.page, m.image);
          arm();
          return;
        case 'raster': {
          if (!ocr) return;
          const { page } = m;
          const count = reading.count;
          reading.ocr.set(
            page,
            ocrPage({ data: m.data, width: m.width, height: m.height, dpi: m.dpi }, ocr.timeoutMs).then(
              (result): ScanReading => {
                onPage?.(page, count, result.times);
                return { ...result, pointsPerPixel: 72 / m.dpi };
              },
              (e: Error) => e,
            ),
          );
          return;
        }
        case 'raster-error':
          reading.rasterErrors.set(m.page, m.message);
          return;
        case 'error':
          reading.error = m;
          return;
        case 'done':
          finish();
          return;
      }
    });
    w.worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const message = `${file}：PDF 内容过于复杂，读取所需内存超过上限（${pdfMemoryMb} MB）`;
        finish(withCause(new ReadError(file, 'too-large', message), e));
      } else if (!w.ready) {
        finish(withCause(new ReadError(file, 'unsupported', `${file}：无法加载 PDF 读取组件 pdfjs-dist`), e));
      } else {
        finish(withCause(new ReadError(file, 'corrupt', `${file}：${stage}时出错，文件可能已损坏`), e));
      }
    });
    w.worker.on('exit', () =>
      finish(new ReadError(file, 'corrupt', `${file}：${stage}时读取程序意外退出，文件可能已损坏`)),
    );
    // A copy in a buffer of its own, handed over to the worker (the caller's bytes stay as they are; a Node
    // Buffer's slice() would share its memory, perhaps Node's pool of small buffers).
    const data = new Uint8Array(bytes.length);
    data.set(bytes);
    const params = {
      cMapUrl: assetDir('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: assetDir('standard_fonts'),
      wasmUrl: assetDir('wasm'),
      iccUrl: assetDir('iccs'),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    };
    arm();
    const ocrRequest = ocr ? { dpi: ocrDpi, maxPixels: maxOcrPixels } : null;
    w.worker.postMessage({ data, params, maxPages: maxPdfPages, ocr: ocrRequest }, [data.buffer]);
  });
}

/**
 * Reads a PDF's text layer into lines and cells, in reading order (top to bottom, then left to right) page
 * by page. Throws a ReadError for a file that is too large, encrypted, broken or without any text.
 */
export async function readPdf(
  bytes: Uint8Array,
  file: string,
  options: ReadPdfOptions = {},
): Promise<Layout> {
  if (bytes.length === 0) throw new ReadError(file, 'empty', `${file}：文件为空`);
  if (bytes.length > maxPdfBytes) {
    throw new ReadError(
      file,
      'too-large',
      `${file}：文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），PDF 文件上限为 ${maxPdfBytes / 1024 / 1024} MB`,
    );
  }
  await turn();
  let reading: Reading;
  try {
    reading = await readInWorker(
      bytes,
      file,
      options.timeoutMs ?? pdfTimeoutMs,
      options.onPage,
      options.ocr === false ? null : { timeoutMs: options.ocrTimeoutMs ?? ocrTimeoutMs },
    );
  } finally {
    endTurn();
  }
  // The OCR of the scanned pages, which went on while the worker read the later pages.
  const ocrResults = new Map<number, ScanReading | Error>();
  for (const [page, result] of reading.ocr) ocrResults.set(page, await result);
  const { error, count } = reading;
  if (error?.stage === 'open') {
    if (error.name === 'PasswordException') {
      throw withCause(
        new ReadError(file, 'encrypted', `${file}：PDF 文件有密码保护，无法读取；请提供未加密的文件`),
        error,
      );
    }
    throw withCause(new ReadError(file, 'corrupt', `${file}：PDF 文件已损坏或不完整，无法打开`), error);
  }
  if (count === 0) throw new ReadError(file, 'corrupt', `${file}：PDF 没有任何页面，文件可能已损坏`);
  if (count > maxPdfPages) {
    throw new ReadError(file, 'too-large', `${file}：PDF 页数过多（${count} 页），上限为 ${maxPdfPages} 页`);
  }
  if (error) {
    throw withCause(
      new ReadError(file, 'corrupt', `${file}：第 ${error.page} 页无法读取，文件可能已损坏`),
      error,
    );
  }
  if (reading.layoutError !== undefined) throw reading.layoutError;
  const pages = reading.pages.map((p) => ({ width: round(p.width), height: round(p.height) }));
  const textless: number[] = [];
  const read: { page: number; lines: PageLine[] }[] = [];
  const ocrPages: NonNullable<Layout['ocrPages']> = [];
  /** Scanned pages whose OCR read only what is not text (a photo, noise), with its mean confidence. */
  const unreadable: { page: number; confidence: number }[] = [];
  for (const p of reading.pages) {
    if (p.lines !== null) {
      read.push({ page: p.page, lines: p.lines });
      continue;
    }
    const result = ocrResults.get(p.page);
    if (result instanceof OcrError && result.reason === 'unavailable') {
      throw withCause(
        new ReadError(
          file,
          'ocr-unavailable',
          `${file}：第 ${p.page} 页是扫描件，需要文字识别，但${result.message}；请按 README 重新安装（npm install）`,
        ),
        result,
      );
    }
    if (result instanceof Error) {
      throw withCause(
        new ReadError(file, 'scan-unreadable', `${file}：第 ${p.page} 页（扫描件）${result.message}`),
        result,
      );
    }
    const lines = result ? ocrPageLines(result) : null;
    if (result && lines && result.confidence < minPageConfidence) {
      // No invented numbers: what cannot be read as text is not read at all.
      unreadable.push({ page: p.page, confidence: result.confidence });
      textless.push(p.page);
    } else if (result && lines) {
      read.push({ page: p.page, lines });
      const { confidence, angle, upsideDown } = result;
      ocrPages.push({ page: p.page, confidence: Math.round(confidence * 1000) / 1000, angle, upsideDown });
    } else textless.push(p.page);
  }
  // A page whose only text was its number has nothing left to read.
  const numberOnly = dropPageNumbers(read, pages);
  textless.push(...numberOnly);
  textless.sort((a, b) => a - b);
  if (read.length === 0) throw nothingRead(file, textless, reading, unreadable);
  const lines: LayoutLine[] = [];
  for (const { page, lines: pageLines } of read) {
    for (const l of pageLines) {
      const cells = l.cells.map((c) => c.text);
      const line: LayoutLine = {
        no: lines.length + 1,
        page,
        text: cells.join('\t'),
        cells: cells.length >= 2 ? cells : null,
        boxes: l.cells.map((c) => c.box),
      };
      if (l.cells.some((c) => c.confidence !== undefined))
        line.confidence = l.cells.map((c) => c.confidence ?? 1);
      lines.push(line);
    }
  }
  const layout: Layout = { file, style: 'pdf', lines, pages };
  if (ocrPages.length > 0) layout.ocrPages = ocrPages;
  // A page without text that shows an image is probably scanned; one without either is blank.
  const scanned = textless.filter((p) => reading.images.get(p) === true);
  const blank = textless.filter((p) => reading.images.get(p) !== true);
  if (scanned.length > 0) layout.pagesWithoutText = scanned;
  if (blank.length > 0) layout.blankPages = blank;
  return layout;
}

/** The error for a PDF of which no page could be read, saying why for the pages that are scans. */
function nothingRead(
  file: string,
  textless: number[],
  reading: Reading,
  unreadable: { page: number; confidence: number }[],
): ReadError {
  if (unreadable.length > 0) {
    const worst = Math.min(...unreadable.map((u) => u.confidence));
    return new ReadError(
      file,
      'scan-unreadable',
      `${file}：第 ${pageRanges(unreadable.map((u) => u.page))} 页是扫描图像，但文字识别无法辨认其中的文字（置信度仅 ${Math.round(worst * 100)}%），可能是照片、模糊或倒置的扫描件；未读取任何数字，请提供清晰的扫描件或原始电子文件`,
    );
  }
  const broken = [...reading.rasterErrors.keys()].sort((a, b) => a - b);
  if (broken.length > 0) {
    return new ReadError(
      file,
      'scan-unreadable',
      `${file}：第 ${pageRanges(broken)} 页的扫描图像无法解码（图像已损坏或格式不受支持，显示为一片空白），无法做文字识别`,
    );
  }
  const scans = textless.filter((p) => reading.images.get(p) === true);
  if (reading.ocr.size > 0 && scans.length > 0) {
    return new ReadError(
      file,
      'scan-blank',
      `${file}：第 ${pageRanges(scans)} 页是扫描图像，但文字识别没有找到任何文字（空白页）`,
    );
  }
  return new ReadError(
    file,
    'no-text',
    `${file}：第 ${pageRanges(textless)} 页没有文字层（可能是扫描件），需要先做文字识别（OCR）`,
  );
}

/** Punctuation that does not start a cell's text. */
const leadingMark = /^[，,、。.：:；;'`]$/;

/** Rules found on neighbouring pixel columns (a rule two or three pixels wide, or stepping) are one rule. */
const sameRule = 4;

/**
 * Which column of a scanned page's ruled grid the point (x, y) stands in: how many of the vertical rules that
 * cross its height are to its left. Undefined where no rule crosses it (prose, a title above the table), so
 * that only a table's lines are parted by its rules. Pixels of the OCR's straightened image.
 */
export function gridColumn(rules: readonly OcrRule[], x: number, y: number): number | undefined {
  const crossing = rules.filter((r) => r.y0 <= y && r.y1 >= y).map((r) => r.x);
  if (crossing.length === 0) return undefined;
  crossing.sort((a, b) => a - b);
  let column = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const rx of crossing) {
    if (rx >= x) break;
    if (rx - last > sameRule) column++;
    last = rx;
  }
  return column;
}

function gridColumnOf(rules: readonly OcrRule[] | undefined, x: number, y: number): { gridColumn?: number } {
  const column = rules ? gridColumn(rules, x, y) : undefined;
  return column === undefined ? {} : { gridColumn: column };
}

/**
 * A scanned page's lines, from the words its OCR read: each word split at the spaces it read (placed by its
 * characters' positions), then laid out as a text layer's pieces are. Each cell keeps the probability of its
 * least certain character as its confidence. Null when no word is left.
 */
function ocrPageLines(result: ScanReading): PageLine[] | null {
  const pieces: Piece[] = [];
  // Pixels of the straightened image to points: the image is the page at the rendering's resolution.
  const scale = result.pointsPerPixel;
  for (const [item, w] of result.words.entries()) {
    const mean = w.probs.reduce((a, b) => a + b, 0) / Math.max(1, w.probs.length);
    // A zero alone in its cell is read unsurely, often as a letter o or a full stop (p ≈ 0.5): nothing else
    // stands alone so in a table, so it is a zero — and doubtful, below `doubtfulConfidence`.
    const loneZero = /^[0oO。〇○０Ｏｏ]$/.test(w.text);
    if (mean < (loneZero ? minZeroConfidence : minWordConfidence)) continue;
    const read = loneZero ? ['0'] : [...w.text];
    // Not every character the model returns is one code unit; the probabilities go by model output.
    if (read.length !== w.probs.length) continue;
    // Inside a number the model may read a separator full-width, or put a space after one (3,296, 600): the
    // number is one, as printed. A space between two complete amounts stays.
    const chars: string[] = [];
    const probs: number[] = [];
    const xs: number[] = [];
    for (const [k, raw] of read.entries()) {
      // Normalised first (full-width digits and letters made ASCII), so the splits below see what the text layer would.
      // A table rule left in the image is read as a vertical bar: these documents print none, so it parts cells.
      const c = /^[|丨｜]$/.test(raw) ? ' ' : raw === ' ' ? raw : normaliseText(raw) || raw;
      const before = normaliseText(read[k - 1] ?? '');
      const after = normaliseText(read[k + 1] ?? '');
      if (c === ' ' && /[,.]/.test(before) && /\d/.test(read[k - 2] ?? '') && /\d/.test(after)) continue;
      // A doubtful mark at the start of a box is a ruling line's faint remnant (，上级补助 at p 0.36 after the
      // rule before it): no cell of these tables starts with one.
      if (!loneZero && chars.length === 0 && leadingMark.test(c) && w.probs[k]! < minWordConfidence) continue;
      const digits = /\d/.test(before) && /\d/.test(after);
      chars.push(digits && c === '，' ? ',' : digits && (c === '．' || c === '。') ? '.' : c);
      probs.push(w.probs[k]!);
      xs.push(w.xs[k]!);
    }
    // The detected box is about 1.3 times the font size high (glyph extent and a margin).
    const sizePt = (w.height * scale) / 1.3;
    const top = w.y * scale;
    const bottom = (w.y + w.height) * scale;
    // The detector can join neighbouring cells into one box (a name and the amount beside it): a gap between
    // characters' centres wider than 1.6 em, which no character spacing reaches, parts them like a space.
    const em = w.height / 1.3;
    // So does CJK text right after a complete amount (the next column's name, across a thin rule).
    // And an amount right after CJK text (a name and the amount beside it).
    const apart = (i: number) =>
      i > 0 &&
      (xs[i]! - xs[i - 1]! > 1.6 * em ||
        (wideAtStart.test(chars[i]!) && completeAmount.test(chars.slice(start, i).join(''))) ||
        (wideAtEnd.test(chars[i - 1]!) && amountAhead.test(chars.slice(i).join(''))));
    let start = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (i < chars.length && chars[i] !== ' ' && !apart(i)) continue;
      if (i > start) {
        // Inside a box a piece ends half its end character's typical width beyond that character's centre.
        const half = (k: number) => (charWeight(chars[k]!) * em) / 2;
        // Not the detected box's edges: they stand a margin beyond the glyphs, so boxes of neighbouring cells
        // touch or overlap, and the gap between them that tells cells apart would be lost.
        const left = Math.max(w.x, xs[start]! - half(start));
        const right = Math.min(w.x + w.width, xs[i - 1]! + half(i - 1));
        let text = normaliseText(chars.slice(start, i).join(''));
        let confidence = Math.min(...probs.slice(start, i));
        // A table rule's remnant read as punctuation after an amount (877,080.00.) is not part of it.
        text = text.replace(/(?<=\d\.\d{2})[.,:;'`|]+$/, '');
        // Separators out of place (16,093,32.00) mean a digit was dropped or added: a doubtful reading, kept as
        // the amount it reads (without them) so that the cell is an amount and what rests on it says so.
        if (/^-?\d[\d,]*,[\d,]*(?:\.\d+)?$/.test(text) && !/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) {
          confidence = Math.min(confidence, malformedConfidence);
          if (/\.\d{2}$/.test(text)) text = text.replace(/,/g, '');
        }
        if (text !== '') {
          pieces.push({
            text,
            x: left * scale,
            right: right * scale,
            y: (top + bottom) / 2 + 0.35 * sizePt,
            top,
            bottom,
            size: sizePt,
            spaceBefore: start > 0,
            item,
            confidence,
            ...(start > 0 && chars[start - 1] !== ' ' ? { ownCell: true } : {}),
            ...gridColumnOf(result.rules, (left + right) / 2, w.y + w.height / 2),
          });
        }
      }
      // A split at a gap keeps the character after it; one at a space drops the space.
      start = i < chars.length && chars[i] !== ' ' ? i : i + 1;
    }
  }
  return pieces.length === 0 ? null : toLines(pieces);
}

// ---------------------------------------------------------------------------------------------------------
// Geometry: text items → pieces → lines → cells.

/** A page's lines, from the text items the worker sent; null if none has text. */
function pageLines({ texts, numbers }: PageItems): PageLine[] | null {
  const pieces: Piece[] = [];
  for (let i = 0; i < texts.length; i++) {
    const at = i * itemNumbers;
    const ascent = numbers[at + 7]!;
    const descent = numbers[at + 8]!;
    itemPieces(
      texts[i]!,
      numbers[at + 6]!,
      numbers.subarray(at, at + 6),
      Number.isNaN(ascent) ? undefined : ascent,
      Number.isNaN(descent) ? undefined : descent,
      i,
      pieces,
    );
  }
  return pieces.length === 0 ? null : toLines(pieces);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A run of text without whitespace, positioned in page space (points, origin top left, y down). */
interface Piece {
  text: string;
  x: number;
  right: number;
  /** Baseline. */
  y: number;
  top: number;
  bottom: number;
  size: number;
  /** The piece followed whitespace inside the same text item. */
  spaceBefore: boolean;
  /** Which text item of the page the piece came from. */
  item: number;
  /** OCR: the probability of the least certain character. */
  confidence?: number;
  /** OCR: split from the text before it in its box as another cell's (a name, then an amount). */
  ownCell?: boolean;
  /** OCR: the column of the page image's ruled grid the piece stands in (see `gridColumn`). */
  gridColumn?: number;
}

interface Cell {
  text: string;
  box: Box;
  confidence?: number;
}

interface PageLine {
  cells: Cell[];
  top: number;
}

/** A line while the page is being laid out: cells with their extent, and the line's baseline and font size. */
interface RawLine {
  baseline: number;
  size: number;
  cells: RawCell[];
}

interface RawCell {
  text: string;
  x: number;
  right: number;
  top: number;
  bottom: number;
  confidence?: number;
}

/** Lines within this fraction of the font size of one baseline are one line. */
const baselineTolerance = 0.4;
/** A horizontal gap wider than this fraction of the font size separates cells. */
const cellGap = 0.8;
/** A gap wider than this fraction of the font size inside a cell is a space (unless between CJK), as in pdfjs. */
const wordGap = 0.1;
/**
 * After an amount, a narrower gap (as a fraction of the font size) separates cells: a right-aligned amount
 * can end close to the next column's text. Word processors space digits from CJK by a quarter em in prose.
 */
const amountGap = 0.3;
/**
 * Lines whose baselines are closer than this fraction of the font size overlap on the page, which set text
 * never does: they are parts of one table row placed at different heights (a wrapped cell, a cell aligned
 * to the top), and are merged.
 */
const rowSpread = 0.75;

const amount = /^[-+]?\d[\d,]*(?:\.\d+)?%?$/;
/** An amount with thousands separators, as tables print them (prose in these documents does not). */
const groupedAmount = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

const wide = /[\p{Script=Han}\u2e80-\u2fdf\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026\u00b7]/u;
const wideAtEnd = new RegExp(`${wide.source}$`, 'u');
const wideAtStart = new RegExp(`^${wide.source}`, 'u');
/**
 * An amount as tables print it, grouped by thousands or with decimals — or as OCR may misread one, with its
 * separators out of place (31,214,05.80), which is still an amount's cell.
 */
const completeAmount = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d[\d,]*\.\d{2})$/;
/** Text that starts with such an amount and then ends or goes on in CJK. */
const amountAhead = new RegExp(
  `^-?(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d[\\d,]*\\.\\d{2})(?:$|${wide.source})`,
  'u',
);

/**
 * The project's normalisation (NFKC except for full-width punctuation, which stays as printed, and CJK
 * radicals mapped to their ideographs), with full-width letters and digits made ASCII as NFKC would.
 */
function normaliseText(raw: string): string {
  return normalise(raw).replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** How wide a character typically is, as a fraction of the font size. */
function charWeight(c: string): number {
  if (wide.test(c)) return 1;
  if (/[\d]/.test(c)) return 0.5;
  if (/[,.:;'|!ilj()[\]]/.test(c)) return 0.28;
  return 0.55;
}

/** Splits one text item at whitespace into pieces, placed by the share of the item's width each takes. */
function itemPieces(
  raw: string,
  width: number,
  /** The item's matrix on the page. */
  t: Float64Array,
  ascent: number | undefined,
  descent: number | undefined,
  item: number,
  out: Piece[],
): void {
  const a = t[0]!;
  const b = t[1]!;
  const c = t[2]!;
  const d = t[3]!;
  const e = t[4]!;
  const f = t[5]!;
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  if (!(size > 0) || !Number.isFinite(e) || !Number.isFinite(f)) return;
  const asc = ascent !== undefined && ascent > 0.5 && ascent < 1.5 ? ascent : 0.88;
  const desc = descent !== undefined && descent < 0 && descent > -0.6 ? -descent : 0.12;
  const horizontal = Math.abs(b) <= Math.abs(a) * 0.05 && a > 0;
  if (!horizontal) {
    // Rotated or vertical text: one piece with the item's bounding box.
    const len = Math.hypot(a, b) || 1;
    const ux = (a / len) * width;
    const uy = (b / len) * width;
    // (c, d) is the glyphs' up direction, one font size long.
    const vx = c * asc;
    const vy = d * asc;
    const xs = [e, e + ux, e + vx, e + ux + vx];
    const ys = [f, f + uy, f + vy, f + uy + vy];
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    const text = normaliseText(raw)
      .trim()
      .replace(/\s+/g, ' ')
      .replace(new RegExp(`(?<=${wide.source}) (?=${wide.source})`, 'gu'), '');
    if (text === '') return;
    out.push({
      text,
      x: Math.min(...xs),
      right: Math.max(...xs),
      y: bottom,
      top,
      bottom,
      size: Math.min(size, bottom - top || size),
      spaceBefore: false,
      item,
    });
    return;
  }
  // Where each piece lies is estimated from the text as printed: glyphs get typical widths, each run of
  // spaces a share of what is left of the item's width (pdfjs keeps a space inside an item only for a gap of
  // 0.1–0.6 em, and starts a new item for a wider one), then all is scaled to the item's width.
  const tokens = raw.split(/(\s+)/).filter((t) => t !== '');
  const isGap = (t: string) => /^\s/.test(t);
  const tokenWidth = (t: string) => (isGap(t) ? 0 : [...t].reduce((sum, c) => sum + charWeight(c) * size, 0));
  const glyphWidth = tokens.reduce((sum, t) => sum + tokenWidth(t), 0);
  const gaps = tokens.filter(isGap).length;
  const gapWidth = gaps > 0 ? Math.min(0.6 * size, Math.max(0.1 * size, (width - glyphWidth) / gaps)) : 0;
  const estimate = glyphWidth + gaps * gapWidth;
  const scale = width > 0 && estimate > 0 ? width / estimate : 1;
  let x = e;
  let spaceBefore = false;
  for (const token of tokens) {
    if (isGap(token)) {
      x += gapWidth * scale;
      spaceBefore = true;
      continue;
    }
    const w = tokenWidth(token) * scale;
    const text = normaliseText(token).trim();
    if (text !== '') {
      out.push({
        text,
        x,
        right: x + w,
        y: f,
        top: f - asc * size,
        bottom: f + desc * size,
        size,
        spaceBefore,
        item,
      });
    }
    x += w;
  }
}

/** Groups pieces into lines by baseline, then into cells by the gaps between them. */
function toLines(pieces: Piece[]): PageLine[] {
  pieces.sort((p, q) => p.y - q.y || p.x - q.x);
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let baseline = 0;
  let lineSize = 0;
  for (const p of pieces) {
    if (current.length > 0 && Math.abs(p.y - baseline) <= baselineTolerance * Math.min(lineSize, p.size)) {
      current.push(p);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [p];
    baseline = p.y;
    lineSize = p.size;
  }
  if (current.length > 0) groups.push(current);
  return mergeRowParts(groups.map(toCells)).map((line) => ({
    top: Math.min(...line.cells.map((c) => c.top)),
    cells: line.cells.map((c) => {
      const box = {
        x: round(c.x),
        y: round(c.top),
        width: round(c.right - c.x),
        height: round(c.bottom - c.top),
      };
      return c.confidence === undefined
        ? { text: c.text, box }
        : { text: c.text, box, confidence: c.confidence };
    }),
  }));
}

function toCells(group: Piece[]): RawLine {
  group.sort((p, q) => p.x - q.x);
  const cells: RawCell[] = [];
  let prev: Piece | undefined;
  for (const p of group) {
    // The same text drawn twice at (nearly) the same place, e.g. for a bold effect.
    if (
      prev &&
      p.text === prev.text &&
      Math.abs(p.x - prev.x) < 0.3 * p.size &&
      Math.abs(p.y - prev.y) < 0.3 * p.size
    )
      continue;
    const cell = cells[cells.length - 1];
    const gap = prev ? p.x - prev.right : 0;
    const em = prev ? Math.max(p.size, prev.size) : p.size;
    // After an amount, the next column can start closer than a character: between separate text items
    // (whose gap is known) a third of an em is enough; inside one item (a space pdfjs kept for a gap of
    // 0.1–0.6 em) another amount, or CJK text after an amount with thousands separators, starts a cell.
    const afterAmount =
      cell !== undefined &&
      prev !== undefined &&
      amount.test(cell.text) &&
      (p.item !== prev.item
        ? gap > amountGap * em && (wideAtStart.test(p.text) || amount.test(p.text))
        : amount.test(p.text) || (groupedAmount.test(cell.text) && wideAtStart.test(p.text)));
    // A ruling line of a scanned table between two pieces parts their cells, however close the texts stand.
    const ruled =
      p.gridColumn !== undefined && prev?.gridColumn !== undefined && p.gridColumn !== prev.gridColumn;
    if (!cell || !prev || gap > cellGap * em || afterAmount || p.ownCell || ruled) {
      const c: RawCell = { text: p.text, x: p.x, right: p.right, top: p.top, bottom: p.bottom };
      if (p.confidence !== undefined) c.confidence = p.confidence;
      cells.push(c);
    } else {
      if (p.confidence !== undefined) cell.confidence = Math.min(cell.confidence ?? 1, p.confidence);
      // A gap is a space, as pdfjs itself has it inside an item, except between CJK characters.
      const cjk = wideAtEnd.test(cell.text) && wideAtStart.test(p.text);
      const space = !cjk && (p.spaceBefore || gap > wordGap * em);
      cell.text += (space ? ' ' : '') + p.text;
      cell.right = Math.max(cell.right, p.right);
      cell.top = Math.min(cell.top, p.top);
      cell.bottom = Math.max(cell.bottom, p.bottom);
    }
    prev = p;
  }
  const baselines = group.map((p) => p.y).sort((a, b) => a - b);
  return {
    baseline: baselines[Math.floor(baselines.length / 2)]!,
    size: Math.max(...group.map((p) => p.size)),
    cells,
  };
}

/**
 * Merges lines that are parts of one table row: a line closer to the previous one than `rowSpread` joins
 * it when their cells sit side by side (a cell placed higher or lower than the rest of its row), and a
 * one-cell line continues the one cell it lies under or over (a cell's text wrapped onto a second line).
 */
function mergeRowParts(lines: RawLine[]): RawLine[] {
  const out: RawLine[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (!prev || line.baseline - prev.baseline > rowSpread * Math.min(prev.size, line.size)) {
      out.push(line);
      continue;
    }
    const slack = 0.1 * Math.min(prev.size, line.size);
    const overlaps = (a: RawCell, b: RawCell) => a.x < b.right - slack && b.x < a.right - slack;
    const clash = line.cells.some((c) => prev.cells.some((d) => overlaps(c, d)));
    if (!clash) {
      // The lower baseline, so that a wrapped cell's next line, further down, still joins the row.
      out[out.length - 1] = {
        baseline: line.baseline,
        size: Math.max(prev.size, line.size),
        cells: [...prev.cells, ...line.cells].sort((a, b) => a.x - b.x),
      };
      continue;
    }
    if (line.cells.length === 1 && continueCell(prev, line.cells[0]!, overlaps, 'after')) continue;
    if (prev.cells.length === 1 && continueCell(line, prev.cells[0]!, overlaps, 'before')) {
      out[out.length - 1] = line;
      continue;
    }
    out.push(line);
  }
  return out;
}

/** Adds a wrapped part to the one cell of `line` it lies under (after) or over (before), if there is one. */
function continueCell(
  line: RawLine,
  part: RawCell,
  overlaps: (a: RawCell, b: RawCell) => boolean,
  where: 'before' | 'after',
): boolean {
  const hits = line.cells.filter((c) => overlaps(part, c));
  const cell = hits[0];
  if (hits.length !== 1 || !cell) return false;
  const [first, second] = where === 'after' ? [cell.text, part.text] : [part.text, cell.text];
  const cjk = wideAtEnd.test(first) && wideAtStart.test(second);
  cell.text = first + (cjk ? '' : ' ') + second;
  if (part.confidence !== undefined) cell.confidence = Math.min(cell.confidence ?? 1, part.confidence);
  cell.x = Math.min(cell.x, part.x);
  cell.right = Math.max(cell.right, part.right);
  cell.top = Math.min(cell.top, part.top);
  cell.bottom = Math.max(cell.bottom, part.bottom);
  return true;
}

const pageNumber =
  /^[-–—－\s]*(?:page\s*|第\s*)?(\d{1,4})(?:\s*页)?(?:\s*(?:[/／]|of)\s*\d{1,4}|\s*[,，]?\s*共\s*\d{1,4}\s*页)?[-–—－\s]*$/i;

/**
 * Drops the page numbers: a number alone (1, - 1 -, 第 1 页, 1/24, 第 1 页 共 24 页) on the last line of a
 * page, in its bottom fifth, that runs with the pages — the printed number minus the page's own is the same
 * on at least one other page (or the document has one page, numbered 1). A code alone on the last line of a
 * table does not run with the pages and is kept.
 */
function dropPageNumbers(read: { page: number; lines: PageLine[] }[], sizes: { height: number }[]): number[] {
  const candidates: { lines: PageLine[]; offset: number }[] = [];
  for (const { page, lines } of read) {
    const last = lines[lines.length - 1];
    const height = sizes[page - 1]?.height ?? 0;
    if (!last || last.top <= height * 0.8) continue;
    const m = pageNumber.exec(last.cells.map((c) => c.text).join(' '));
    if (m) candidates.push({ lines, offset: Number(m[1]) - page });
  }
  const counts = new Map<number, number>();
  for (const c of candidates) counts.set(c.offset, (counts.get(c.offset) ?? 0) + 1);
  for (const c of candidates) {
    if ((counts.get(c.offset) ?? 0) >= 2 || (sizes.length === 1 && c.offset === 0)) c.lines.pop();
  }
  const emptied: number[] = [];
  for (let i = read.length - 1; i >= 0; i--) {
    if (read[i]!.lines.length === 0) emptied.push(...read.splice(i, 1).map((r) => r.page));
  }
  return emptied;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
