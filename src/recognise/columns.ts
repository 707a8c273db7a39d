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
  const scaled: (number | null)[] = new Array(n).fill(null);
  const positions: number[] = [];
  let bestScore = Number.POSITIVE_INFINITY;
  let best: number[][] = [];
  // With identities, the first number is the row total (column 0).
  const mustStartAtZero = identities.length > 0;
  const choose = (from: number) => {
    // Scores are never negative: with as many perfect placements as are kept, the rest cannot matter.
    if (bestScore === 0 && best.length === maxCandidates) return;
    const placed = positions.length;
    if (placed === k) {
      const score = violation(scaled, identities);
      if (score < bestScore) {
        bestScore = score;
        best = [[...positions]];
      } else if (score === bestScore && best.length < maxCandidates) best.push([...positions]);
      return;
    }
    const last = mustStartAtZero && placed === 0 ? 0 : n - (k - placed);
    for (let p = from; p <= last; p++) {
      positions.push(p);
      scaled[p] = scaledVals[placed]!;
      choose(p + 1);
      scaled[p] = null;
      positions.pop();
    }
  };
  choose(0);
  return best.map((ps) => {
    const placement: Placement = { values: new Array(n).fill(null), scaled: new Array(n).fill(0) };
    ps.forEach((p, idx) => {
      placement.values[p] = vals[idx]!;
      placement.scaled![p] = scaledVals[idx]!;
    });
    return placement;
  });
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

function padded(values: string[], n: number): (string | null)[] {
  const out: (string | null)[] = values.slice(0, n);
  while (out.length < n) out.push(null);
  return out;
}
