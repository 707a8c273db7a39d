// Project 绩效目标表 printed one indicator a row, as some provinces' 部门预算项目绩效目标申报表 are (Sichuan):
// 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性,
// a project's first row carrying its unit, name, money and target, the rows after it only their indicator's
// cells, and the department's own row (820-某部门 | 8,827,620.53) its total. Read into the same Projects the
// other layouts give, so that the weights and values are checked alike.
import { toDecimal } from '../model/decimal.ts';
import { blankProject, type Indicator, type MoneyUnit, type Project } from '../model/document.ts';
import { parseIndicatorValue } from '../model/indicator-value.ts';
import { sourceOf } from './tables.ts';
import { compact, type Line } from './text.ts';

const level1 = /^(?:产出指标|效益指标|满意度指标|成本指标)$/;
const natureCell = /^(?:正向|反向|定量|定性|=|＝|≥|≤|>|<|>=|<=)$/;
/** The indicator's cells, in the order the header prints them from 一级指标 on. */
const indicatorColumns = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标性质',
  '指标值',
  '度量单位',
  '权重',
  '指标方向性',
];

/** A row's cells: the reader's own, or a copied page's joined by “|” (empty ones dropped, as a copy loses them). */
const cellsOf = (line: Line) =>
  (line.cells ?? line.text.split(/[|｜]/)).map((c) => c.trim()).filter((c) => c !== '');

/** The header's columns, by name: where each of the layout's stands. */
function headerOf(line: Line): Map<string, number> | undefined {
  const cells = cellsOf(line).map(compact);
  const at = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const columns = new Map<string, number>([
    ['unit', at(/^单位名称$/)],
    ['name', at(/^项目名称$/)],
    ['budget', at(/^(?:预算数|资金总额|项目资金)/)],
    ['target', at(/^(?:年度目标|绩效目标)$/)],
    ['一级指标', at(/^一级指标$/)],
    ['三级指标', at(/^三级指标$/)],
    ['权重', at(/^(?:权重|分值)$/)],
  ]);
  return [...columns.values()].every((k) => k >= 0) ? columns : undefined;
}

/** Whether the line is the header of the one-indicator-a-row layout. */
export const opensRowProjects = (line: Line): boolean =>
  /单位名称/.test(line.compact) && /一级指标/.test(line.compact) && headerOf(line) !== undefined;

/** The indicator in the row's last cells (as many as the layout's indicator columns), or undefined. */
function indicatorOf(cells: string[], line: Line): Indicator | undefined {
  const start = cells.findIndex((c) => level1.test(compact(c)));
  if (start < 0) return undefined;
  const own = cells.slice(start);
  // A cell a copy left empty and lost: the 指标方向性 (a row cut short), the 指标性质 (≥, 定性…), or the 度量单位.
  const short = own.length === indicatorColumns.length - 1;
  if (short && !/指标$/.test(compact(own[own.length - 1]!))) own.push('');
  else if (short && !natureCell.test(own[3]!.trim())) own.splice(3, 0, '');
  else if (short) own.splice(5, 0, '');
  if (own.length !== indicatorColumns.length) return undefined;
  const [l1, l2, l3, nature, value, unitCell, weight] = own.map((c) => c.trim());
  const operator = /^(?:=|＝|≥|≤|>|<|>=|<=)$/.test(nature!) ? nature! : '';
  const printed = `${operator}${value!.replace(/,/g, '')}${unitCell ?? ''}`;
  const indicator: Indicator = {
    level1: compact(l1!),
    level2: compact(l2!),
    level3: compact(l3!),
    description: '',
    value: printed,
    parsed: parseIndicatorValue(printed),
    basis: '',
    source: sourceOf(line),
  };
  const w = toDecimal(weight!);
  if (w !== null) indicator.weight = w;
  const direction = /^(正向|反向)/.exec(compact(own[7] ?? ''));
  if (direction) indicator.direction = direction[1] as Indicator['direction'];
  return indicator;
}

/** Reads the projects under the header at `at`; `next` is the index after the last row read. */
export function readRowProjects(
  lines: Line[],
  at: number,
  unit: MoneyUnit,
  isEnd: (line: Line) => boolean,
): { projects: Project[]; next: number; cut?: Project } {
  const header = headerOf(lines[at]!)!;
  let complete = true;
  // The project's own cells stand before its first indicator's (one may be empty and lost: the target).
  const headCells = header.get('一级指标')!;
  const projects: Project[] = [];
  let project: Project | undefined;
  let k = at + 1;
  for (; k < lines.length && !isEnd(lines[k]!); k++) {
    const line = lines[k]!;
    const cells = cellsOf(line);
    if (cells.length === 0) continue;
    if (opensRowProjects(line)) break;
    const indicator = indicatorOf(cells, line);
    // A project's first row: its own cells before the indicator's.
    const first = cells.findIndex((c) => level1.test(compact(c)));
    if (indicator && first >= headCells - 1) {
      // The project's cells right-aligned to the header's: a unit's second project leaves its cell merged.
      const head = cells.slice(0, first);
      const cell = (key: string) => head[header.get(key)! - (headCells - head.length)] ?? '';
      const coded = /^(\d{3,9})[-－—](.+)$/.exec(compact(cell('unit')));
      const previous = projects[projects.length - 1];
      project = blankProject(compact(cell('name')), unit, sourceOf(line));
      project.name = project.title;
      if (coded) {
        project.unitCode = coded[1]!;
        project.unitName = coded[2]!;
      } else if (head.length < headCells && previous?.unitName) {
        project.unitCode = previous.unitCode!;
        project.unitName = previous.unitName;
      }
      const budget = toDecimal(cell('budget'));
      if (budget !== null) project.budget = { value: budget, source: sourceOf(line) };
      project.target = cell('target');
      project.scored = { levels: {} };
      projects.push(project);
    }
    if (indicator && project) {
      project.indicators.push(indicator);
      complete = /指标$/.test(compact(cells[cells.length - 1]!));
      continue;
    }
    // A row that is neither (the department's total, 820-某部门 | 8,827,620.53) ends the project before it.
    if (!indicator) project = undefined;
    if (!indicator && !/^\d{3,9}[-－—]/.test(compact(cells[0]!))) break;
  }
  // The input ends inside a row (a page stored or copied short): the last project's weights are not all there.
  const cut = k >= lines.length && !complete ? project : undefined;
  if (cut) for (const i of cut.indicators) delete i.weight;
  return cut ? { projects, next: k, cut } : { projects, next: k };
}
