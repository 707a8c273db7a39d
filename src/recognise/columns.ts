// Placing the numbers of a PDF-text row into columns when empty cells were not printed.
// A placement is scored by the table's own identities (合计 = sum of parts); ties go to the leftmost.
import { toScaled } from '../model/decimal.ts';

/** A row's values in their columns (null where empty). */
export interface Placement {
  values: (string | null)[];
  /** The values in exact ten-thousandths, 0 where empty (see `scaledOf`). */
  scaled?: number[];
}

const maxCandidates = 3;

/** The values of a placement in exact ten-thousandths, converted once and kept with it. */
export function scaledOf(placement: Placement): number[] {
  placement.scaled ??= placement.values.map((v) => toScaled(v) ?? 0);
  return placement.scaled;
}

/** The best placements of `values` (in order) into `n` columns, best first. */
export function candidatesFor(values: string[], n: number, identities: [number, number[]][]): Placement[] {
  const k = Math.min(values.length, n);
  const vals = values.slice(0, k);
  if (k === n || k === 0) return [{ values: padded(vals, n) }];
  const scaledVals = vals.map((v) => toScaled(v) ?? 0);
  // One reusable column array; positions are enumerated in lexicographic order, so the first
  // placements found with the best score are the leftmost ones.
  const search: PlacementSearch = {
    n,
    k,
    scaledVals,
    identities,
    scaled: filled(n, null),
    positions: [],
    bestScore: Number.POSITIVE_INFINITY,
    best: [],
    // With identities, the first number is the row total (column 0).
    mustStartAtZero: identities.length > 0,
  };
  choose(search, 0);
  const { best } = search;
  return best.map((ps) => {
    const placement: Placement = { values: filled(n, null), scaled: filled(n, 0) };
    ps.forEach((p, idx) => {
      placement.values[p] = vals[idx]!;
      placement.scaled![p] = scaledVals[idx]!;
    });
    return placement;
  });
}

interface PlacementSearch {
  n: number;
  k: number;
  scaledVals: number[];
  identities: [number, number[]][];
  scaled: (number | null)[];
  positions: number[];
  bestScore: number;
  best: number[][];
  mustStartAtZero: boolean;
}

/** Places the values from `placed` = positions.length on, in columns from `from`, keeping the best. */
function choose(s: PlacementSearch, from: number): void {
  // Scores are never negative: with as many perfect placements as are kept, the rest cannot matter.
  if (s.bestScore === 0 && s.best.length === maxCandidates) return;
  const placed = s.positions.length;
  if (placed === s.k) {
    const score = violation(s.scaled, s.identities);
    if (score < s.bestScore) {
      s.bestScore = score;
      s.best = [[...s.positions]];
    } else if (score === s.bestScore && s.best.length < maxCandidates) s.best.push([...s.positions]);
    return;
  }
  const last = s.mustStartAtZero && placed === 0 ? 0 : s.n - (s.k - placed);
  for (let p = from; p <= last; p++) {
    s.positions.push(p);
    s.scaled[p] = s.scaledVals[placed]!;
    choose(s, p + 1);
    s.scaled[p] = null;
    s.positions.pop();
  }
}

/** How far the placement is from satisfying the identities, in ten-thousandths (exact integers). */
function violation(scaled: (number | null)[], identities: [number, number[]][]): number {
  let score = 0;
  for (const [total, parts] of identities) {
    let diff = scaled[total] ?? 0;
    let any = scaled[total] !== null;
    for (const i of parts) {
      const v = scaled[i];
      if (v !== null && v !== undefined) {
        diff -= v;
        any = true;
      }
    }
    if (any) score += Math.abs(diff);
  }
  return score;
}

/**
 * An array of `n` copies of `value`, built by pushing: `new Array(n).fill()` makes a holey array,
 * slower to fill and to read, and these are made for every row.
 */
export function filled<T>(n: number, value: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(value);
  return out;
}

function padded(values: string[], n: number): (string | null)[] {
  const out: (string | null)[] = values.slice(0, n);
  while (out.length < n) out.push(null);
  return out;
}
