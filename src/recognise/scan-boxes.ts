// The boxes of a scanned page's cells, put back on the page as it is displayed. OCR reads a scan straightened
// (its skew undone, turned upright when upside down: read/ocr-worker.mjs), and the recogniser lays the cells
// out in those coordinates, where rows are level. But a box is there to be drawn on the original page (the
// cell boxed when a finding or a doubtful reading is checked against the scan), which shows the scan as it is:
// at a 2° skew a cell 300 pt from the page's centre is 10 pt off, and on an upside-down page anywhere.
import type { Document } from '../model/document.ts';
import type { Layout } from '../read/layout.ts';

type Box = { x: number; y: number; width: number; height: number };

/** The skews the OCR undoes: below this it leaves the image as it is (ocr-worker.mjs readPage). */
const minTurn = 0.1;

/**
 * Moves every box on a page read by OCR (`layout.ocrPages`) from the straightened image to the page as
 * displayed: turned back by 180° where the page was upside down, then by its skew about the page's centre
 * (as the worker turned the image), as the box round the turned corners.
 */
export function boxesAsDisplayed(doc: Document, layout: Layout): void {
  const turns = new Map<number, (box: Box) => Box>();
  for (const p of layout.ocrPages ?? []) {
    const size = layout.pages?.[p.page - 1];
    const turned = Math.abs(p.angle) >= minTurn;
    if (!size || (!turned && !p.upsideDown)) continue;
    turns.set(p.page, displayed(size, turned ? p.angle : 0, p.upsideDown));
  }
  if (turns.size === 0) return;
  const seen = new Set<object>();
  // New box objects, not the old ones changed: a source's box may be the layout's own (positioned.ts), which
  // must stay straightened for another reading of the same layout. A box shared by two sources stays shared.
  const moved = new Map<Box, Box>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const o = value as { page?: unknown; box?: unknown };
    const turn = typeof o.page === 'number' ? turns.get(o.page) : undefined;
    if (turn && isBox(o.box)) {
      const box = moved.get(o.box) ?? turn(o.box);
      moved.set(o.box, box);
      seen.add(box);
      o.box = box;
    }
    for (const v of Object.values(value)) visit(v);
  };
  visit(doc);
}

const isBox = (b: unknown): b is Box =>
  typeof b === 'object' &&
  b !== null &&
  typeof (b as Box).x === 'number' &&
  typeof (b as Box).width === 'number';

/** The box on the displayed page of a box on the page straightened (`angle` undone, then turned if upside down). */
export function displayed(
  page: { width: number; height: number },
  angle: number,
  upsideDown: boolean,
): (box: Box) => Box {
  const cx = page.width / 2;
  const cy = page.height / 2;
  const a = (angle * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const round = (v: number) => Math.round(v * 100) / 100;
  return (box) => {
    // Upside down: the image was turned after it was straightened, so that is undone first.
    const b = upsideDown
      ? { ...box, x: page.width - box.x - box.width, y: page.height - box.y - box.height }
      : box;
    // A straightened point (x, y) came from the scan's point centre + R(angle)·((x, y) − centre).
    const corners = [
      [b.x, b.y],
      [b.x + b.width, b.y],
      [b.x, b.y + b.height],
      [b.x + b.width, b.y + b.height],
    ].map(([x, y]) => {
      const dx = x! - cx;
      const dy = y! - cy;
      return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos] as const;
    });
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    const x0 = Math.min(...xs);
    const y0 = Math.min(...ys);
    return {
      x: round(x0),
      y: round(y0),
      width: round(Math.max(...xs) - x0),
      height: round(Math.max(...ys) - y0),
    };
  };
}
