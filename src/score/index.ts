// The disclosure score: each item of the scoring profile earned, lost or not applicable, with its evidence;
// each dimension's points in proportion to the applicable items it earned; the total out of 100 over the
// applicable dimensions.
import type { Document } from '../model/document.ts';
import { type ItemResult, type ScoreInput, scoreItems } from './items.ts';
import type { DimensionId, ScoreProfile } from './profile.ts';

export interface ScoredItem extends ItemResult {
  id: string;
  title: string;
  dimension: DimensionId;
  /** The profile's points for the item, and the points it earned (0 when lost or not applicable). */
  points: number;
  earnedPoints: number;
}

export interface DocumentScore {
  profile: { id: string; version: number; title: string };
  /** Out of 100, rounded to 0.1; null when no item applies. */
  total: number | null;
  dimensions: {
    id: DimensionId;
    title: string;
    weight: number;
    /** Out of `weight`, rounded to 0.1; null when none of its items applies. */
    score: number | null;
  }[];
  items: ScoredItem[];
}

export function scoreDocument(
  doc: Document,
  input: Omit<ScoreInput, 'timelyDays'>,
  profile: ScoreProfile,
): DocumentScore {
  const full: ScoreInput = { ...input, timelyDays: profile.timelyDays };
  const items: ScoredItem[] = profile.items.map((entry) => {
    const item = scoreItems.find((i) => i.id === entry.id)!;
    const result: ItemResult = item.kinds.includes(doc.kind)
      ? item.evaluate(doc, full)
      : { status: 'not-applicable', evidence: '不适用于此类文件' };
    return {
      id: item.id,
      title: item.title,
      dimension: entry.dimension,
      points: entry.points,
      earnedPoints: result.status === 'earned' ? entry.points : 0,
      ...result,
    };
  });
  const dimensions = profile.dimensions.map((d) => {
    const applicable = items.filter((i) => i.dimension === d.id && i.status !== 'not-applicable');
    const possible = applicable.reduce((s, i) => s + i.points, 0);
    const got = applicable.reduce((s, i) => s + i.earnedPoints, 0);
    return {
      id: d.id,
      title: d.title,
      weight: d.weight,
      score: possible === 0 ? null : (d.weight * got) / possible,
    };
  });
  const scored = dimensions.filter((d) => d.score !== null);
  const weight = scored.reduce((s, d) => s + d.weight, 0);
  const total = weight === 0 ? null : (100 * scored.reduce((s, d) => s + d.score!, 0)) / weight;
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return {
    profile: { id: profile.id, version: profile.version, title: profile.title },
    total: round(total),
    dimensions: dimensions.map((d) => ({ ...d, score: round(d.score) })),
    items,
  };
}

const statusMark = { earned: '✓ 得分', lost: '✗ 失分', 'not-applicable': '— 不适用' } as const;

/** The score explained line by line: the total, each dimension, each item with its evidence. */
export function scoreText(file: string, score: DocumentScore): string {
  const lines = [
    `${file}：${score.total === null ? '无适用的评分项' : `${score.total} 分`}（${score.profile.title}，第 ${score.profile.version} 版）`,
  ];
  for (const d of score.dimensions) {
    lines.push(`  ${d.title} ${d.score === null ? '不适用' : `${d.score} / ${d.weight}`}`);
    for (const i of score.items.filter((item) => item.dimension === d.id))
      lines.push(`    ${statusMark[i.status]} ${i.title}（${i.points} 分）：${i.evidence}`);
  }
  return `${lines.join('\n')}\n`;
}
