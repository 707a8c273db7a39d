import Big from 'big.js';
import type { Decimal, Document, MoneyUnit, StatedShare, StatedSubject } from '../../model/document.ts';
import { tableFigure } from '../figures.ts';
import { halfUnit } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const textShare: Rule = {
  meta: {
    id: 'text-share',
    severity: 'error',
    title: '情况说明中的占比与所列金额一致',
    description:
      '情况说明在金额后写明的占比（"A万元，占P%"，或"占B的P%"）必须等于该金额除以其总数：总数是同一句中列出分项的总额（"T万元，其中：……"、"T万元，主要用于：……"），或"占"后点名、此前已写明金额的那一项；点名的一项（"三公"经费、支出合计、基本支出等）文字未写明金额时，取表格中的该数（如"三公"经费表的小计），并在说明中写明所取的表和列。按所写百分比的精度比较：所写百分比与按文字金额算出的占比之差超过其末位的半个单位（两位小数为 0.005 个百分点），且金额本身末位四舍五入（如 0.005 万元）也解释不了这一差距，即为错误。',
    reason:
      '占比是对金额结构的说明，读者据此判断支出构成；百分比与金额不符，说明金额或百分比有误（常见于改了金额却沿用旧的百分比）。',
    example:
      '"一般公共预算财政拨款支出2940.05万元，主要用于：一般公共服务支出（类）2106.66万元，占71.73%"，按金额应为 71.65%。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    const roundedTo100 = sharesRoundedTo100(doc.statedShares ?? []);
    const summed = summedWholes(doc, doc.statedShares ?? []);
    for (const share of doc.statedShares ?? []) {
      const whole =
        share.whole ?? tableWhole(doc, share) ?? threePublicWhole(doc, share) ?? summed.get(share);
      if (!whole) continue;
      const part = inWan(share.part.value, share.part.unit);
      const total = inWan(whole.value, whole.unit);
      const printed = new Big(share.percent);
      const halfPercent = halfUnit(share.percent);
      const fits = shareFits(share, whole);
      if (fits !== false) continue;
      const decimals = (share.percent.split('.')[1] ?? '').length;
      const expected = part.times(100).div(total).round(decimals, Big.roundHalfUp);
      const wholeName = share.whole ? (share.of ?? whole.name) : whole.name;
      // Shares of one whole printed to add up to exactly 100% may each be off by one unit of their last
      // digit (the rounding remainder given to one of them): a matter of presentation, not a mistake.
      const oneUnit = halfPercent.times(2);
      const forced = roundedTo100.has(share) && expected.minus(printed).abs().lte(oneUnit);
      ctx.report({
        ...(forced ? { severity: 'info' as const } : {}),
        message: `情况说明所述${share.part.name} ${share.part.value}${share.part.unit}占${wholeName}（${whole.value}${whole.unit}）的 ${share.percent}%，按所列金额计算应为 ${expected.toFixed(decimals)}%${forced ? '（各项占比凑足 100% 的尾差调整）' : ''}`,
        where: { section: share.section, ...lineOf(share.source) },
        expected: Number(expected.toFixed(decimals)),
        actual: Number(share.percent),
      });
    }
  },
};

/** What a share is said to be of (占“三公”经费的…), when the text states no amount for it: that table figure. */
const namedWholes: [RegExp, StatedSubject][] = [
  [/三公/, 'three-public'],
  [/^(?:本年)?支出(?:合计|总计)$|^总支出$/, 'expenditure-total'],
  [/^(?:本年)?收入(?:合计|总计)$|^总收入$/, 'income-total'],
  [/^基本支出$/, 'basic'],
  [/^项目支出$/, 'project'],
];

function tableWhole(doc: Document, share: StatedShare): StatedShare['whole'] {
  const of = share.of?.replace(/["“”]/g, '');
  const subject = of ? namedWholes.find(([re]) => re.test(of))?.[1] : undefined;
  const figure = subject && tableFigure(doc, { subject });
  if (!figure) return undefined;
  return {
    name: `${share.of}，按${figure.label}`,
    value: new Big(figure.value).div(10000).toFixed(2),
    unit: figure.unit,
    source: share.source,
  };
}

/**
 * The whole of a share of a 三公 part that names none (…决算中，公务接待费支出决算0.53万元，占69%): the 三公 amount
 * the text stated last before it in the same section, as the national wording reads.
 */
function threePublicWhole(doc: Document, share: StatedShare): StatedShare['whole'] {
  if (share.of || !/出国|公务用车|公务接待/.test(share.part.name)) return undefined;
  const total = doc.statedAmounts
    .filter(
      (a) =>
        a.subject === 'three-public' &&
        !a.change &&
        a.section === share.section &&
        a.source.line <= share.source.line &&
        (a.source.page ?? 0) === (share.source.page ?? 0),
    )
    .pop();
  if (!total) return undefined;
  return { name: '"三公"经费', value: total.value, unit: total.unit, source: total.source };
}

/**
 * Whether a share printed as P% of a whole fits the amounts: the true share lies in [100(A−a)/(T+t),
 * 100(A+a)/(T−t)] (half a unit of each printed figure's last digit either side) and, printed as P, in
 * [P−p, P+p]; it does not fit when the two cannot meet. Undefined for a zero whole. Cross-multiplied, so that
 * the test is exact.
 */
function shareFits(share: StatedShare, whole: { value: Decimal; unit: MoneyUnit }): boolean | undefined {
  const part = inWan(share.part.value, share.part.unit);
  const total = inWan(whole.value, whole.unit);
  const printed = new Big(share.percent);
  const halfPart = halfUnit(share.part.value).div(share.part.unit === '元' ? 10000 : 1);
  const halfTotal = halfUnit(whole.value).div(whole.unit === '元' ? 10000 : 1);
  const halfPercent = halfUnit(share.percent);
  if (total.minus(halfTotal).lte(0)) return undefined; // no share of a zero whole
  const low = part.minus(halfPart).times(100);
  const high = part.plus(halfPart).times(100);
  const tooHigh = low.gt(printed.plus(halfPercent).times(total.plus(halfTotal)));
  const tooLow = high.lt(printed.minus(halfPercent).times(total.minus(halfTotal)));
  return !tooHigh && !tooLow;
}

/**
 * The whole of shares that name it (占一般公共预算支出的…) where the text states no amount for it: the sum of the
 * parts so stated in the section (基本支出A占…的84.06%，项目支出B占…的19.62%), when at least one of the shares fits
 * that sum — then the sum is the whole, and a share that does not fit it is wrong.
 */
function summedWholes(doc: Document, shares: StatedShare[]): Map<StatedShare, StatedShare['whole']> {
  const out = new Map<StatedShare, StatedShare['whole']>();
  const groups = new Map<string, StatedShare[]>();
  for (const s of shares) {
    if (s.whole || !s.of || tableWhole(doc, s) || threePublicWhole(doc, s)) continue;
    const key = `${s.section}|${s.of.replace(/["“”]/g, '')}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const group of groups.values()) {
    const unit = group[0]!.part.unit;
    if (group.length < 2 || group.some((s) => s.part.unit !== unit)) continue;
    const sum = group.reduce((n, s) => n.plus(s.part.value), new Big(0)).toFixed();
    const whole = {
      name: `${group[0]!.of}（文字所列${group.map((s) => s.part.name).join('、')}之和）`,
      value: sum,
      unit,
      source: group[0]!.source,
    };
    if (!group.some((s) => shareFits(s, whole) === true)) continue;
    for (const s of group) out.set(s, whole);
  }
  return out;
}

/** The shares that, with the others stated of the same whole in the same section, add up to exactly 100%. */
function sharesRoundedTo100(shares: StatedShare[]): Set<StatedShare> {
  const groups = new Map<string, StatedShare[]>();
  for (const s of shares) {
    if (!s.whole) continue;
    const key = `${s.section}|${s.whole.value}|${s.whole.source.line}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const out = new Set<StatedShare>();
  for (const group of groups.values()) {
    const sum = group.reduce((n, s) => n.plus(s.percent), new Big(0));
    if (group.length >= 2 && sum.eq(100)) for (const s of group) out.add(s);
  }
  return out;
}

function inWan(value: Decimal, unit: MoneyUnit): Big {
  return unit === '元' ? new Big(value).div(10000) : new Big(value);
}
