// A page of the original PDF (GET /api/documents/:id/original, drawn by pdf.js) with the cell a finding
// points at boxed. pdf.js loads on first use; each document's file is fetched once.

import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import type { Source } from '../../../src/model/document.ts';
import { originalUrl } from '../api.ts';

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
