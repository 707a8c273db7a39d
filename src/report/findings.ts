// One checked file: the document's header facts and its findings, as every report prints them.

import { profiles } from '../check/profiles.ts';
import type { Finding, ProfileName, Severity } from '../check/types.ts';
import { type Document, tableNames } from '../model/document.ts';

export interface CheckedFile {
  file: string;
  document: Document;
  /** The profile's key (national-budget …); reports print its Chinese title. */
  profile: string;
  findings: Finding[];
}

import { kindNames, severities, severityNames } from '../model/names.ts';

export { kindNames, severities, severityNames };

/** 全国通用部门预算 for national-budget; an unknown key as it is. */
export function profileTitle(name: string): string {
  return profiles[name as ProfileName]?.title ?? name;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** 第 12 页第 797 行 · 支出总表 · 21011 · 合计 */
export function describeWhere(f: Finding): string {
  const w = f.where;
  const parts: string[] = [];
  if (w.page !== undefined) parts.push(`第 ${w.page} 页`);
  if (w.line !== undefined) parts.push(`第 ${w.line} 行`);
  const place = parts.join('');
  return [
    place,
    w.table && tableNames[w.table],
    w.row,
    w.column,
    w.project,
    w.line === undefined ? w.section : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function documentTitle(doc: Document): string {
  return `${doc.department.name || '（未识别部门）'} ${doc.year ? `${doc.year} 年` : ''}${kindNames[doc.kind]}`;
}
