// The reviewer's opinion letter (审核意见书) as content, before any format: to whom, about which version,
// and the findings the reviewer confirmed, grouped by the table, section or project they are in, each with
// its place, the figures where the rule compared two, and the rule it breaks. Findings still 待核实, judged
// 不是问题 or already 已整改 are not the department's to fix, so they are not in it. Pure: the caller reads
// the store and says who signs and when.
import { rules } from '../check/rules/index.ts';
import type { Finding, RuleMeta } from '../check/types.ts';
import {
  budgetTableKeys,
  type Document,
  type TableKey,
  tableNames,
  tablesInOrder,
} from '../model/document.ts';
import { chineseNumeral } from '../model/numbering.ts';
import { kindNames } from './findings.ts';

/** What the letter needs of a stored version (StoredDocument of src/store/queries.ts has it). */
export interface OpinionSource {
  summary: { department: string; year: number | null; kind: string; version: number; fileName: string };
  document: Document;
  findings: (Finding & { key: string; review: { status: string } })[];
  review: { state: string; note: string | null };
}

export interface OpinionItem {
  key: string;
  rule: { id: string; title: string; description: string; reason: string };
  severity: Finding['severity'];
  /** Where in the group: 第 3 页 · 302 商品和服务支出 · 合计 (empty when the group says it all). */
  place: string;
  message: string;
  /** As the rule reported them (amounts in the document's unit, or a year, a percentage…). */
  expected?: string;
  actual?: string;
}

export interface OpinionGroup {
  /** 一、 二、 … */
  number: string;
  /** The table's printed title, the section's heading, 项目绩效目标表 or 其他. */
  title: string;
  items: OpinionItem[];
}

export interface OpinionLetter {
  /** 关于<部门><年度>年<种类>的审核意见 */
  title: string;
  /** <部门>： */
  addressee: string;
  department: string;
  year: number | null;
  kind: string;
  kindName: string;
  version: number;
  fileName: string;
  /** The opening paragraph(s). */
  paragraphs: string[];
  groups: OpinionGroup[];
  /** The number of confirmed findings, all groups together. */
  count: number;
  /** The reviewer's note on the last step, when there is one. */
  note: string | null;
  closing: string;
  reviewer: string | null;
  /** 2025年6月1日 (China Standard Time). */
  date: string;
}

const metaById = new Map<string, RuleMeta>(rules.map((r) => [r.meta.id, r.meta]));

/** 2025年6月1日, on the calendar of Beijing whatever the server's time zone. */
export function chineseDate(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

/** A finding's row as the table prints it: "302 商品和服务支出", or the row key when the row is not found. */
function rowLabel(doc: Document, table: TableKey, row: string): string {
  const found = doc.tables[table]?.rows.find((r) => (r.code ?? r.name.replace(/\s+/g, '')) === row);
  return found?.code ? `${found.code} ${found.name}` : row;
}

interface Placed {
  /** Orders the groups as the document prints them: tables, sections, projects, the rest. */
  rank: number;
  group: string;
  place: string;
}

function placeOf(doc: Document, f: Finding): Placed {
  const w = f.where;
  const at = [
    w.page !== undefined ? `第 ${w.page} 页` : '',
    w.line !== undefined ? `第 ${w.line} 行` : '',
  ].join('');
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ');
  if (w.table) {
    const printed = tablesInOrder(doc).findIndex((t) => t.key === w.table);
    return {
      rank: printed >= 0 ? printed : 100 + budgetTableKeys.indexOf(w.table),
      group: doc.tables[w.table]?.title || tableNames[w.table],
      place: join(
        at,
        w.row !== undefined ? `「${rowLabel(doc, w.table, w.row)}」行` : undefined,
        w.column !== undefined ? `「${w.column}」列` : undefined,
        w.project,
      ),
    };
  }
  if (w.project) {
    const project = doc.projects.find((p) => p.code === w.project);
    return {
      rank: 2000,
      group: '项目绩效目标表',
      place: join(at, `项目 ${w.project}${project ? ` ${project.name}` : ''}`, w.column),
    };
  }
  if (w.section) {
    const index = doc.sections.findIndex((s) => s.heading === w.section);
    // The heading keeps its own number (二、…), which locates it in the document; the group has the letter's.
    return {
      rank: 1000 + (index >= 0 ? index : 500),
      group: `情况说明（${w.section}）`,
      place: join(at, w.column),
    };
  }
  return { rank: 3000, group: '其他', place: join(at, w.column) };
}

export function opinionLetter(
  source: OpinionSource,
  signature: { reviewer: string | null; at: Date },
): OpinionLetter {
  const { summary, document: doc } = source;
  const department = summary.department || doc.department.name || '（未识别部门）';
  const kind = summary.kind as Document['kind'];
  const kindName = kindNames[kind] ?? summary.kind;
  const year = summary.year ?? doc.year ?? null;
  const yearText = year !== null ? `${year}年` : '';
  const groups = new Map<string, { rank: number; items: OpinionItem[] }>();
  for (const f of source.findings) {
    if (f.review.status !== 'confirmed') continue;
    const placed = placeOf(doc, f);
    const meta = metaById.get(f.rule);
    const item: OpinionItem = {
      key: f.key,
      rule: {
        id: f.rule,
        title: meta?.title ?? f.rule,
        description: meta?.description ?? '',
        reason: meta?.reason ?? '',
      },
      severity: f.severity,
      place: placed.place,
      message: f.message,
    };
    if (f.expected !== undefined) item.expected = String(f.expected);
    if (f.actual !== undefined) item.actual = String(f.actual);
    let group = groups.get(placed.group);
    if (!group) {
      group = { rank: placed.rank, items: [] };
      groups.set(placed.group, group);
    }
    // A group's place in the letter is that of its first-printed finding.
    group.rank = Math.min(group.rank, placed.rank);
    group.items.push(item);
  }
  const ordered = [...groups]
    .sort(([, a], [, b]) => a.rank - b.rank)
    .map(([title, g], i) => ({ number: `${chineseNumeral(i + 1)}、`, title, items: g.items }));
  const count = ordered.reduce((n, g) => n + g.items.length, 0);
  const submitted = `你单位报送的${yearText}${kindName}公开文本（第 ${summary.version} 版，文件"${summary.fileName}"）已收悉。`;
  const paragraphs =
    count > 0
      ? [`${submitted}经审核，发现以下 ${count} 个问题，请逐项核实整改，并将修改后的文本重新报送。`]
      : [`${submitted}经审核，未发现需要整改的问题。`];
  return {
    title: `关于${department}${yearText}${kindName}的审核意见`,
    addressee: `${department}：`,
    department,
    year,
    kind: summary.kind,
    kindName,
    version: summary.version,
    fileName: summary.fileName,
    paragraphs,
    groups: ordered,
    count,
    note: source.review.note,
    closing: count > 0 ? '特此函告。' : '特此告知。',
    reviewer: signature.reviewer,
    date: chineseDate(signature.at),
  };
}

/**
 * 应为 38.2，实为 38.19 — the figures of an item, for the letter to print when its message does not already
 * state them (the amount comparisons say 应为 …万元，实为 …万元 themselves; a year or a code length does not).
 */
export function figuresText(item: OpinionItem): string {
  if (/应为.*实为/.test(item.message)) return '';
  const parts = [
    item.expected !== undefined ? `应为 ${item.expected}` : '',
    item.actual !== undefined ? `实为 ${item.actual}` : '',
  ].filter(Boolean);
  return parts.join('，');
}

/** The file name of the letter: <部门><年度>年<种类>审核意见书（第N版）.<ext> */
export function opinionFileName(letter: OpinionLetter, extension: string): string {
  const year = letter.year !== null ? `${letter.year}年` : '';
  return `${letter.department}${year}${letter.kindName}审核意见书（第${letter.version}版）.${extension}`;
}
