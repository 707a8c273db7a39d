// A project 绩效目标表 in the scored layout, as some regions print it (Inner Mongolia's 项目绩效目标表): the
// project named without a 项目编码, its money as 资金总额 / 其中：财政拨款数 / 其他资金, its 年度目标, the weights
// stated above the indicators (绩效指标（权重分值90分，其中产出指标权重分值50分，…）), and one line per indicator:
// 一级 二级 三级 指标性质 指标方向 目标值 计量单位 分值 备注. Copied from a web page, a line's empty cells are gone,
// so a row is read from both ends: the labels from the start, the 分值 from the end, the value in between.
import { toDecimal } from '../model/decimal.ts';
import { blankProject, type Indicator, type MoneyUnit, type Project } from '../model/document.ts';
import { parseIndicatorValue } from '../model/indicator-value.ts';
import { sourceOf } from './tables.ts';
import { compact, type Line } from './text.ts';

const level1 = /^(?:产出指标|效益指标|满意度指标|成本指标)$/;
const level2 =
  /^(?:数量指标|质量指标|时效指标|成本指标|经济效益指标|社会效益指标|生态效益指标|可持续影响指标|服务对象满意度指标|满意度指标|经济成本指标|社会成本指标|生态环境成本指标)$/;
const nature = /^(?:正向|反向|定量|定性)$/;
const operator = /^(?:=|＝|≥|≤|≧|≦|>|<|>=|<=)$/;
const number = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/** Whether the lines from `at` open a scored project table: its title, then 项目名称 within a few lines. */
export function opensScoredProject(lines: Line[], at: number): boolean {
  if (!/绩效目标表$/.test(lines[at]!.compact)) return false;
  // The title nearest the 项目名称 opens it (a page prints the title above its date line, then again).
  const named = lines.slice(at + 1, at + 6).findIndex((l) => /^项目名称/.test(l.compact));
  const near = lines.slice(at + 1, at + 1 + Math.max(0, named));
  if (named < 0 || near.some((l) => /绩效目标表$/.test(l.compact))) return false;
  return (
    !near.some((l) => /^项目编码/.test(l.compact)) &&
    lines.slice(at + 1, at + 40).some((l) => isScoredHeader(l))
  );
}

const isScoredHeader = (l: Line) => /一级指标二级指标三级指标/.test(l.compact) && /分值/.test(l.compact);

/** The value after a label on its line (项目名称 再生资源回收市场管理经费), or undefined. */
const after = (line: Line, label: RegExp) => {
  const m = label.exec(line.text.trim());
  return m ? line.text.trim().slice(m[0].length).trim() : undefined;
};

/** Reads the scored table whose title is `lines[at]`; `next` is the index after it. */
export function readScoredProject(
  lines: Line[],
  at: number,
  unit: MoneyUnit,
  isEnd: (line: Line) => boolean,
): { project: Project; next: number } {
  const project: Project = {
    ...blankProject(lines[at]!.compact, unit, sourceOf(lines[at]!)),
    scored: { levels: {} },
  };
  let k = at + 1;
  for (; k < lines.length && !isEnd(lines[k]!); k++) {
    const line = lines[k]!;
    if (isScoredHeader(line)) break;
    const name = after(line, /^项目名称\s*/);
    if (name !== undefined) project.name = compact(name);
    const unitName = after(line, /^实施单位\s*/);
    const coded = unitName && /^[（(](\d{6})[)）]\s*(.+)$/.exec(unitName);
    if (coded) {
      project.unitCode = coded[1]!;
      project.unitName = compact(coded[2]!);
    }
    const money = (label: RegExp) => {
      const v = after(line, label);
      const d = v && number.test(v) ? toDecimal(v) : null;
      return d === null || d === undefined ? null : { value: d, source: sourceOf(line) };
    };
    project.budget ??= money(/^资金总额\s*/);
    project.fiscal ??= money(/^其中[：:]?\s*财政拨款数?\s*/);
    project.other ??= money(/^其他资金\s*/);
    const target = after(line, /^年度目标\s*/);
    if (target !== undefined) project.target = target;
  }
  // The weights stated with the header: 权重分值90分，其中产出指标权重分值50分，效益指标权重分值30分…
  const header = lines[k];
  if (header) {
    const total = /权重分值(\d+(?:\.\d+)?)分/.exec(header.compact);
    if (
      total &&
      !/^其中/.test(
        header.compact
          .slice(0, total.index)
          .split(/[，,(（]/)
          .pop() ?? '',
      )
    )
      project.scored!.total = total[1]!;
    for (const m of header.compact.matchAll(
      /(产出指标|效益指标|满意度指标|成本指标)权重分值(\d+(?:\.\d+)?)分/g,
    ))
      project.scored!.levels[m[1]!] = m[2]!;
  }
  let end = k + 1;
  for (; end < lines.length && !isEnd(lines[end]!) && !/绩效目标表$/.test(lines[end]!.compact); end++) {
    const indicator = scoredIndicator(lines[end]!);
    if (indicator) project.indicators.push(indicator);
  }
  return { project, next: end };
}

/** One indicator line: 产出指标 数量指标 出差人次 正向 = 24 人/次 4; undefined for any other line. */
function scoredIndicator(line: Line): Indicator | undefined {
  const tokens = line.text.trim().split(/\s+/);
  if (tokens.length < 4 || !level1.test(tokens[0]!) || !level2.test(tokens[1]!)) return undefined;
  let i = 2;
  const name: string[] = [];
  while (i < tokens.length && !nature.test(tokens[i]!) && !operator.test(tokens[i]!)) name.push(tokens[i++]!);
  let direction: Indicator['direction'];
  while (i < tokens.length && nature.test(tokens[i]!)) {
    if (tokens[i] === '正向' || tokens[i] === '反向') direction = tokens[i] as Indicator['direction'];
    i++;
  }
  const op = i < tokens.length && operator.test(tokens[i]!) ? tokens[i++]! : '';
  const rest = tokens.slice(i);
  // The 分值 is the last number; what stands between the value and it is the 计量单位.
  const weight = rest.length >= 2 && number.test(rest[rest.length - 1]!) ? rest.pop()! : undefined;
  const target = rest.shift() ?? '';
  const unitCell = rest.join('');
  const plain = target.replace(/,/g, '');
  // A unit cell that is a unit joins the value (= 24 人/次 → =24人/次); a number there is no unit.
  const value = `${op}${number.test(target) ? plain : target}${unitCell && !number.test(unitCell) ? unitCell : ''}`;
  const indicator: Indicator = {
    level1: tokens[0]!,
    level2: tokens[1]!,
    level3: name.join(''),
    description: '',
    value,
    parsed: parseIndicatorValue(value),
    basis: '',
    source: sourceOf(line),
  };
  if (weight !== undefined) indicator.weight = weight.replace(/,/g, '');
  if (direction) indicator.direction = direction;
  if (unitCell && number.test(unitCell)) indicator.unitCell = unitCell;
  return indicator;
}
