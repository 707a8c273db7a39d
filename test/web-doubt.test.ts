// The web app's mark on an amount OCR read with doubt: the same threshold as the checks' （可能为识别误差）.
import { describe, expect, it } from 'vitest';
import { doubtfulConfidence } from '../src/model/document.ts';
import { cropAround, doubtMark, originalLabel } from '../web/src/doubt.ts';

describe('doubtful OCR cells', () => {
  it('marks an amount read below the doubtful confidence, saying its confidence', () => {
    const mark = doubtMark({ line: 3, page: 2, confidence: 0.42 });
    expect(mark?.className).toBe('ocr-doubt');
    expect(mark?.title).toContain('识别置信度 0.42');
    expect(mark?.title).toContain('可能为识别误差');
  });
  it('never shows a doubtful confidence as the threshold itself', () => {
    expect(doubtMark({ line: 1, confidence: doubtfulConfidence - 0.001 })?.title).toContain('0.59');
  });
  it('leaves sure readings and text-layer amounts unmarked', () => {
    expect(doubtMark({ line: 1, confidence: doubtfulConfidence })).toBeUndefined();
    expect(doubtMark({ line: 1, confidence: 0.97 })).toBeUndefined();
    expect(doubtMark({ line: 1 })).toBeUndefined();
    expect(doubtMark(undefined)).toBeUndefined();
  });

  it('shows the scan round a cell: the cell with its row and its neighbours, kept on the page', () => {
    const page = { width: 842, height: 595 };
    const crop = cropAround({ x: 400, y: 300, width: 50, height: 12 }, page);
    expect(crop).toEqual({ x: 340, y: 276, width: 170, height: 60 });
    // At the page's edge the crop stops there, and still holds the whole cell.
    const edge = cropAround({ x: 800, y: 580, width: 40, height: 12 }, page);
    expect(edge.x + edge.width).toBe(842);
    expect(edge.y + edge.height).toBe(595);
    expect(edge.x).toBeLessThanOrEqual(800);
    expect(originalLabel(3)).toBe('原件：第 3 页');
  });
});
