// The web app's mark on an amount OCR read with doubt: the same threshold as the checks' （可能为识别误差）.
import { describe, expect, it } from 'vitest';
import { doubtfulConfidence } from '../src/model/document.ts';
import { doubtMark } from '../web/src/doubt.ts';

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
});
