// Which table cells OCR read with doubt: an amount from a scanned page whose least certain character is below
// the model's doubtful confidence, the same test the checks use to make a finding on it a warning
// （可能为识别误差）, so that the cell and the finding say the same.
import { doubtfulConfidence, isDoubtful, type Source } from '../../src/model/document.ts';

/** How a doubtful cell is marked: its class and the tooltip that says why. */
export interface DoubtMark {
  className: 'ocr-doubt';
  title: string;
}

/** The mark of a cell read from `source`, or undefined when it was read surely (or from a text layer). */
export function doubtMark(source: Source | undefined): DoubtMark | undefined {
  if (!isDoubtful(source)) return undefined;
  // Two decimals floored, so a value just under the threshold never shows as the threshold itself (0.599 → 0.59).
  const shown = (Math.floor(source!.confidence! * 100) / 100).toFixed(2);
  return {
    className: 'ocr-doubt',
    title: `识别置信度 ${shown}（低于 ${doubtfulConfidence}），可能为识别误差，请对照原件核实`,
  };
}

/** A region of a page, in PDF points from its top left (as `Source.box`). */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Room shown around a doubtful cell on its page, in points: enough for the digits either side and the rows
 * above and below (a table row is 12–20 pt high), so that the reader sees the cell in its row and column.
 */
const cropMargin = { x: 60, y: 24 };

/** The part of the page shown around a cell's box: the box with `cropMargin` round it, kept on the page. */
export function cropAround(box: Region, page: { width: number; height: number }): Region {
  const x0 = Math.max(0, box.x - cropMargin.x);
  const y0 = Math.max(0, box.y - cropMargin.y);
  const x1 = Math.min(page.width, box.x + box.width + cropMargin.x);
  const y1 = Math.min(page.height, box.y + box.height + cropMargin.y);
  return { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}

/** What the crop of a page is called: 原件：第 3 页. */
export const originalLabel = (page: number) => `原件：第 ${page} 页`;
