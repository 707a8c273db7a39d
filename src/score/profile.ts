// A scoring profile: the inspection's dimensions and the points of each item, read from a file
// (score-profiles/*.json) so a province or a year can bring its own weights without a code change.
import { readFileSync } from 'node:fs';
import { type ItemId, itemIds } from './items.ts';

export const dimensionIds = ['timeliness', 'completeness', 'truthfulness', 'detail', 'form'] as const;
export type DimensionId = (typeof dimensionIds)[number];

export interface ScoreProfile {
  id: string;
  version: number;
  title: string;
  description: string;
  /** Days after the 批复 within which the disclosure must be published. */
  timelyDays: number;
  dimensions: { id: DimensionId; title: string; weight: number }[];
  items: { id: ItemId; dimension: DimensionId; points: number }[];
}

export class ScoreProfileError extends Error {
  override name = 'ScoreProfileError';
}

const defaultFile = new URL('../../score-profiles/national-2026.json', import.meta.url);

/** The profile in a file (the shipped national one when none is given); a clear error when it is malformed. */
export function loadScoreProfile(path?: string): ScoreProfile {
  const name = path ?? 'score-profiles/national-2026.json';
  let text: string;
  try {
    text = readFileSync(path ?? defaultFile, 'utf8');
  } catch (e) {
    throw new ScoreProfileError(`无法读取评分规范 ${name}：${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ScoreProfileError(`评分规范 ${name} 不是有效的 JSON：${(e as Error).message}`);
  }
  return validProfile(value, name);
}

function validProfile(value: unknown, name: string): ScoreProfile {
  const fail = (what: string): never => {
    throw new ScoreProfileError(`评分规范 ${name} 有误：${what}`);
  };
  const p = value as Partial<ScoreProfile> | null;
  if (!p || typeof p !== 'object') return fail('应为一个对象');
  if (typeof p.id !== 'string' || !p.id) fail('缺少 id');
  if (!Number.isInteger(p.version)) fail('version 应为整数');
  if (typeof p.title !== 'string') fail('缺少 title');
  if (!(typeof p.timelyDays === 'number' && p.timelyDays > 0)) fail('timelyDays 应为正数');
  if (!Array.isArray(p.dimensions) || p.dimensions.length === 0) fail('缺少 dimensions');
  for (const d of p.dimensions!) {
    if (!dimensionIds.includes(d?.id))
      fail(`未知维度 ${String(d?.id)}（应为 ${dimensionIds.join('、')} 之一）`);
    if (!(typeof d.weight === 'number' && d.weight >= 0)) fail(`维度 ${d.id} 的 weight 应为非负数`);
  }
  const weights = p.dimensions!.reduce((s, d) => s + d.weight, 0);
  if (weights !== 100) fail(`各维度权重之和应为 100，实为 ${weights}`);
  if (!Array.isArray(p.items) || p.items.length === 0) fail('缺少 items');
  const seen = new Set<string>();
  for (const item of p.items!) {
    if (!itemIds.includes(item?.id)) fail(`未知评分项 ${String(item?.id)}`);
    if (seen.has(item.id)) fail(`评分项 ${item.id} 重复`);
    seen.add(item.id);
    if (!p.dimensions!.some((d) => d.id === item.dimension))
      fail(`评分项 ${item.id} 的维度 ${item.dimension} 未定义`);
    if (!(typeof item.points === 'number' && item.points > 0)) fail(`评分项 ${item.id} 的 points 应为正数`);
  }
  return { ...(p as ScoreProfile), description: p.description ?? '' };
}
