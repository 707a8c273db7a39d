// From a Layout to a Document: finds the tables, project tables and prose, and the header facts.

import {
  type Document,
  type DocumentKind,
  type MoneyUnit,
  type Project,
  type RecognitionProblem,
  tableNames,
} from '../model/document.ts';
import { withRowRoles } from '../model/roles.ts';
import type { Layout, LayoutLine } from '../read/layout.ts';
import { readStatedBalances } from './balances.ts';
import { matchTableTitle, matchWrappedTitle } from './catalogue.ts';
import { readStatedChanges, readStatedRateWords } from './changes.ts';
import { readStatedClassItems } from './class-items.ts';
import { readStatedCompletions } from './completion.ts';
import { confidenceOf } from './confidence.ts';
import { readStatedCounts, readStatedDates } from './counts.ts';
import { readComparedFigures, readStatedDeltas } from './deltas.ts';
import { readFlattened, splitTitledRuns } from './flattened.ts';
import { identityConflicts } from './identity.ts';
import { readStatedLists } from './lists.ts';
import {
  isTopHeading,
  readOrgUnits,
  readPerformance,
  readSections,
  readStated,
  type SectionLines,
} from './narrative.ts';
import { readPositionedTable, workbookAsPositions } from './positioned.ts';
import { opensProject, projectTitle, readProject } from './projects.ts';
import { opensRowProjects, readRowProjects } from './row-projects.ts';
import { boxesAsDisplayed } from './scan-boxes.ts';
import { opensScoredProject, readScoredProject } from './scored-project.ts';
import { inSimplifiedScript } from './script.ts';
import { readTable, sourceOf, type TableHeader } from './tables.ts';
import { compact, type Line, toLine } from './text.ts';
import { untitledSpecAt } from './untitled.ts';

const isTableTitle = (line: LayoutLine, next: LayoutLine | undefined) =>
  !line.cells && wrappedTitleOf(line, next) !== undefined;

/** A positioned line's title, also when wrapped onto the next line of the same page (PDF layouts only). */
function wrappedTitleOf(line: LayoutLine, next: LayoutLine | undefined) {
  const wrapped = line.boxes !== undefined && next && !next.cells && next.page === line.page;
  return matchWrappedTitle(compact(line.text), wrapped ? compact(next.text) : undefined);
}

export function recognise(read: Layout): Document {
  const layout = read.style === 'xlsx' ? { ...read, lines: workbookAsPositions(read.lines) } : read;
  // A page in traditional characters, or glossed with pinyin by a mirror, read as simplified text.
  const given = inSimplifiedScript(layout.lines).map(toLine);
  // Text without positions may run a table's title into its cells (a web page flattened into text).
  const positioned = layout.style === 'pdf' || layout.style === 'xlsx' || layout.style === 'aligned';
  const lines = positioned ? given : splitTitledRuns(given);
  const problems: RecognitionProblem[] = [];
  const doc: Document = {
    kind: 'budget',
    department: { name: '' },
    unit: '万元',
    units: [],
    tables: {},
    sections: [],
    statedAmounts: [],
    statedShares: [],
    statedChanges: [],
    projects: [],
    problems,
    placeholders: findPlaceholders(lines),
    yearsSeen: [],
  };
  const headers: TableHeader[] = [];
  const prose: Line[] = [];
  const unit = documentUnit(lines);
  doc.unit = unit;

  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const titled = line.cells ? undefined : wrappedTitleOf(line.layout, lines[i + 1]?.layout);
    // A table without its title: its unit line stands for the title, and the kind comes from its rows.
    const untitled = titled || line.layout.boxes ? undefined : untitledSpecAt(lines, i);
    const spec = titled?.spec ?? untitled;
    // A title followed by another title is an entry of a table of contents (目录, with or without dot
    // leaders and page numbers), not an empty table: the table itself comes later, or not at all.
    if (titled && listedInContents(lines, i + titled.lines - 1)) {
      prose.push(line);
      i++;
      continue;
    }
    // A table read before without a row (the last entry of a table of contents, a title repeated above
    // the table) gives way to the same table read again with rows.
    const before = spec && doc.tables[spec.key];
    if (spec && (!before || before.rows.length === 0)) {
      // A wrapped title is read from its last line, and keeps its whole text and its first line's place.
      const last = i + ((titled?.lines ?? 1) - 1);
      // A table copied from a web page, its cells one per line or in one run, is read as rows first.
      const flat = line.layout.boxes ? undefined : readFlattened(lines, i, spec);
      const read = line.layout.boxes
        ? readPositionedTable(layout.lines, last, spec, unit, isTableTitle, {
            cellBoxes: layout.style === 'pdf',
            pageGrids: layout.style === 'aligned',
          })
        : flat
          ? { ...readTable(flat.lines, 0, flat.spec, unit), next: flat.end }
          : readTable(lines, i, spec, unit);
      const { table, header, next } = read;
      table.confidence = confidenceOf(table, flat?.spec ?? spec, {
        header: header !== null,
        flattened: flat !== undefined,
        overfull: (read as { overfull?: number }).overfull ?? 0,
        placed: (read as { placed?: number }).placed ?? 0,
        printedColumns: line.layout.boxes !== undefined || (flat !== undefined && flat.spec !== spec),
        ...(line.layout.boxes || flat
          ? {}
          : { headerText: headerTextOf(lines, i, table.rows[0]?.source.line) }),
      });
      // Only a header before the end of the input: a table cut short (a page stored or copied in part), not empty.
      if (table.rows.length === 0 && next >= lines.length && table.confidence)
        table.confidence = {
          level: 'low',
          reasons: [...table.confidence.reasons, '表格在文件末尾中断，只读到表头'],
        };
      if (untitled) {
        table.title = `${tableNames[untitled.key]}（未印表名）`;
        table.confidence = {
          level: table.confidence?.level === 'high' ? 'medium' : (table.confidence?.level ?? 'medium'),
          reasons: ['未印表名，按单位行与行名识别', ...(table.confidence?.reasons.slice(1) ?? [])],
        };
      }
      if (last > i) {
        table.title = line.compact + lines[last]!.compact;
        table.source = sourceOf(line.layout);
      }
      if (!before || table.rows.length > 0) doc.tables[spec.key] = table;
      if (header) headers.push(header);
      i = Math.max(next, i + 1);
      continue;
    }
    if (opensRowProjects(line)) {
      const { projects, next, cut } = readRowProjects(lines, i, unit, isProjectEnd);
      doc.projects.push(...projects);
      if (cut)
        problems.push({
          code: 'project-cut',
          message: `项目“${cut.name}”的绩效目标表在文件末尾中断，其指标分值未能读全，未核对分值之和`,
          source: cut.source,
        });
      i = Math.max(next, i + 1);
      continue;
    }
    if (opensScoredProject(lines, i)) {
      const { project, next } = readScoredProject(lines, i, unit, isProjectEnd);
      doc.projects.push(project);
      i = next;
      continue;
    }
    if (opensProject(line)) {
      // Title and unit lines just above the 项目编码 row belong to the project.
      let titleAt = -1;
      for (let k = prose.length - 1; k >= Math.max(0, prose.length - 5); k--) {
        const c = prose[k]!.compact;
        if (projectTitle.test(c) || c === '表') {
          titleAt = k;
          if (c === '表' && k > 0) titleAt = k - 1;
          break;
        }
      }
      const heading = titleAt >= 0 ? prose.splice(titleAt) : [];
      const { project, next } = readProject(lines, i, heading, unit, isProjectEnd);
      doc.projects.push(project);
      i = next;
      continue;
    }
    prose.push(line);
    i++;
  }

  doc.kind = documentKind(doc, lines);
  const titles = pageTitles(prose, layout);
  // A document in parts (第一部分 部门概况 … 第四部分 名词解释), as final accounts and many budgets are.
  const parts = doc.kind === 'final' || partsOf(prose) >= 3;
  const headed = readSections(prose, { pageTitles: titles, parts });
  // A fragment with no heading at all (a page from the middle of a 情况说明) is one section, read whole.
  const sections = headed.length > 0 ? headed : fragmentSection(prose);
  doc.sections = sections.map((s) => s.section);
  // Under page titles, amounts are read in the 编制说明 part and in the numbered parts (一、…三公…,
  // 二、机关运行经费…) of the others. A final account's are its 决算数, beside 年初预算数 and shares.
  const stated = readStated(
    titles && doc.kind !== 'final'
      ? [...sections.filter((s) => /编制说明/.test(s.section.heading)), ...readSections(prose)]
      : sections,
    { final: doc.kind === 'final' },
  );
  doc.statedAmounts = stated.amounts;
  doc.statedShares = stated.shares;
  doc.statedChanges = readStatedChanges(doc.sections);
  doc.statedRateWords = readStatedRateWords(doc.sections);
  doc.statedDeltas = readStatedDeltas(doc.sections);
  doc.comparedFigures = readComparedFigures(doc.sections);
  doc.statedLists = readStatedLists(doc.sections);
  doc.statedBalances = readStatedBalances(doc.sections);
  doc.statedCounts = readStatedCounts(doc.sections);
  doc.statedDates = readStatedDates(lines);
  if (doc.kind === 'final') doc.statedCompletions = readStatedCompletions(doc.sections);
  doc.statedClassItems = readStatedClassItems(doc.sections);
  const org = readOrgUnits(prose);
  doc.units = org.units;
  // Where the units table stands in its section's text, for the renderers to print it as a table.
  for (const s of sections) {
    const line = org.header && org.units.length > 0 ? s.lines.indexOf(org.header) : -1;
    if (line >= 0) s.section.unitsTable = { line, rows: org.units.length };
  }
  const performance = readPerformance(prose, new Set(sections.map((s) => s.headingLine)));
  if (performance) doc.performance = performance;

  setDepartmentAndYear(doc, headers, lines);
  // Years the text gives its own 预算/决算 as it sets them against the year before (…决算同比下降的原因): after
  // the year is decided, so that a slip here is reported, not taken for the document's year.
  for (const l of lines) {
    if (!l.compact.includes('同比')) continue;
    for (const m of l.compact.matchAll(comparedOwnYear))
      doc.yearsSeen.push({ year: Number(m[1]), source: { line: l.no }, context: '同比增减的说明' });
  }
  const header = headers.find((x) => x.department)?.department;
  problems.push(
    ...identityConflicts(
      doc,
      lines
        .slice(0, 40)
        .map((l) => l.compact)
        .join(''),
      { ...(header ? { header } : {}), ...titleDepartment(lines.slice(0, 400)) },
    ),
  );
  if (Object.keys(doc.tables).length === 0 && doc.projects.length === 0 && !doc.performance) {
    problems.push({
      code: 'no-content',
      message: '未识别到任何预算表格、绩效目标表或绩效文本，请确认文件是部门预算或决算公开文本',
    });
  }
  for (const p of doc.projects) checkProjectShape(p, problems);
  // Pages with no text layer, read by OCR: the document is not published as searchable text there.
  if (layout.ocrPages?.length) {
    doc.scannedPages = layout.ocrPages.map((p) => p.page);
    // Laid out straightened; drawn on the scan as it is.
    boxesAsDisplayed(doc, layout);
  }
  return withRowRoles(doc);
}

// XX standing alone (not inside a code such as 13022525P00HHXX…), ××, 待填写, （填写…）.
const placeholder = /(?<![A-Za-z0-9])[Xx]{2,}(?![A-Za-z0-9])|[×＊*]{2,}|待填写|[（(]填写[^）)]*[）)]/;

/** A character every placeholder has: testing for it first is cheaper than the pattern on every line. */
const placeholderMark = /[Xx×＊*填]/;

/**
 * A figure the template asks for left out: the words that introduce a share or a change, then its unit
 * with no number between (占 %，比上年减少 万元), or a share's whole named with no number after it
 * (占基本支出预算%). Not 单位为万元, nor a header's 增长（%）.
 */
const blankFigure =
  /(?<!单位)(?:占|增加|减少|增长|下降|降低|持平|为)[ \t\u3000]*(?:万元|[%％])|占[\u4e00-\u9fff“”"]{2,14}?的?[ \t\u3000]*[%％]/;
const blankFigureMark = /[%％万]/;

/**
 * A template's alternatives left unchosen: 增加(减少), 增长（下降）, 增加/减少, 大于(小于) — both directions printed
 * where the author was to keep one.
 */
const unchosen =
  /(?:增加|增长|上升|减少|下降|降低|大于|小于|高于|低于)(?:[(（](?:增加|增长|上升|减少|下降|降低|大于|小于|高于|低于)[)）]|[/／](?:增加|增长|上升|减少|下降|降低|大于|小于|高于|低于))/;
const opposite = (a: string, b: string) => /增|上升|大于|高于/.test(a) !== /增|上升|大于|高于/.test(b);

function findPlaceholders(lines: LayoutLine[]): Document['placeholders'] {
  const out: Document['placeholders'] = [];
  for (const line of lines) {
    const m = placeholderMark.test(line.text) ? placeholder.exec(line.text) : null;
    // In a sentence only: a table's header cell may print 增长% as its column's name.
    const blank =
      m || !blankFigureMark.test(line.text) || !/[，,；;。]/.test(line.text)
        ? null
        : blankFigure.exec(line.text);
    const alternatives = m || blank || !/[(（/／]/.test(line.text) ? null : unchosen.exec(line.text);
    const words = alternatives?.[0].match(/增加|增长|上升|减少|下降|降低|大于|小于|高于|低于/g);
    const chosen = alternatives && words && opposite(words[0]!, words[1]!) ? alternatives : null;
    const found = m ?? blank ?? chosen;
    if (found) out.push({ text: found[0], source: sourceOf(line) });
  }
  return out;
}

/**
 * In a PDF whose parts each start on a new page under a centred title (上海市…主要职能, 名词解释,
 * 2025年部门预算编制说明 …), those titles are the sections. Not the cover (page 1) nor the 目录.
 */
function pageTitles(prose: Line[], layout: Layout): Set<Line> | undefined {
  if (!layout.pages) return undefined;
  const titles = new Set<Line>();
  let page: number | undefined;
  for (const line of prose) {
    const first = line.page !== page;
    page = line.page;
    const box = line.layout.boxes?.[0];
    const size = line.page ? layout.pages[line.page - 1] : undefined;
    if (!first || !box || !size || line.cells || line.page === 1) continue;
    const centred = Math.abs(box.x + box.width / 2 - size.width / 2) < size.width * 0.08;
    const c = line.compact;
    if (
      centred &&
      c.length <= 30 &&
      !/[，。；：、]/.test(c) &&
      !/^目录$/.test(c) &&
      !/^[一二三四五六七八九十]+、/.test(c)
    )
      titles.add(line);
  }
  return titles.size >= 3 ? titles : undefined;
}

/** The prose of a document without headings, as one section without a heading, when it states amounts. */
/** The text between a table's title and its first row: the header as printed. */
function headerTextOf(lines: Line[], title: number, firstRow: number | undefined): string {
  let text = '';
  for (let k = title + 1; k < lines.length && k <= title + 12 && lines[k]!.no !== firstRow; k++)
    text += lines[k]!.compact;
  return text;
}

function fragmentSection(prose: Line[]): SectionLines[] {
  const lines = prose.filter((l) => l.compact !== '');
  if (!lines.some((l) => /\d\s*万?\s*元/.test(l.text))) return [];
  const text = lines.map((l) => (l.cells ? l.cells.join('\t') : l.text)).join('\n');
  return [
    {
      section: { heading: '', text, source: sourceOf(lines[0]!.layout) },
      headingLine: lines[0]!,
      lines,
      fragment: true,
    },
  ];
}

function isProjectEnd(line: Line): boolean {
  if (line.cells) return false;
  const c = line.compact;
  return (
    matchTableTitle(c) !== undefined ||
    /^第[一二三四五六七八九十]+部分/.test(c) ||
    isTopHeading(line) ||
    (projectTitle.test(c) && !/^绩效目标/.test(c))
  );
}

function documentUnit(lines: LayoutLine[]): MoneyUnit {
  for (const l of lines) {
    const m = /单位[：:]\s*(万元|元)/.exec(l.cells ? l.cells.join(' ') : l.text);
    if (m) return m[1] as MoneyUnit;
  }
  return '万元';
}

/**
 * Whether a page's text is a final account by its words: it says 决算 — not as 预决算 (a regulation's name,
 * 预决算公开操作规程), nor only of a year before the budget it states (2022年“三公”经费预算 beside 2021年…决算情况).
 */
function statesAnAccount(head: string): boolean {
  // Another report's title quoted (审议批准《关于2023年预算执行情况和2024年预算草案的报告》) names its years, not this one's.
  const text = head.replace(/预决算/g, '').replace(/《[^》]{0,60}》/g, '');
  if (!/决算/.test(text)) return false;
  const yearsOf = (word: string) =>
    [...text.matchAll(new RegExp(`(\\d{4})年度?[^。，,；;\\d]{0,16}?${word}`, 'g'))].map((m) => Number(m[1]));
  const budgets = yearsOf('(?<!决)预算');
  const accounts = yearsOf('决算');
  return !(budgets.length > 0 && accounts.length > 0 && Math.max(...budgets) > Math.max(...accounts));
}

const actualAgainstBudget =
  /比年初预算(?:增加|减少|持平|增长|下降)|和年初预算持平|[高低]于(?:年初)?预算数?|支出与年初预算对比|支出\d+(?:\.\d+)?万?元[，,]年初预算[为是]/;

/** What a performance text prints: its tables' words. */
const performanceWords = /绩效目标(?:申报|审批)?表|绩效自评|一级指标|指标值|绩效指标/;
/** The sections of a budget's 情况说明 besides its tables. */
const budgetSections = [
  /机关运行经费/,
  /政府采购/,
  /国有资产/,
  /三公/,
  /名词解释/,
  /政府性基金预算/,
  /基本支出/,
];
const budgetTitle = /\d{4}年度?(?:部门|单位)?预算(?:信息)?(?:公开)?(?:说明|情况说明)?$/;

function documentKind(doc: Document, lines: Line[]): DocumentKind {
  const head = lines
    .slice(0, 40)
    .map((l) => l.compact)
    .join('');
  const budgetTables = Object.keys(doc.tables).filter((k) => k !== 'procurement' && k !== 'assets');
  // The tables' titles say 预算 or 决算; the cover and 名词解释 may mention both words.
  const titles = Object.values(doc.tables).map((t) => t.title);
  if (titles.some((t) => /决算/.test(t))) return 'final';
  if (titles.length === 0 && statesAnAccount(head) && !/预算收支总表/.test(head)) return 'final';
  // Spending set against the year's budget (比年初预算增加…, 低于预算数) is an account of the year, even on a
  // page that never says 决算 (a prefecture's 三公 statement) — unless its title says 预算.
  if (titles.length === 0 && actualAgainstBudget.test(head) && !/\d{4}年度?(?:部门|单位)?预算/.test(head))
    return 'final';
  if (budgetTables.length > 0) return 'budget';
  // 绩效工资 (performance pay, an item of 工资福利支出) says nothing of performance targets.
  if (doc.projects.length > 0 || doc.performance) return 'performance';
  // A budget's title (X2022年部门预算) decides over 绩效 in its contents (《部门(单位)整体绩效目标表》).
  if (lines.slice(0, 10).some((l) => budgetTitle.test(l.compact))) return 'budget';
  // 绩效 mentioned in a budget's own sections (（四）预算绩效情况 beside 机关运行经费, 政府采购…) is no performance text.
  if (
    /绩效(?!工资)/.test(head) &&
    (performanceWords.test(head) || budgetSections.filter((re) => re.test(head)).length < 2)
  )
    return 'performance';
  return 'budget';
}

function setDepartmentAndYear(doc: Document, headers: TableHeader[], lines: Line[]): void {
  const h = headers.find((x) => x.department);
  if (h?.department) {
    doc.department.name = h.department;
    if (h.departmentCode) doc.department.code = h.departmentCode.slice(0, 3);
    if (h.departmentCode && h.departmentCode.length >= 6) doc.department.unitCode = h.departmentCode;
  } else {
    const p = doc.projects.find((x) => x.unitName && x.unitCode);
    if (p) {
      doc.department.name = p.unitName!.replace(/本级$/, '');
      doc.department.code = p.unitCode!.slice(0, 3);
    } else {
      const name = departmentNamed(lines.slice(0, 400));
      if (name) doc.department.name = name;
    }
  }
  for (const x of headers)
    if (x.year) doc.yearsSeen.push({ year: x.year, source: x.source, context: '表头预算年度' });
  for (const l of lines) {
    // A test starting with a literal first: the pattern starts with \d, which the regex engine cannot
    // skip to quickly, and most lines with 部门 in them have no 部门预算 or 部门决算.
    const m = yearHint.test(l.text) ? /(\d{4})\s*年(?:度)?部门(?:预算|决算)/.exec(l.text) : null;
    if (m)
      doc.yearsSeen.push({
        year: Number(m[1]),
        source: { line: l.no },
        context: l.compact.slice(0, 40),
      });
  }
  // Else the year a table's title starts with (2016年市国资委财政拨款“三公”经费预算表).
  const titled = Object.values(doc.tables)
    .map((t) => /^(?:\d+[、.．]|[一二三四五六七八九十]+、)?(\d{4})年/.exec(t!.title)?.[1])
    .find(Boolean);
  const declared =
    (doc.kind === 'budget' ? draftYear(lines.slice(0, 12)) : undefined) ??
    headers.find((x) => x.year)?.year ??
    doc.yearsSeen[0]?.year ??
    (titled ? Number(titled) : undefined) ??
    statedYear(lines) ??
    (doc.projects.some((p) => /^\d{8}/.test(p.code)) ? undefined : mostNamedYear(lines));
  if (declared) {
    doc.year = declared;
    return;
  }
  // Performance texts may print no year: the project codes carry it (characters 7–8).
  const counts = new Map<number, number>();
  for (const p of doc.projects) {
    const y = /^\d{6}(\d{2})/.exec(p.code);
    if (y) counts.set(2000 + Number(y[1]), (counts.get(2000 + Number(y[1])) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) doc.year = best[0];
}

const yearHint = /部门[预决]算/;

/**
 * A government's report on one year's budget execution and the next year's draft (关于2022年预算执行情况和2023年
 * 预算草案的报告), as its title names them: the draft's year is the budget's.
 */
function draftYear(lines: Line[]): number | undefined {
  for (const l of lines) {
    const m =
      /\d{4}年(?:度)?[^。；]{0,16}?预算执行情况(?:和|及|与|暨)[^。；\d]{0,8}?(\d{4})年(?:度)?[^。；\d]{0,12}?预算(?:草案|安排)/.exec(
        l.compact,
      );
    if (m) return Number(m[1]);
  }
  return undefined;
}
/** 2016年…“三公”经费支出决算同比下降: the year of the amounts compared 同比 is the document's. */
const comparedOwnYear =
  /(?<!\d)(\d{4})年度?[^。；;，,\d]{0,24}?[预决]算(?:数)?同比(?:增加|减少|增长|下降|上升|持平)/g;

/**
 * The last resort of a page that states its year with no 预算 or 决算 near it ((2021年) under a project
 * table's title, 2022年凉山州州本级部门，…): the year it names most, not a date (2022年09月12日, 12月31日前)
 * nor a document number (国发[2014]45号), nor a year compared with (较2020年度决算数); the first on a tie.
 */
function mostNamedYear(lines: Line[]): number | undefined {
  const counts = new Map<number, number>();
  for (const l of lines)
    for (const m of l.compact.matchAll(/(?<![\d〔［[【较比与])(20\d{2})年(?!\d{1,2}月)/g))
      counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/**
 * The year a fragment's prose gives its 预算 or 决算 (2020 年度一般公共预算财政拨款安排的“三公”经费支出决算总额,
 * 衢江区2016年一般公共预算安排“三公”经费决算数), when nothing else states one: the year most such phrases
 * name (the prior year's are fewer), the first on a tie.
 */
function statedYear(lines: Line[]): number | undefined {
  const counts = new Map<number, number>();
  for (const l of lines) {
    // Not the year a figure is compared with (较2020年度决算数).
    for (const m of l.compact.matchAll(/(?<![较比与同])(\d{4})年度?[^。；，,\d]{0,20}?[预决]算/g)) {
      const y = Number(m[1]);
      if (y >= 1990 && y <= 2100) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > counts.get(best)!) best = y;
  return best;
}

/** How many different parts (第一部分, 第二部分 …) the document's headings name. */
function partsOf(lines: Line[]): number {
  const parts = new Set<string>();
  for (const l of lines) {
    const m = /^第([一二三四五六七八九十]+)部分/.exec(l.compact);
    if (m && (!l.cells || l.cells.length <= 2)) parts.add(m[1]!);
  }
  return parts.size;
}

const partHeading = /^第[一二三四五六七八九十]+部分/;

/**
 * Whether the next line with text after line i is a table title too (or a TOC line ending in a page
 * number, or a title wrapped onto two lines), or the heading of the next part (第三部分…): the last table
 * listed in a table of contents.
 */
function listedInContents(lines: Line[], i: number): boolean {
  for (let k = i + 1; k < lines.length && k <= i + 3; k++) {
    const next = lines[k]!;
    if (next.compact === '' || /^[-—\d\s]+$/.test(next.compact)) continue;
    if (partHeading.test(next.compact)) return true;
    if (next.cells) return false;
    // The next entry of a list of tables (四、…情况表, 表5…), titled in the catalogue or not, or the note
    // that the tables are attached (上述报表详见附件): the tables themselves are elsewhere.
    if (/^(?:[一二三四五六七八九十]+、|表\d+[：:]?).{2,40}表$|详见附件|见附件/.test(next.compact))
      return true;
    return (
      matchTableTitle(next.compact) !== undefined ||
      matchTableTitle(next.compact.replace(/[.…·．\s]*\d+$/, '')) !== undefined ||
      (next.layout.boxes !== undefined && wrappedTitleOf(next.layout, lines[k + 1]?.layout) !== undefined)
    );
  }
  return false;
}

/** A department name as printed: not a template's 上海市 XX 局, not a heading word, not a sentence. */
const plausibleName = (name: string) =>
  name.length >= 2 &&
  name.length <= 30 &&
  !/XX|××|[，。；：:]|^(?:第.{1,3}部分|附件|目录)/.test(name) &&
  // A collective (市直林业部门: the city's forestry departments together) is no one department's name, nor a
  // scope (全区, 全市, 本级).
  !/^[省市州县区旗]直.*部门$/.test(name) &&
  !/^(?:全|本)(?:省|市|州|县|区|旗|级)$/.test(name);

/**
 * The end of a discloser's name: an office, a unit, a government (人民政府), a kindergarten (幼儿园), a school
 * (第五小学), a town or township named bare (焦石镇), a subdistrict (街道).
 */
const organisation = /(?:[厅局委院办会处室所部署站队馆校社团府心园镇乡]|[小中大]学|学区|街道)$/;
/** The end of a region's name, for a page that states a region's 本级 as a whole (经X财政局汇总). */
const region = /[省市州县区旗]$/;

/**
 * The department of tables without a 编制部门 line, from the signals a disclosure prints: a 部门：X line
 * above a table (单位：万元 beside it), or a title naming it before the year — on one line (上海市普陀区
 * 财政局2024年度部门决算表, 附件：X 2019年度部门预算公开表) or on the title page's two (X / 2018年部门预算).
 * A part heading (第二部分 2019年度部门预算表) names none.
 */
function departmentNamed(lines: Line[]): string | undefined {
  const stated = departmentStated(lines);
  // A web page's 来源 line names its publisher: the discloser, when nothing else names one, or when what
  // does is only its region (a county's page 岳阳县…“三公”经费预算情况表, 来源：岳阳县台创园).
  const publisher = lines
    .slice(0, 10)
    .map((l) => /^来源[：:]([^|｜\d]{2,30}?)(?:发布|浏览|时间|日期|作者|\d|$)/.exec(l.compact)?.[1])
    .find((n) => n !== undefined && plausibleName(n) && organisation.test(n));
  if (publisher && (!stated || (publisher.startsWith(stated) && publisher !== stated))) return publisher;
  return stated;
}

function departmentStated(lines: Line[]): string | undefined {
  for (const l of lines) {
    const m = /^(?:编制)?部门[：:](.+?)(?:(?:金额)?单位[：:].*)?$/.exec(l.compact);
    if (m && plausibleName(m[1]!)) return m[1]!;
  }
  // A part heading naming the discloser's 概况 (第一部分自治区人民政府机关事务管理局概况).
  for (const l of lines.slice(0, 60)) {
    const m =
      /^第[一二三四五六七八九十]+部分[：:]?([^，,。；;：:、“”"（）()\d]{2,30}?)(?:概况|基本情况)$/.exec(
        l.compact,
      );
    if (m && plausibleName(m[1]!) && organisation.test(m[1]!)) return m[1]!;
  }
  // A table's 单位名称 cell with the unit's code (820001-井研县马踏镇人民政府), as project tables print it.
  for (const l of lines.slice(0, 20)) {
    const cells = l.cells ?? l.text.split(/\s*[|｜]\s*/);
    for (const cell of cells) {
      const m = /^\d{3,9}[-－—]([^，,。；;：:、“”"（）()\d|｜]{2,30})$/.exec(compact(cell));
      if (m && plausibleName(m[1]!) && organisation.test(m[1]!)) return m[1]!;
    }
  }
  // A table header's discloser cell, its code before it (920平山县下口镇财政所), above the 预算年度 or 单位 line.
  for (let i = 0; i + 1 < lines.length && i < 60; i++) {
    const m =
      /^(?:\d{3,9}[-－—]?|[（([【]\d{3,9}[)）\]】])([^，,。；;：:、“”"（）()\d|｜]{2,30}?)[|｜]*$/.exec(
        lines[i]!.compact,
      );
    if (!m || !/^(?:预算年度|(?:金额)?单位)[：:]/.test(lines[i + 1]!.compact)) continue;
    if (plausibleName(m[1]!) && organisation.test(m[1]!)) return m[1]!;
  }
  const title = /^(.+?)\d{4}年度?(?:部门|单位)(?:预算|决算)/;
  const stripped = (l: Line) =>
    l.compact.replace(
      /^(?:附件\d*[：:]?)?(?:第[一二三四五六七八九十]+部分[：:]?)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])?(?:关于|纳入|现将)?/,
      '',
    );
  for (const l of lines) {
    if (!l.compact.includes('部门') && !l.compact.includes('单位')) continue;
    const m = title.exec(stripped(l));
    // X部门2020年度部门决算: the generic 部门 after an organisation's name is not part of it.
    const bare = m?.[1]?.replace(/部门$/, '');
    const name = bare && organisation.test(bare) ? bare : m?.[1];
    if (name && plausibleName(name)) return name;
  }
  // The title page's two lines: the name, then the year and 部门预算 (…编制说明).
  const texts = lines.filter((l) => l.compact !== '' && !/^[-—\d\s]+$/.test(l.compact));
  for (let i = 0; i + 1 < texts.length && i < 10; i++) {
    if (!/^\d{4}年度?(?:部门|单位)(?:预算|决算)/.test(texts[i + 1]!.compact)) continue;
    const name = stripped(texts[i]!);
    if (plausibleName(name) && organisation.test(name)) return name;
  }
  // A table's title naming the discloser after the year (2015年桂林市司法局部门“三公”经费情况统计表).
  for (const l of lines) {
    if (!matchTableTitle(l.compact)) continue;
    const m = /^\d{4}年度?([^\d，。；：:、“”"（）()]{2,20}?)(?:部门|单位|财政拨款)/.exec(l.compact);
    if (m && plausibleName(m[1]!) && /[厅局委院办会处室所部署站队馆校社团府心]$/.test(m[1]!)) return m[1]!;
  }
  // A sentence naming the discloser just before the year of its 预算/决算 (…工作安排,衢江区2016年一般公共预算
  // 安排“三公”经费决算数…): a fragment's only statement of who it is — a heading's 关于 is not part of it. It
  // may follow a table printed one cell per line, so the lines looked at go past the table's.
  for (const l of lines.slice(0, 60)) {
    const m =
      /(?:^|[，,。；;：:])(?:关于|纳入|现将|根据|按照|依据)?([^，,。；;：:、“”"（）()\d]{2,20}?)\d{4}年度?(?:部门|单位|一般公共预算|财政拨款)?[^。，,]{0,12}?[预决]算/.exec(
        l.compact,
      );
    if (m && plausibleName(m[1]!) && /[厅局委院办会处室所部署站队馆校社团府心区县市州旗]$/.test(m[1]!))
      return m[1]!;
  }
  // A heading naming the discloser between the year and its 三公 statement (2017年湛江市委宣传部“三公”经费…)
  // or before the year,
  // a region for the whole of it (2019年度鹿寨县“三公”经费支出决算情况), or its 预算/决算 (2017年临汾市第五小学决算).
  for (const l of lines.slice(0, 20)) {
    const m =
      /^\d{4}年度?([^\d，,。；;：:、“”"（）()]{2,20}?)(?:部门|单位)?(?:预算|决算)?[“"]三公[”"]/.exec(
        l.compact,
      ) ??
      /^\d{4}年度?([^\d，,。；;：:、“”"（）()]{2,30}?)(?:部门|单位)?(?:预算|决算)(?:公开)?(?:情况说明|报告)?$/.exec(
        l.compact,
      ) ??
      // …or before the year (乌鲁木齐市天山区2019年度“三公”经费公开说明).
      /^([^\d，,。；;：:、“”"（）()]{2,30}?)\d{4}年度?(?:部门|单位)?(?:预算|决算)?[“"]三公[”"]经费/.exec(
        l.compact,
      );
    if (m && plausibleName(m[1]!) && (organisation.test(m[1]!) || region.test(m[1]!))) return m[1]!;
  }
  // The opening sentence of a page: 现将X2020年度“三公”经费决算情况公布如下, 现将2021年度X政府采购决算公开如下.
  for (const l of lines.slice(0, 60)) {
    const m =
      /现将(?:\d{4}年度?)?([^，,。；;：:、“”"（）()\d]{2,30}?)(?:\d{4}年度?|(?:部门|单位)?(?:预算|决算|政府采购|[“"]三公))/.exec(
        l.compact,
      );
    if (m && plausibleName(m[1]!) && organisation.test(m[1]!) && !/^(?:本|我)/.test(m[1]!)) return m[1]!;
  }
  // A project's performance-target table titled with its unit before the year (X2023年Y项目支出绩效目标申报表).
  for (const l of lines.slice(0, 10)) {
    const m = /^([^，,。；;：:、“”"（）()\d]{2,30}?)\d{4}年度?.{0,40}?绩效目标(?:申报)?表$/.exec(l.compact);
    if (m && plausibleName(m[1]!) && organisation.test(m[1]!)) return m[1]!;
  }
  // A performance-target table's 主管部门 (or its 实施单位, 填报单位): (433)乌海市供销合作社联合社(部门).
  // The name may stand on the next line (a table copied cell by cell) and carry its code (219-, 219001-).
  // The budget unit (预算单位) or the unit carrying the project out first: a unit's own page (a school's 自评表)
  // names its department too.
  // A table run into one line (…主管部门219-X实施单位219001-Y项目资金…) has its cells' names coded.
  const labels = ['预算单位', '实施单位', '项目单位', '填报单位', '主管部门'];
  const nextLabel = `(?=${[...labels, '项目资金', '项目负责人', '联系电话'].join('|')})`;
  for (const label of labels) {
    const labelled = new RegExp(
      `(?:(?:^|[|｜])${label}(?:[（(]盖章[)）])?[：:]?[|｜]?(?:[（(]\\d+[)）]|\\d{3,9}[-－—])?|${label}\\d{3,9}[-－—])([^，,。；;：:、“”"（）()\\d|｜]{2,30}?)(?:[（(](?:部门|单位)[)）])?(?:[|｜]|$|${nextLabel})`,
    );
    for (let i = 0; i < texts.length && i < 40; i++) {
      const line = texts[i]!.compact;
      const value = line === label && texts[i + 1] ? `${label}${texts[i + 1]!.compact}` : line;
      const m = labelled.exec(value);
      if (m && plausibleName(m[1]!) && organisation.test(m[1]!)) return m[1]!;
    }
  }
  // The units the department is made of, itself first as 本级 (部门预算单位构成：1、岳阳市林业局本级).
  // A connective before the name is not part of it (共计 1 家，即省政协办公厅本级).
  const ownUnit = /(?:^|[、，,：:\d|])(?:即|为|是|包括|含)?([^，,。；;：:、“”"（）()\d|]{2,30}?)本级/;
  for (const l of lines) {
    const m = ownUnit.exec(l.compact);
    if (m && plausibleName(m[1]!) && organisation.test(m[1]!)) return m[1]!;
  }
  // The discloser stated as the subject of its functions (X的主要职能是…), as a 部门职责 section opens.
  for (const l of lines.slice(0, 40)) {
    const m = /^([^，,。；;：:、“”"（）()\d]{2,30}?)的?主要(?:职能|职责)(?:是|为|[：:])/.exec(l.compact);
    if (
      m &&
      plausibleName(m[1]!) &&
      (organisation.test(m[1]!) || region.test(m[1]!)) &&
      !/^(?:本|我)/.test(m[1]!)
    )
      return m[1]!;
  }
  // The discloser said to be what it is (X是某局直属的财政全额拨款事业单位), as a 概况 opens.
  for (const l of lines.slice(0, 40)) {
    const m =
      /^([^，,。；;：:、“”"（）()\d]{2,30}?)是[^。；;]{0,40}?(?:行政单位|事业单位|行政机关|工作部门|机构)/.exec(
        l.compact,
      );
    if (m && plausibleName(m[1]!) && organisation.test(m[1]!) && !/^(?:本|我)/.test(m[1]!)) return m[1]!;
  }
  // A department named with what it is over (梧州市民政局下属共有 6 个事业单位).
  const whole = lines.map((l) => l.compact).join('');
  const over =
    /(?:^|[，,。；;：:])(?:另外[，,]?)?([^，,。；;：:、“”"（）()\d]{2,20}?)(?:下属|所属)(?:共有|共|有)?\d+个/.exec(
      whole,
    );
  if (over && plausibleName(over[1]!) && organisation.test(over[1]!)) return over[1]!;
  // A region's 本级 stated as a whole, as the national wording has it (经凉山州财政局汇总，…州本级部门…).
  const summed = /经([^，,。；;：:、“”"（）()\d]{2,12}?)财政(?:局|厅)汇总/.exec(whole);
  if (summed && region.test(summed[1]!)) return summed[1]!;
  // A final account's 三公 statement names its discloser, as the national template words it (全年使用财政拨款
  // 安排X出国团组0个), wrapped over lines as printed.
  const joined = lines.map((l) => l.compact).join('');
  const abroad = /安排([^，,。；;：:、“”"（）()\d]{2,30}?)(?:因公)?出国(?:（境）|\(境\))?团组/.exec(joined);
  if (abroad && plausibleName(abroad[1]!) && /[厅局委院办会处室所部署站队馆校社团府心]$/.test(abroad[1]!))
    return abroad[1]!;
  return undefined;
}

/** The department a document title names (上海市普陀区财政局2024年度部门决算), to compare with its table headers'. */
function titleDepartment(lines: Line[]): { title?: string } {
  const title = /^(?:附件\d*[：:]?)?(.+?)\d{4}年度?部门(?:预算|决算)/;
  for (const l of lines) {
    if (!l.compact.includes('部门')) continue;
    const m = title.exec(l.compact);
    if (m && plausibleName(m[1]!) && /[厅局委院办会处室所部署站队馆校社团府心]$/.test(m[1]!))
      return { title: m[1]! };
  }
  return {};
}

function checkProjectShape(p: Project, problems: RecognitionProblem[]): void {
  // The layouts that print no 项目编码 (scored, one indicator a row) have none to check.
  if (p.code === '' && p.scored) return;
  if (!/^[0-9A-Z]{21}$/.test(p.code)) {
    problems.push({
      code: 'project-code',
      message: `项目编码“${p.code}”不是 21 位编码，可能被截断或识别有误`,
      source: p.source,
    });
  }
}
