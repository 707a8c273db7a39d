// A page of the original PDF (GET /api/documents/:id/original, drawn by pdf.js) with the cell a finding
// points at boxed, and the crop of a page around one cell (a doubtful OCR reading, to be checked against the
// scan). pdf.js loads on first use; each document's file is fetched once.

import type { PDFDocumentProxy } from 'pdfjs-dist';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { Source } from '../../../src/model/document.ts';
import { originalUrl } from '../api.ts';
import { cropAround, originalLabel, type Region } from '../doubt.ts';

const loaded = new Map<number, Promise<PDFDocumentProxy>>();

async function openOriginal(id: number): Promise<PDFDocumentProxy> {
  let pdf = loaded.get(id);
  if (!pdf) {
    pdf = (async () => {
      const [pdfjs, worker] = await Promise.all([
        import('pdfjs-dist'),
        import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
      ]);
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs.getDocument({ url: originalUrl(id), isEvalSupported: false }).promise;
    })();
    pdf.catch(() => loaded.delete(id));
    loaded.set(id, pdf);
  }
  return pdf;
}

interface Props {
  documentId: number;
  /** The page, and the box to mark on it (PDF points from the top left, as the reader measured them). */
  source: Source & { page: number };
}

export function OriginalPage({ documentId, source }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const [scale, setScale] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [large, setLarge] = useState(false);
  const { page, box } = source;

  // biome-ignore lint/correctness/useExhaustiveDependencies: enlarged, the page is drawn again at the frame's new width.
  useEffect(() => {
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | undefined;
    setScale(null);
    setError('');
    (async () => {
      const pdf = await openOriginal(documentId);
      const pdfPage = await pdf.getPage(page);
      const target = canvas.current;
      if (cancelled || !target || !frame.current) return;
      const natural = pdfPage.getViewport({ scale: 1 });
      const fit = frame.current.clientWidth / natural.width;
      const ratio = window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({ scale: fit * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${natural.width * fit}px`;
      target.style.height = `${natural.height * fit}px`;
      task = pdfPage.render({ canvas: target, viewport });
      await task.promise;
      if (!cancelled) setScale(fit);
    })().catch((e: unknown) => {
      if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException'))
        setError(`无法显示原文第 ${page} 页：${e instanceof Error ? e.message : String(e)}`);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [documentId, page, large]);

  // The box in the middle of what shows (the frame scrolls; enlarged, the whole figure does).
  useEffect(() => {
    const scroller = large ? figure.current : frame.current;
    if (scale !== null && box && scroller)
      scroller.scrollTop = Math.max(0, box.y * scale - scroller.clientHeight / 2);
  }, [scale, large, box]);

  const pad = 2;
  return (
    <figure ref={figure} className={`original-page${large ? ' large' : ''}`} data-page={page}>
      <figcaption>
        原文第 {page} 页
        <button type="button" className="linkish" onClick={() => setLarge(!large)}>
          {large ? '缩小' : '放大'}
        </button>
      </figcaption>
      <div className="page-frame" ref={frame}>
        <canvas ref={canvas} />
        {scale !== null && box && (
          <div
            className="cell-box"
            style={{
              left: box.x * scale - pad,
              top: box.y * scale - pad,
              width: box.width * scale + 2 * pad,
              height: box.height * scale + 2 * pad,
            }}
          />
        )}
      </div>
      {scale === null && !error && <p className="muted">正在载入原文…</p>}
      {error && <p className="error-text">{error}</p>}
    </figure>
  );
}

interface CropProps {
  documentId: number;
  /** The element's id (the cell's button names it in aria-controls). */
  id: string;
  page: number;
  /** The cell's box (PDF points from the top left of the page as displayed, as the model keeps it). */
  box: Region;
  /** What the cell is and what OCR read there, said under the crop. */
  caption: string;
  onClose: () => void;
}

/** The largest scale a crop is shown at (CSS pixels a point): a 9 pt digit 22 px high, plain to read. */
const cropZoom = 2.5;

/**
 * The part of a page round one cell, the cell boxed: the scan as it is, so that a doubtful reading can be
 * checked against what was printed. Only the crop is drawn (pdf.js renders the page shifted into a canvas the
 * crop's size). Esc closes it.
 */
export function OriginalCrop({ documentId, id, page, box, caption, onClose }: CropProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const [shown, setShown] = useState<{ crop: Region; scale: number } | null>(null);
  const [error, setError] = useState('');

  // Shown under its table, which may run past the screen: brought into view, the focus left where it was.
  useEffect(() => {
    figure.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  useEffect(() => {
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | undefined;
    setShown(null);
    setError('');
    (async () => {
      const pdf = await openOriginal(documentId);
      const pdfPage = await pdf.getPage(page);
      const target = canvas.current;
      if (cancelled || !target || !frame.current) return;
      const natural = pdfPage.getViewport({ scale: 1 });
      const crop = cropAround(box, natural);
      const scale = Math.min(cropZoom, frame.current.clientWidth / crop.width);
      const ratio = window.devicePixelRatio || 1;
      // The page drawn at the crop's scale, moved so that the crop's corner is the canvas's.
      const viewport = pdfPage.getViewport({
        scale: scale * ratio,
        offsetX: -crop.x * scale * ratio,
        offsetY: -crop.y * scale * ratio,
      });
      target.width = Math.ceil(crop.width * scale * ratio);
      target.height = Math.ceil(crop.height * scale * ratio);
      target.style.width = `${crop.width * scale}px`;
      target.style.height = `${crop.height * scale}px`;
      task = pdfPage.render({ canvas: target, viewport });
      await task.promise;
      if (!cancelled) setShown({ crop, scale });
    })().catch((e: unknown) => {
      if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException'))
        setError(`无法显示原件第 ${page} 页：${e instanceof Error ? e.message : String(e)}`);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [documentId, page, box]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };
  const pad = 2;
  const label = originalLabel(page);
  return (
    <figure
      ref={figure}
      id={id}
      className="original-crop"
      data-page={page}
      data-crop={
        shown ? [shown.crop.x, shown.crop.y, shown.crop.width, shown.crop.height].join(' ') : undefined
      }
      aria-label={`${label}，${caption}`}
      onKeyDown={onKeyDown}
    >
      <figcaption>
        <strong>{label}</strong>
        <span>{caption}</span>
        <button type="button" className="linkish" onClick={onClose} aria-label={`关闭${label}`}>
          关闭
        </button>
      </figcaption>
      <div className="crop-frame" ref={frame}>
        <canvas ref={canvas} role="img" aria-label={`${label}中该单元格周围的扫描图像，单元格已框出`} />
        {shown && (
          <div
            className="cell-box"
            style={{
              left: (box.x - shown.crop.x) * shown.scale - pad,
              top: (box.y - shown.crop.y) * shown.scale - pad,
              width: box.width * shown.scale + 2 * pad,
              height: box.height * shown.scale + 2 * pad,
            }}
          />
        )}
      </div>
      {!shown && !error && <p className="muted">正在载入原件…</p>}
      {error && <p className="error-text">{error}</p>}
    </figure>
  );
}
