// Placing the numbers of a PDF-text row into columns when empty cells were not printed.
// A placement is scored by the table's own identities (合计 = sum of parts); ties go to the leftmost.
import { toScaled } from '../model/decimal.ts';

type Placement = (string | null)[];

const maxCandidates = 3;

/** The best placements of `values` (in order) into `n` columns, best first. */
export function candidatesFor(values: string[], n: number, identities: [number, number[]][]): Placement[] {
  const k = Math.min(values.length, n);
  const vals = values.slice(0, k);
  const scaledVals = vals.map((v) => toScaled(v) ?? 0);
  if (k === n || k === 0) return [padded(vals, n)];
  const scored: { placement: Placement; score: number; positions: number[] }[] = [];
  const positions: number[] = [];
  // With identities, the first number is the row total (column 0).
  const mustStartAtZero = identities.length > 0;
  const choose = (from: number) => {
    if (positions.length === k) {
      const placement: Placement = new Array(n).fill(null);
      const scaled: (number | null)[] = new Array(n).fill(null);
      positions.forEach((p, idx) => {
        placement[p] = vals[idx]!;
        scaled[p] = scaledVals[idx]!;
      });
      scored.push({ placement, score: violation(scaled, identities), positions: [...positions] });
      return;
    }
    for (let p = from; p <= n - (k - positions.length); p++) {
      if (mustStartAtZero && positions.length === 0 && p !== 0) break;
      positions.push(p);
      choose(p + 1);
      positions.pop();
    }
  };
  choose(0);
  scored.sort((a, b) => a.score - b.score || compareLex(a.positions, b.positions));
  const best = scored[0]!.score;
  return scored
    .filter((s) => s.score === best)
    .slice(0, maxCandidates)
    .map((s) => s.placement);
}

export function placeAmounts(values: string[], n: number, identities: [number, number[]][]): Placement {
  return candidatesFor(values, n, identities)[0]!;
}

/** How far the placement is from satisfying the identities, in ten-thousandths (exact integers). */
function violation(scaled: (number | null)[], identities: [number, number[]][]): number {
  let score = 0;
  for (const [total, parts] of identities) {
    if (scaled[total] === null && parts.every((i) => scaled[i] === null)) continue;
    let diff = scaled[total] ?? 0;
    for (const i of parts) diff -= scaled[i] ?? 0;
    score += Math.abs(diff);
  }
  return score;
}

function padded(values: string[], n: number): Placement {
  const out: Placement = values.slice(0, n);
  while (out.length < n) out.push(null);
  return out;
}

function compareLex(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
