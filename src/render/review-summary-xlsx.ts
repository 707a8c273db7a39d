// The region's review summary as a workbook: one row per department's (or unit's) current document with
// its review state, its findings by status and by severity, and the date of each step. Every cell is a
// string or a number — never a formula, whatever a department's name says — and dates are written as text
// in Beijing time so that they read the same on any machine.
import ExcelJS from 'exceljs';
import { kindNames } from '../report/findings.ts';
import type { SummaryRow } from '../store/review-report.ts';
import { findingStatuses, findingStatusNames, reviewStateNames } from '../store/reviews.ts';

/** 2025-06-01 14:03, Beijing time; empty when the step has not been taken. */
export function summaryTime(at: Date | null): string {
  if (!at) return '';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

export const summaryHeadings = [
  '部门',
  '编码',
  '年度',
  '种类',
  '版本',
  '状态',
  ...findingStatuses.map((s) => findingStatusNames[s]),
  '错误',
  '警告',
  '提示',
  '首次上传',
  '本版上传',
  '开始审核',
  '最近退回',
  '通过',
  '公开评分',
  '失分项',
];

export function summaryCells(row: SummaryRow): (string | number)[] {
  return [
    row.department,
    row.code ?? '',
    row.year ?? '',
    kindNames[row.kind as keyof typeof kindNames] ?? row.kind,
    row.version,
    reviewStateNames[row.state] ?? row.state,
    ...findingStatuses.map((s) => row.statuses[s]),
    row.severities.error,
    row.severities.warning,
    row.severities.info,
    summaryTime(row.firstUploaded),
    summaryTime(row.uploaded),
    summaryTime(row.reviewStarted),
    summaryTime(row.returned),
    summaryTime(row.approved),
    row.score?.total ?? '',
    row.score?.lost.join('；') ?? '',
  ];
}

export async function renderReviewSummaryXlsx(
  rows: SummaryRow[],
  filter: { year?: number; kind?: string } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('审核汇总');
  const scope = [
    filter.year !== undefined ? `${filter.year}年` : '',
    filter.kind ? (kindNames[filter.kind as keyof typeof kindNames] ?? filter.kind) : '',
  ].join('');
  sheet.addRow([`审核情况汇总${scope ? `（${scope}）` : ''}`]).font = { bold: true, size: 14 };
  sheet.addRow([`共 ${rows.length} 份文档（各部门、单位每种文档的最新版本）；时间为北京时间`]);
  sheet.addRow(summaryHeadings).font = { bold: true };
  for (const row of rows) sheet.addRow(summaryCells(row));
  sheet.columns.forEach((col, i) => {
    const dates = summaryHeadings.indexOf('首次上传');
    col.width = i === 0 || i === summaryHeadings.length - 1 ? 36 : i >= dates && i < dates + 5 ? 18 : 9;
  });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
