import type { StatedAmount, StatedSubject } from '../../model/document.ts';
import { compare } from '../compare.ts';
import { scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';
import { subjectNames } from './text-amount.ts';

/** What a stated total is made of; `complete` when the parts must add up to it exactly. */
interface Decomposition {
  total: (s: StatedAmount) => boolean;
  part: (s: StatedAmount) => boolean;
  /** How many distinct parts make the total complete (all must be stated to compare for equality). */
  complete?: number;
}

const is = (subject: StatedSubject, item?: string) => (s: StatedAmount) =>
  s.subject === subject && (item === undefined || s.item === item);
const oneOf =
  (...subjects: StatedSubject[]) =>
  (s: StatedAmount) =>
    subjects.includes(s.subject);
const threePublicParts = ['因公出国（境）费', '公务用车购置及运维费', '公务接待费'];
const carParts = ['公务用车购置费', '公务用车运行维护费'];

const decompositions: Decomposition[] = [
  {
    total: is('income-total'),
    part: oneOf(
      'general-budget-income',
      'fund-income',
      'capital-income',
      'special-account-income',
      'unit-funds-income',
      'carry-over',
    ),
    complete: 6,
  },
  { total: is('expenditure-total'), part: oneOf('basic', 'project', 'reserve'), complete: 2 },
  { total: is('year-expenditure'), part: oneOf('basic', 'project'), complete: 2 },
  { total: is('basic'), part: oneOf('personnel', 'public'), complete: 2 },
  {
    total: is('three-public'),
    part: (s) => s.subject === 'three-public-part' && threePublicParts.includes(s.item ?? ''),
    complete: 3,
  },
  {
    total: is('three-public-part', '公务用车购置及运维费'),
    part: (s) => s.subject === 'three-public-part' && carParts.includes(s.item ?? ''),
    complete: 2,
  },
  { total: is('project'), part: is('project-item') },
];

export const textPartsSum: Rule = {
  meta: {
    id: 'text-parts-sum',
    severity: 'error',
    title: '情况说明中分项之和与总数一致',
    description:
      '同一句中"其中/包括/主要为"列出的分项：收入 = 各项收入 + 上年结转，支出 = 基本 + 项目，基本 = 人员 + 公用，"三公" = 出国 + 公务用车 + 接待，公务用车 = 购置 + 运维；全部分项都写明时必须等于总数，只写部分时不得超过总数。列出的项目之和少于项目支出为警告。增减额同样核对。',
    reason: '文字说明自身的数字必须自洽；分项超过总数说明至少一个数字有误。',
    example: '"项目支出 1270 万元，主要为……"，所列项目合计 1485 万元。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    const amounts = doc.statedAmounts;
    amounts.forEach((total, i) => {
      const d = decompositions.find((x) => x.total(total));
      if (!d) return;
      const parts: StatedAmount[] = [];
      // Another amount listed with the parts (基本支出X，其中人员经费A，公用经费B，纳入财政专户的非税管理C): the
      // parts named are not all there is, so they may not exceed the total but need not make it.
      let others = false;
      // A part stated again (…其中：公务接待费3.1万元…。具体情况如下：（一）公务接待费3.1万元…) counts once.
      const stated = new Set<string>();
      for (let j = i + 1; j < amounts.length; j++) {
        const s = amounts[j]!;
        // The next total of the same kind ends the list; the total's own change (…X万元，比上年减少C万元；其中…)
        // does not end its level's.
        if (s.statement !== total.statement || (d.total(s) && Boolean(s.change) === Boolean(total.change)))
          break;
        if (Boolean(s.change) !== Boolean(total.change)) continue;
        if (!d.part(s)) {
          // A part of a part (基本支出A，包括人员经费…; 公车费995万元（其中购置费38万元…）) is no other amount.
          const nested = decompositions.some((e) => e.part(s) && parts.some((p) => e.total(p)));
          if (!nested && s.sentence !== undefined && parts.some((p) => p.sentence === s.sentence))
            others = true;
          continue;
        }
        // Parts of a change are changes against the same year (not 比上年 parts of a change 比2019年).
        if (s.change?.comparedYear !== total.change?.comparedYear) continue;
        const key = `${s.subject}:${s.item ?? ''}`;
        if (s.item !== undefined && stated.has(key)) continue;
        stated.add(key);
        parts.push(s);
      }
      if (parts.length === 0) return;
      // A change's parts count with their sign relative to the total's direction.
      const sign = (s: StatedAmount) => (s.change && s.change.direction !== total.change?.direction ? -1 : 1);
      const sum = parts.reduce((acc, s) => acc + sign(s) * scaled(s.value), 0);
      const expected = scaled(total.value);
      const kinds = new Set(parts.map((p) => `${p.subject}:${p.item ?? ''}`)).size;
      const name = `${total.item ?? subjectNames[total.subject] ?? total.subject}${total.change ? (total.change.direction === 'increase' ? '增加额' : '减少额') : ''}`;
      const where = { section: total.section, ...lineOf(total.source) };
      // What the reviewer needs to see the slip: the level a change is of, and each part as stated.
      const named = (x: StatedAmount) => x.item ?? subjectNames[x.subject] ?? x.subject;
      const verb = (x: StatedAmount) =>
        x.change ? (x.change.direction === 'increase' ? '增加' : '减少') : '';
      const level = total.change
        ? amounts
            .slice(0, i)
            .reverse()
            .find(
              (x) =>
                !x.change &&
                x.subject === total.subject &&
                x.item === total.item &&
                x.statement === total.statement,
            )
        : undefined;
      const detail = `（${level ? `${named(total)} ${level.value}${level.unit}，` : ''}${verb(total)}${total.value}${total.unit}；分项：${parts.map((p) => `${named(p)}${verb(p)}${p.value}${p.unit}`).join('、')}）`;
      // …and so where an amount the model has no subject for (经营支出…) is listed with them.
      if (parts.some((p) => p.unstatedAfter)) others = true;
      const whole = d.complete !== undefined && kinds >= d.complete && !others;
      // A change's parts listed in part may add to more than it (公务用车减少35.99万元，其中运行维护费减少332.09万元:
      // the part not listed may have moved the other way); only the projects a change is made of may not.
      if (whole || (sum > expected && (!total.change || d.complete === undefined))) {
        compare(ctx, {
          expected,
          actual: sum,
          unit: total.unit,
          where,
          what: `情况说明中${name}的各分项之和与总数不符${detail}`,
        });
      } else if (d.complete === undefined && sum < expected) {
        compare(ctx, {
          expected,
          actual: sum,
          unit: total.unit,
          where,
          severity: 'warning',
          what: `情况说明列出的项目之和少于${name}，未列全${detail}`,
        });
      }
    });
  },
};
