// Reads a 指标值 into operator, number and unit, a deadline, or a qualitative phrase.
import type { IndicatorValue, Operator } from './document.ts';
import { compact } from './text.ts';

const operators: Record<string, Operator> = {
  '≥': '≥',
  '>=': '≥',
  '≧': '≥',
  大于等于: '≥',
  不低于: '≥',
  不少于: '≥',
  '≤': '≤',
  '<=': '≤',
  '≦': '≤',
  小于等于: '≤',
  不高于: '≤',
  不超过: '≤',
  '=': '=',
  '＝': '=',
  等于: '=',
  '>': '>',
  大于: '>',
  '<': '<',
  小于: '<',
};

// Units a quantity may carry; anything longer after the number is free text glued to it.
const units =
  /^(?:%|％|百分比|‰|万元|亿元|千元|元|万|个|家|人次|人|次|项|件|份|场|批次|批|天|日|月|年|小时|户|辆|台|套|平方米|米|公里|km|吨|条|所|座|处|期|篇|册|本|张|名|万人次|万人|个百分点|分|级|学时|课时|场次|[一二三四五]级|亩|部|栋|间|类|村|镇|宗|单|笔|张|顶|棵|株)$/i;

export function parseIndicatorValue(printed: string): IndicatorValue {
  const text = compact(printed);
  if (text === '') return { type: 'empty' };
  if (/^(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|前|之前|末|内)?$|^\d{4}年(?:底|年底|末|内)?$/.test(text)) {
    return { type: 'deadline', text };
  }
  const m =
    /^(大于等于|小于等于|不低于|不少于|不高于|不超过|大于|小于|等于|>=|<=|[≥≧≤≦=＝><])?(\d+(?:\.\d+)?)(.*)$/.exec(
      text,
    );
  if (m) {
    const rest = m[3] ?? '';
    // A unit per unit (人/次, 万元/人, 元/人·月) is a unit too.
    const unit =
      units.test(rest) || rest.split(/[/／·]/).every((u) => u !== '' && units.test(u))
        ? rest
        : (/^(%|％|百分比|万元|元|个|家|人次|人|次|项|天|年|月)/.exec(rest)?.[1] ?? '');
    const value: IndicatorValue = {
      type: 'quantity',
      number: m[2]!,
      unit: unit === '％' ? '%' : unit,
      rest: rest.slice(unit.length),
    };
    if (m[1]) value.operator = operators[m[1]]!;
    return value;
  }
  return { type: 'qualitative', text };
}
