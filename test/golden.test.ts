// Each sample parsed and projected must equal its golden file, written by hand from the source document.
import { describe, expect, it } from 'vitest';
import { toGolden } from './golden-projection.ts';
import { golden, parseSeed, seedFiles } from './helpers.ts';

describe('golden files', () => {
  it('finds the five samples', () => {
    expect(seedFiles).toHaveLength(5);
  });

  for (const file of seedFiles) {
    it(file, () => {
      expect(toGolden(parseSeed(file))).toEqual(golden(file));
    });
  }
});
