// The 附图 appendix of the rendered disclosure: a treemap of 一般公共预算财政拨款支出 by 类 and 款, and
// a bar chart of "三公"经费 and its parts against the prior year. ECharts draws them server-side as SVG
// strings, so the HTML stays one self-contained, printable file without scripts. Amounts stay the
// printed decimals: numbers are taken only for the geometry, and every label shows the printed text.
import * as echarts from 'echarts';
import { big } from '../model/decimal.ts';
import type { BudgetTable, Decimal, Document, MoneyUnit } from '../model/document.ts';
import {
  type ThreePublicPartName,
  threePublicLayout,
  threePublicPartNames,
  threePublicParts,
  threePublicTerms,
} from '../model/three-public.ts';
import { escapeHtml } from '../report/html.ts';

/** The CJK font the PDF embeds (fonts-wqy-microhei); named in every SVG text style. */
const fontFamily = 'WenQuanYi Micro Hei';
/** A4 landscape's printable width at 96 px per inch is about 1017 px. */
const chartWidth = 1000;
const chartHeight = 560;
/** Muted colours that stay distinct when printed in greyscale. */
const palette = [
  '#2f5597',
  '#c55a11',
  '#548235',
  '#7f6000',
  '#7030a0',
  '#1f7a8c',
  '#a5002a',
  '#5b5b5b',
  '#3a7d44',
  '#b07d2b',
  '#44546a',
  '#8e5572',
];
const thisYearColour = '#2f5597';
const priorYearColour = '#a6a6a6';

export interface ChartsOptions {
  /** The same department's prior-year document (`--previous`), for 三公 when its table has no 上年 column. */
  previous?: Document;
}

/** A 款 (5-digit code) or a 类 (3-digit code) with its 款, and the amount of the 合计 column as printed. */
export interface FunctionNode {
  code: string;
  name: string;
  amount: Decimal;
  children: FunctionNode[];
}

/**
 * The 类 of a functional-classification table with their 款, in table order; rows without a positive
 * 合计 are left out, as an area cannot show them.
 */
export function functionClasses(table: BudgetTable): FunctionNode[] {
  const classes: FunctionNode[] = [];
  for (const row of table.rows) {
    const amount = row.amounts[0]?.value;
    if (!row.code || amount === undefined || !big(amount).gt(0)) continue;
    const node: FunctionNode = { code: row.code, name: row.name, amount, children: [] };
    if (/^\d{3}$/.test(row.code)) classes.push(node);
    else if (/^\d{5}$/.test(row.code)) classes.find((c) => row.code!.startsWith(c.code))?.children.push(node);
  }
  return classes;
}

/** The parts of "三公"经费 as the chart lists them, with their axis labels. */
const chartParts: { part: ThreePublicPartName; label: string }[] = threePublicPartNames.map((part) => ({
  part,
  label: part === 'total' ? '“三公”经费合计' : threePublicTerms[part],
}));

/**
 * One year's 三公 figures, in the chart's order: the printed amount of each part; null when its cell is
 * printed empty (drawn as 0), undefined when the table does not print the part (no bar).
 */
export interface ThreePublicYear {
  year?: number;
  unit: MoneyUnit;
  amounts: (Decimal | null | undefined)[];
}

/** A column for the prior year: 上年… or the year before the document's year (2024年预算数). */
function priorColumnIndex(table: BudgetTable, year: number | undefined): number {
  return table.columns.findIndex(
    (c) => /上年/.test(c) || (year !== undefined && c.includes(`${year - 1}年`)),
  );
}

/** The 三公 table's figures in the given column (row layout) or its one line (Shanghai's column layout). */
function threePublicColumn(table: BudgetTable, column: number): (Decimal | null | undefined)[] {
  const parts = threePublicParts(table, column);
  return chartParts.map(({ part }) => parts[part]?.amount);
}

const isFigure = (a: Decimal | null | undefined) => a !== null && a !== undefined;

function threePublicTable(doc: Document): BudgetTable | undefined {
  return doc.tables['three-public'] ?? doc.tables['final-three-public'];
}

/**
 * This year's 三公 figures and the prior year's: from the table's 上年 column when it has one, else
 * from the prior-year document's own table; undefined when the document has no 三公 table.
 */
export function threePublicYears(
  doc: Document,
  previous?: Document,
): { current: ThreePublicYear; prior?: ThreePublicYear; priorFrom?: 'column' | 'previous' } | undefined {
  const table = threePublicTable(doc);
  if (!table) return undefined;
  const priorColumn = threePublicLayout(table) === 'columns' ? -1 : priorColumnIndex(table, doc.year);
  const currentColumn = priorColumn < 0 ? 0 : table.columns.findIndex((_, c) => c !== priorColumn);
  const current: ThreePublicYear = {
    unit: table.unit,
    amounts: threePublicColumn(table, currentColumn),
    ...(doc.year !== undefined ? { year: doc.year } : {}),
  };
  const yearBefore = doc.year !== undefined ? { year: doc.year - 1 } : {};
  if (priorColumn >= 0)
    return {
      current,
      prior: { unit: table.unit, amounts: threePublicColumn(table, priorColumn), ...yearBefore },
      priorFrom: 'column',
    };
  const before = previous && threePublicTable(previous);
  if (!previous || !before) return { current };
  const amounts = threePublicColumn(before, 0).map((a) => inUnit(a, before.unit, table.unit));
  if (!amounts.some(isFigure)) return { current };
  return {
    current,
    prior: {
      unit: table.unit,
      amounts,
      ...(previous.year !== undefined ? { year: previous.year } : yearBefore),
    },
    priorFrom: 'previous',
  };
}

/** An amount moved exactly between 元 and 万元. */
function inUnit(
  amount: Decimal | null | undefined,
  from: MoneyUnit,
  to: MoneyUnit,
): Decimal | null | undefined {
  if (amount === null || amount === undefined || from === to) return amount;
  return (to === '元' ? big(amount).times(10000) : big(amount).div(10000)).toFixed();
}

/** Draws one chart as an SVG string: server-side, no animation, then released. */
function svgOf(
  option: echarts.EChartsCoreOption,
  height = chartHeight,
  /** A second option, from the first layout (what fits where). */
  refine?: (chart: echarts.ECharts) => echarts.EChartsCoreOption,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chartWidth, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily }, ...option });
    if (refine) chart.setOption(refine(chart));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Share of a total as a percentage with one decimal, exact up to rounding. */
function share(part: Decimal, total: Decimal): string {
  return big(total).eq(0) ? '' : `${big(part).times(100).div(total).toFixed(1)}%`;
}

interface Labelled {
  data?: unknown;
  name?: string;
}
const printedOf = (p: Labelled) => (p.data as { printed?: string } | undefined)?.printed ?? '';

/**
 * The treemap: 类 as blocks labelled with name and amount, 款 inside them; a key beside it repeats
 * every 类 with its amount and share, as a small 类 has no room for its label in its block.
 */
interface Rect {
  width: number;
  height: number;
}

/**
 * The rectangles ECharts laid out for the first series' items, in data order (a tree's items are its
 * nodes depth first, the root first). Read from the chart's model, which ECharts does not type.
 */
function itemRects(chart: echarts.ECharts): (Rect | undefined)[] {
  type Model = {
    getModel(): {
      getSeriesByIndex(i: number): {
        getData(): { count(): number; getItemLayout(i: number): Rect | undefined };
      };
    };
  };
  const data = (chart as unknown as Model).getModel().getSeriesByIndex(0).getData();
  return Array.from({ length: data.count() }, (_, i) => data.getItemLayout(i));
}

/** Width of a label line: a CJK character takes the font size, digits and Latin about 0.6 of it. */
const textWidth = (text: string, fontSize: number) =>
  [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? fontSize : fontSize * 0.6), 0);

/** The labels that fit: an amount is shown whole or not at all, as a cut one would read as another number. */
function fittedLabels(node: FunctionNode, rect: Rect | undefined, parent: boolean) {
  const room = (rect?.width ?? 0) - 10;
  if (parent)
    return textWidth(`${node.name}　${node.amount}`, 12) <= room
      ? {}
      : { upperLabel: { formatter: node.name } };
  const height = rect?.height ?? 0;
  if (textWidth(node.amount, 11) <= room && height >= 2 * 11 * 1.3 + 6) return {};
  // A wide, low block: name and amount on one line.
  const oneLine = `${node.name}　${node.amount}`;
  if (textWidth(oneLine, 11) <= room && height >= 11 * 1.3 + 4) return { label: { formatter: oneLine } };
  return { label: { show: false } };
}

export function functionTreemapSvg(classes: FunctionNode[]): string {
  const total = classes.reduce((s, c) => s.plus(c.amount), big('0')).toFixed();
  const keyWidth = 330;
  const lineHeight = Math.min(24, (chartHeight - 20) / Math.max(classes.length, 1));
  const data = (rects?: (Rect | undefined)[]) => {
    // Items in the order of the layout: the root (0), then each 类 followed by its 款.
    let at = 1;
    const fitted = (node: FunctionNode, parent: boolean) =>
      rects ? fittedLabels(node, rects[at++], parent) : {};
    return classes.map((c, i) => ({
      name: c.name,
      value: Number(c.amount),
      printed: c.amount,
      // The border carries the 类's label (upperLabel), so it takes the 类's colour too.
      itemStyle: { color: palette[i % palette.length], borderColor: palette[i % palette.length] },
      ...fitted(c, c.children.length > 0),
      children: c.children.map((k) => ({
        name: k.name,
        value: Number(k.amount),
        printed: k.amount,
        ...fitted(k, false),
      })),
    }));
  };
  const key = classes.flatMap((c, i) => {
    const y = 10 + i * lineHeight;
    const x = chartWidth - keyWidth + 10;
    return [
      {
        type: 'rect',
        shape: { x, y: y + 3, width: 12, height: 12 },
        style: { fill: palette[i % palette.length] },
      },
      {
        type: 'text',
        x: x + 18,
        y: y + 2,
        style: {
          text: `${c.name}　${c.amount}（${share(c.amount, total)}）`,
          font: `${Math.min(13, lineHeight - 4)}px "${fontFamily}"`,
          fill: '#000',
        },
      },
    ];
  });
  return svgOf(
    {
      graphic: key,
      series: [
        {
          type: 'treemap',
          left: 0,
          top: 0,
          width: chartWidth - keyWidth - 10,
          height: chartHeight,
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          data: data(),
          label: {
            show: true,
            formatter: (p: Labelled) => `${p.name}\n${printedOf(p)}`,
            color: '#fff',
            fontSize: 11,
          },
          upperLabel: {
            show: true,
            height: 22,
            formatter: (p: Labelled) => `${p.name}　${printedOf(p)}`,
            color: '#fff',
            fontSize: 12,
          },
          levels: [
            { itemStyle: { borderWidth: 0, gapWidth: 3 }, upperLabel: { show: false } },
            { itemStyle: { borderWidth: 2, gapWidth: 1 } },
            { itemStyle: { borderColor: '#fff', borderWidth: 1, gapWidth: 1 } },
          ],
        },
      ],
    },
    chartHeight,
    (chart) => ({ series: [{ data: data(itemRects(chart)) }] }),
  );
}

/** The bar chart: each part of 三公 this year, beside the prior year when known. */
export function threePublicBarSvg(current: ThreePublicYear, prior?: ThreePublicYear): string {
  const yearName = (y: ThreePublicYear, fallback: string) =>
    y.year !== undefined ? `${y.year}年` : fallback;
  const series = (y: ThreePublicYear, name: string, color: string) => ({
    type: 'bar',
    name,
    barMaxWidth: 48,
    itemStyle: { color },
    label: { show: true, position: 'top', formatter: printedOf, fontSize: 12, color: '#000' },
    // A part the table does not print has no bar ('-' is ECharts' empty value); an empty cell is 0.
    data: y.amounts.map((a) => (a === undefined ? '-' : { value: Number(a ?? '0'), printed: a ?? '0' })),
  });
  const all = [series(current, yearName(current, '本年'), thisYearColour)];
  if (prior) all.push(series(prior, yearName(prior, '上年'), priorYearColour));
  return svgOf(
    {
      legend: { top: 0, textStyle: { fontFamily, fontSize: 13 } },
      grid: { left: 70, right: 20, top: 50, bottom: 40 },
      xAxis: {
        type: 'category',
        data: chartParts.map((p) => p.label),
        axisLabel: { interval: 0, fontSize: 12, color: '#000' },
      },
      yAxis: { type: 'value', axisLabel: { color: '#000' } },
      series: all,
    },
    420,
  );
}

const figure = (caption: string, body: string, notes: string[] = []) =>
  `<figure><figcaption>${escapeHtml(caption)}</figcaption>${body}${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}</figure>`;

/** The 附图 section: both charts, or a note where the document lacks the table a chart is drawn from. */
export function chartsAppendix(doc: Document, options: ChartsOptions = {}): string {
  const year = doc.year !== undefined ? `${doc.year}年` : '';
  const expenditure = doc.tables['general-expenditure'] ?? doc.tables['final-general-expenditure'];
  const classes = expenditure ? functionClasses(expenditure) : [];
  const treemap =
    expenditure && classes.length > 0
      ? figure(
          `图1　${year}一般公共预算财政拨款支出功能分类构成（类、款）　单位：${expenditure.unit}`,
          functionTreemapSvg(classes),
        )
      : figure('图1　一般公共预算财政拨款支出功能分类构成', '', [
          expenditure
            ? '注：一般公共预算财政拨款支出表没有大于零的类级金额，不作图。'
            : '注：本文件没有一般公共预算财政拨款支出表，不作图。',
        ]);
  const three = threePublicYears(doc, options.previous);
  const bars = !three
    ? figure('图2　财政拨款“三公”经费', '', ['注：本文件没有财政拨款“三公”经费支出表，不作图。'])
    : !three.current.amounts.some(isFigure)
      ? figure('图2　财政拨款“三公”经费', '', ['注：未能在“三公”经费表中识别出各项金额，不作图。'])
      : figure(
          `图2　${year}财政拨款“三公”经费${three.prior ? '与上年对比' : ''}　单位：${three.current.unit}`,
          threePublicBarSvg(three.current, three.prior),
          threePublicNotes(doc, three, options.previous),
        );
  return `<section class="charts"><h2>附图</h2>\n${treemap}\n${bars}</section>`;
}

function threePublicNotes(
  doc: Document,
  three: NonNullable<ReturnType<typeof threePublicYears>>,
  previous: Document | undefined,
): string[] {
  const missing = chartParts.filter((_, i) => three.current.amounts[i] === undefined).map((p) => p.label);
  const unprinted = missing.length > 0 ? [`注：本年表中未列示${missing.join('、')}，图中不作其柱。`] : [];
  return [...unprinted, ...yearNotes(doc, three, previous)];
}

function yearNotes(
  doc: Document,
  three: NonNullable<ReturnType<typeof threePublicYears>>,
  previous: Document | undefined,
): string[] {
  if (!three.prior)
    return [
      previous
        ? '注：表中没有上年数，上年公开文件中也没有可读的“三公”经费数，图中仅列本年数。'
        : '注：表中没有上年数，也未提供上年公开文件（--previous），图中仅列本年数。',
    ];
  if (three.priorFrom === 'column') return ['注：上年数取自本表的上年列。'];
  const notes = [
    `注：上年数取自上年公开文件${previous?.year !== undefined ? `（${previous.year}年）` : ''}。`,
  ];
  const before = previous && threePublicTable(previous);
  if (before && before.unit !== three.current.unit)
    notes.push(`注：上年文件以${before.unit}为单位，图中已换算为${three.current.unit}。`);
  if (previous?.year !== undefined && doc.year !== undefined && previous.year !== doc.year - 1)
    notes.push(`注：上年文件的年度为${previous.year}年，不是${doc.year - 1}年。`);
  if (previous && previous.department.name !== doc.department.name)
    notes.push(`注：上年文件的部门为“${previous.department.name}”，与本文件不同。`);
  return notes;
}
