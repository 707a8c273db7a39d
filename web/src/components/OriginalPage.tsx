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

/** What of a page to draw, and at what scale (CSS pixels a point), given the page's size and the frame's width. */
interface Drawn {
  region: Region;
  scale: number;
}
type Plan = (natural: { width: number; height: number }, frameWidth: number) => Drawn;

/**
 * Draws a region of a page into the canvas, at the scale `plan` chooses for the frame's width (pdf.js renders the
 * page moved so that the region's corner is the canvas's). Gives the region and scale once drawn, and the
 * error, in Chinese, when the page cannot be shown.
 */
function usePageRegion(
  documentId: number,
  page: number,
  plan: Plan,
  what: string,
  redraw: readonly unknown[],
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<Drawn | null>(null);
  const [error, setError] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: the callers say when the page is drawn again.
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
      const planned = plan(pdfPage.getViewport({ scale: 1 }), frame.current.clientWidth);
      const { region, scale } = planned;
      const ratio = window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({
        scale: scale * ratio,
        offsetX: -region.x * scale * ratio,
        offsetY: -region.y * scale * ratio,
      });
      target.width = Math.ceil(region.width * scale * ratio);
      target.height = Math.ceil(region.height * scale * ratio);
      target.style.width = `${region.width * scale}px`;
      target.style.height = `${region.height * scale}px`;
      task = pdfPage.render({ canvas: target, viewport });
      await task.promise;
      if (!cancelled) setShown(planned);
    })().catch((e: unknown) => {
      if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException'))
        setError(`无法显示${what}第 ${page} 页：${e instanceof Error ? e.message : String(e)}`);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [documentId, page, ...redraw]);

  return { canvas, frame, shown, error };
}

const wholePage: Plan = (natural, frameWidth) => ({
  region: { x: 0, y: 0, width: natural.width, height: natural.height },
  scale: frameWidth / natural.width,
});

interface Props {
  documentId: number;
  /** The page, and the box to mark on it (PDF points from the top left, as the reader measured them). */
  source: Source & { page: number };
}

export function OriginalPage({ documentId, source }: Props) {
  const figure = useRef<HTMLElement>(null);
  const [large, setLarge] = useState(false);
  const { page, box } = source;
  // Enlarged, the page is drawn again at the frame's new width.
  const { canvas, frame, shown, error } = usePageRegion(documentId, page, wholePage, '原文', [large]);
  const scale = shown?.scale ?? null;

  // The box in the middle of what shows (the frame scrolls; enlarged, the whole figure does).
  useEffect(() => {
    const scroller = large ? figure.current : frame.current;
    if (scale !== null && box && scroller)
      scroller.scrollTop = Math.max(0, box.y * scale - scroller.clientHeight / 2);
  }, [scale, large, box, frame]);

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
  const figure = useRef<HTMLElement>(null);
  const { canvas, frame, shown, error } = usePageRegion(
    documentId,
    page,
    (natural, frameWidth) => {
      const crop = cropAround(box, natural);
      return { region: crop, scale: Math.min(cropZoom, frameWidth / crop.width) };
    },
    '原件',
    [box],
  );

  // Shown under its table, which may run past the screen: brought into view, the focus left where it was.
  useEffect(() => {
    figure.current?.scrollIntoView({ block: 'nearest' });
  }, []);

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
        shown
          ? [shown.region.x, shown.region.y, shown.region.width, shown.region.height].join(' ')
          : undefined
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
              left: (box.x - shown.region.x) * shown.scale - pad,
              top: (box.y - shown.region.y) * shown.scale - pad,
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
