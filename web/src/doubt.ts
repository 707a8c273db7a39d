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
