import { describe, expect, it } from 'vitest';
import { placeholder } from '../../src/check/rules/placeholder.ts';
import { budgetDoc, performanceDoc } from './build.ts';
import { finding, run } from './check.ts';

describe('placeholder', () => {
  it('passes a document with no leftover template text', () => {
    expect(run(placeholder, budgetDoc())).toStrictEqual([]);
  });

  it('fails each leftover placeholder where it stands', () => {
    const doc = budgetDoc({
      placeholders: [
        { text: 'XX', source: { line: 3 } },
        { text: '待填写', source: { line: 240, page: 9 } },
      ],
    });
    expect(run(placeholder, doc)).toStrictEqual([
      finding(placeholder, 'error', { line: 3 }),
      finding(placeholder, 'error', { line: 240, page: 9 }),
    ]);
  });

  it('checks performance texts too', () => {
    const doc = performanceDoc({ placeholders: [{ text: '××', source: { line: 7 } }] });
    expect(run(placeholder, doc)).toStrictEqual([finding(placeholder, 'error', { line: 7 })]);
  });
});
