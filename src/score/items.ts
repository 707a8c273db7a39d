// The items an inspection scores a disclosure on, each with the evidence it rests on. An item reads the
// model and the check's findings; the few facts the recogniser does not yet deliver as such (the counts
// beside the 三公 amounts, the 政府采购 split, vehicle and equipment counts) are looked up in the sections'
// text here, as evidence to quote, and feed no check.
import { roundingTolerance, scaled } from '../check/money.ts';
import type { Finding, Profile } from '../check/types.ts';
import type { BudgetTable, Document, DocumentKind } from '../model/document.ts';
import { compact } from '../model/text.ts';
import { threePublicParts, threePublicTerms } from '../model/three-public.ts';

export type ItemStatus = 'earned' | 'lost' | 'not-applicable';

export interface ItemResult {
  status: ItemStatus;
  /** What the item was decided on, in Chinese: quoted figures, the tables or findings concerned. */
  evidence: string;
}

/** What scoring one document can draw on beyond the document itself. */
export interface ScoreInput {
  /** The check's findings, without those a reviewer dismissed as 不是问题. */
  findings: Finding[];
  /** The check profile: the tables and sections it requires. */
  profile: Profile;
  /** Names of the units whose own disclosure of the same year and kind is stored (from the store). */
  publishedUnits?: string[];
  /** Dates a reviewer entered (YYYY-MM-DD): the 批复 and the publication. */
  dates?: { approved?: string; published?: string };
  /** From the scoring profile. */
  timelyDays: number;
}

export interface ScoreItem {
  id: string;
  title: string;
  kinds: DocumentKind[];
  evaluate(doc: Document, input: ScoreInput): ItemResult;
}

const earned = (evidence: string): ItemResult => ({ status: 'earned', evidence });
const lost = (evidence: string): ItemResult => ({ status: 'lost', evidence });
const notApplicable = (evidence: string): ItemResult => ({ status: 'not-applicable', evidence });

/** Findings of these rules, above info (info is rounding or a fragment's notice). */
const reported = (input: ScoreInput, rules: string[]) =>
  input.findings.filter((f) => rules.includes(f.rule) && f.severity !== 'info');
const fragment = (input: ScoreInput, rule: string) =>
  input.findings.find((f) => f.rule === rule && f.severity === 'info' && f.message.startsWith('只识别出'));
const listed = (findings: Finding[], max = 3) =>
  findings
    .slice(0, max)
    .map((f) => f.message)
    .join('；') + (findings.length > max ? `；等 ${findings.length} 条` : '');

/** The rules an item answers for; the other errors are the document's inconsistencies. */
const formalRules = [
  'required-tables',
  'required-sections',
  'note-missing-for-empty',
  'placeholder',
  'year-consistency',
  'text-compared-year',
  'three-public-change-reason',
  'section-numbering',
];

const threePublicTable = (doc: Document): BudgetTable | undefined =>
  doc.tables['three-public'] ?? doc.tables['final-three-public'];

/** The text of the sections whose heading matches. */
const sectionText = (doc: Document, heading: RegExp) =>
  compact(
    doc.sections
      .filter((s) => heading.test(s.heading))
      .map((s) => s.text)
      .join('。'),
  );
/** What the text says of 三公: its own sections, or else the sections that speak of it (page-titled documents). */
const threePublicText = (doc: Document) =>
  sectionText(doc, /三公/) ||
  compact(
    doc.sections
      .filter((s) => /三公/.test(s.text))
      .map((s) => s.text)
      .join('。'),
  );
const allText = (doc: Document) => compact(doc.sections.map((s) => `${s.heading}。${s.text}`).join('。'));

const amount = '(\\d[\\d,]*(?:\\.\\d+)?)万元';

export const scoreItems: ScoreItem[] = [
  {
    id: 'timely',
    title: '在批复后规定时限内公开',
    kinds: ['budget', 'final', 'performance'],
    evaluate(_doc, input) {
      const { approved, published } = input.dates ?? {};
      if (!approved || !published) return notApplicable('未录入批复日期和公开日期');
      const days = Math.round((Date.parse(published) - Date.parse(approved)) / 86_400_000);
      if (!Number.isFinite(days)) return notApplicable(`日期无法识别：批复 ${approved}，公开 ${published}`);
      const said = `批复 ${approved}，公开 ${published}，相隔 ${days} 天（时限 ${input.timelyDays} 天）`;
      return days >= 0 && days <= input.timelyDays ? earned(said) : lost(said);
    },
  },
  {
    id: 'tables-present',
    title: '规定的公开表格齐全',
    kinds: ['budget', 'final'],
    evaluate(doc, input) {
      const part = fragment(input, 'required-tables');
      if (part) return lost(part.message);
      const missing = input.profile.requiredTables.filter((key) => !doc.tables[key]);
      if (missing.length > 0)
        return lost(`缺少 ${missing.length} 张：${listed(reported(input, ['required-tables']), 9)}`);
      return earned(`${input.profile.title}规定的 ${input.profile.requiredTables.length} 张表格齐全`);
    },
  },
  {
    id: 'empty-tables-explained',
    title: '空表注明原因',
    kinds: ['budget', 'final'],
    evaluate(doc, input) {
      const unexplained = reported(input, ['note-missing-for-empty']);
      if (unexplained.length > 0) return lost(listed(unexplained));
      const empty = Object.values(doc.tables).filter((t) => t?.notesSayEmpty);
      return earned(empty.length > 0 ? `${empty.length} 张空表均已注明原因` : '没有未说明的空表');
    },
  },
  {
    id: 'sections-present',
    title: '情况说明的规定部分齐全',
    kinds: ['budget', 'final'],
    evaluate(_doc, input) {
      const part = fragment(input, 'required-sections');
      if (part) return lost(part.message);
      const missing = reported(input, ['required-sections']);
      if (missing.length > 0) return lost(listed(missing, 9));
      return earned(`${input.profile.requiredSections.map((s) => s.name).join('、')}均有说明`);
    },
  },
  {
    id: 'performance-targets',
    title: '公开项目绩效目标',
    kinds: ['budget', 'performance'],
    evaluate(doc, input) {
      if (doc.projects.length > 0) {
        const incomplete = reported(input, ['project-target', 'project-indicator-coverage']);
        if (incomplete.length > 0) return lost(`${doc.projects.length} 个项目中：${listed(incomplete)}`);
        return earned(`公开了 ${doc.projects.length} 个项目的绩效目标和指标`);
      }
      const section = doc.sections.find((s) => /绩效目标/.test(s.heading) && compact(s.text).length > 20);
      if (section) return earned(`“${section.heading}”说明了绩效目标`);
      // A 绩效目标设置情况 paragraph inside another section (Shanghai: 编报绩效目标的项目共4个，涉及项目预算资金…).
      const stated = doc.sections
        .map((s) => /[^。]*绩效目标[^。]{0,40}\d[^。]*/.exec(compact(s.text))?.[0])
        .find(Boolean);
      if (stated) return earned(`情况说明：${stated}`);
      return lost('没有项目绩效目标表，也没有说明绩效目标的部分');
    },
  },
  {
    id: 'units-published',
    title: '所属单位均已公开',
    kinds: ['budget', 'final'],
    evaluate(doc, input) {
      if (doc.department.unitCode) return notApplicable('本文件是单位公开，不涉及所属单位');
      const own = compact(doc.department.name);
      const units = doc.units
        .map((u) => compact(u.name))
        .filter((name) => name && name !== own && !/本级$/.test(name));
      if (units.length === 0) return notApplicable('机构设置未列出本级以外的所属单位');
      if (!input.publishedUnits) return notApplicable('需在数据库中与所属单位的公开文本一起评分');
      const published = input.publishedUnits.map(compact);
      const missing = units.filter(
        (name) => !published.some((p) => p === name || p.includes(name) || name.includes(p)),
      );
      const said = `机构设置列出所属单位 ${units.length} 个，已公开 ${units.length - missing.length} 个`;
      return missing.length === 0 ? earned(said) : lost(`${said}；未公开：${missing.join('、')}`);
    },
  },
  {
    id: 'no-inconsistencies',
    title: '表内、表间与文字数据一致',
    kinds: ['budget', 'final', 'performance'],
    evaluate(_doc, input) {
      const errors = input.findings.filter((f) => f.severity === 'error' && !formalRules.includes(f.rule));
      if (errors.length === 0) return earned('未发现错误级的不一致');
      const byRule = new Map<string, number>();
      for (const f of errors) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
      const rules = [...byRule].map(([rule, n]) => `${rule} ${n} 条`).join('、');
      return lost(`${errors.length} 条错误级问题（${rules}），如：${listed(errors, 1)}`);
    },
  },
  {
    id: 'years-units-consistent',
    title: '年度与金额单位前后一致',
    kinds: ['budget', 'final', 'performance'],
    evaluate(_doc, input) {
      const years = reported(input, ['year-consistency', 'text-compared-year']);
      const units = input.findings.filter((f) => f.rule === 'text-amount' && f.message.includes('元与万元'));
      const problems = [...years, ...units];
      return problems.length === 0 ? earned('年度与金额单位一致') : lost(listed(problems));
    },
  },
  {
    id: 'three-public-parts',
    title: '“三公”经费分项公开，公务用车分购置和运行维护',
    kinds: ['budget', 'final'],
    evaluate(doc) {
      const table = threePublicTable(doc);
      if (!table) return lost('没有“三公”经费表');
      const parts = threePublicParts(table);
      const wanted = ['abroad', 'carPurchase', 'carRunning', 'reception'] as const;
      // The final-account 三公 table (财决07表) prints six groups of 预算数 and 决算数 on one line: 合计, 因公出国
      // （境）费, 公务用车购置及运行维护费 with its 购置费 and 运行维护费, 公务接待费. The group names are header
      // cells above the columns, which the model does not keep.
      if (
        table.key === 'final-three-public' &&
        table.rows.length === 1 &&
        table.columns.length === 12 &&
        table.columns.every((c, i) => c === (i % 2 === 0 ? '预算数' : '决算数'))
      )
        return earned(
          `${table.title}按 6 组预算数、决算数列出合计及${wanted.map((p) => threePublicTerms[p]).join('、')}`,
        );
      const missing = wanted.filter((p) => !parts[p]);
      if (missing.length > 0)
        return lost(`${table.title}未列出：${missing.map((p) => threePublicTerms[p]).join('、')}`);
      return earned(`${table.title}列出${wanted.map((p) => threePublicTerms[p]).join('、')}`);
    },
  },
  {
    id: 'three-public-counts',
    title: '“三公”经费说明团组、车辆和接待的数量',
    kinds: ['final'],
    evaluate(doc) {
      const text = threePublicText(doc);
      if (!text) return lost('没有说明“三公”经费的部分');
      // A count is owed for a part that was spent: the parts the text states with an amount above 0.
      const stated = doc.statedAmounts.filter(
        (a) => (a.subject === 'three-public' || a.subject === 'three-public-part') && !a.change,
      );
      const spent = (items: string[]) =>
        stated.length === 0 || stated.some((a) => a.item && items.includes(a.item) && scaled(a.value) > 0);
      if (stated.length > 0 && stated.every((a) => scaled(a.value) === 0))
        return notApplicable('“三公”经费决算为 0，没有需要说明的数量');
      const abroad = spent(['因公出国（境）费']);
      const car = spent(['公务用车购置及运维费', '公务用车购置费', '公务用车运行维护费']);
      const counts: [string, RegExp, boolean][] = [
        ['出国团组数', /\d+个?(?:团组|团|批次)/, abroad],
        ['出国人数', /\d+人(?:次)?/, abroad],
        ['公务用车购置数', /购置[^。；]*?\d+辆|\d+辆[^。；]*?购置/, car],
        ['公务用车保有量', /保有[^。；]*?\d+辆|\d+辆[^。；]*?保有/, car],
        ['公务接待批次', /接待[^。；]*?\d+批次?|\d+批次?[^。；]*?接待/, spent(['公务接待费'])],
      ];
      const missing = counts.filter(([, re, owed]) => owed && !re.test(text)).map(([name]) => name);
      if (missing.length > 0) return lost(`情况说明未写明：${missing.join('、')}`);
      return earned('写明了团组和人数、车辆购置数和保有量、接待批次');
    },
  },
  {
    id: 'three-public-reasons',
    title: '说明“三公”经费增减变化的原因',
    kinds: ['budget', 'final'],
    evaluate(doc, input) {
      const unexplained = reported(input, ['three-public-change-reason']);
      if (unexplained.length > 0) return lost(listed(unexplained));
      if (!threePublicText(doc)) return lost('没有说明“三公”经费的部分');
      return earned('增减变化均说明了原因，或没有增减');
    },
  },
  {
    id: 'operating-cost-explained',
    title: '说明机关运行经费',
    kinds: ['budget', 'final'],
    evaluate(doc) {
      const stated = doc.statedAmounts.find((a) => a.subject === 'operating-cost' && !a.change);
      if (stated) return earned(`情况说明：机关运行经费 ${stated.value}${stated.unit}`);
      const text = sectionText(doc, /机关运行经费/);
      if (/\d/.test(text) || /(?:没有|无|未安排)[^。]*机关运行经费/.test(text))
        return earned('“机关运行经费”部分作了说明');
      return lost('情况说明没有机关运行经费的金额');
    },
  },
  {
    id: 'procurement-detail',
    title: '政府采购分货物、工程、服务并说明中小企业份额',
    kinds: ['budget', 'final'],
    evaluate(doc) {
      const text = allText(doc);
      const sentence = text.split('。').find((s) => /政府采购/.test(s) && /货物/.test(s) && /服务/.test(s));
      if (!sentence) {
        const table = doc.tables.procurement;
        if (table?.notesSayEmpty) return earned(`${table.title}注明：${table.notes.join('；')}`);
        if (
          /(?:无|没有|未安排|未发生)政府采购|政府采购(?:预算|支出|金额)?(?:总额|合计)?(?:为|共)0(?:\.0+)?万元/.test(
            text,
          )
        )
          return earned('注明没有政府采购');
        return lost('没有按货物、工程、服务说明政府采购');
      }
      const total = new RegExp(`政府采购[^。]*?${amount}`).exec(sentence);
      const part = (name: string) => new RegExp(`${name}[^、，；。\\d]*?${amount}`).exec(sentence)?.[1];
      const parts = ['货物', '工程', '服务'].map((name) => [name, part(name)] as const);
      const missing = parts.filter(([, v]) => v === undefined).map(([name]) => name);
      if (!total || missing.length > 0) return lost(`政府采购未列明：${missing.join('、') || '总额'}`);
      const sum = parts.reduce((s, [, v]) => s + scaled(v!.replace(/,/g, '')), 0);
      const stated = scaled(total[1]!.replace(/,/g, ''));
      const split = `政府采购 ${total[1]} 万元，${parts.map(([n, v]) => `${n} ${v}`).join(' + ')} 万元`;
      if (Math.abs(sum - stated) > roundingTolerance(3)) return lost(`${split}，分项之和不等于总额`);
      if (!/中小企业/.test(text)) return lost(`${split}；未说明面向中小企业的份额`);
      return earned(`${split}；说明了面向中小企业的份额`);
    },
  },
  {
    id: 'assets-detail',
    title: '国有资产说明车辆和设备数量',
    kinds: ['budget', 'final'],
    evaluate(doc) {
      const table = doc.tables.assets;
      if (table?.rows.some((r) => /车辆/.test(r.name))) return earned(`${table.title}列出车辆和设备`);
      if (table?.notesSayEmpty) return earned(`${table.title}注明：${table.notes.join('；')}`);
      const text = allText(doc);
      const vehicles = /车辆\d+辆|\d+辆[^。]*车/.test(text);
      const equipment = /设备[^。]*?\d+台/.test(text);
      if (vehicles && equipment) return earned('情况说明写明了车辆数和单价较高的设备台（套）数');
      return lost(
        `国有资产未写明：${[vehicles ? '' : '车辆数', equipment ? '' : '设备数'].filter(Boolean).join('、')}`,
      );
    },
  },
  {
    id: 'classification-detail',
    title: '功能分类细化到项，经济分类细化到款',
    kinds: ['budget', 'final'],
    evaluate(doc) {
      // The 一般公共预算 table is the one published to 项 (a 支出总表 may stop at 类 or 款); without it, the 支出总表.
      const general = [doc.tables['general-expenditure'], doc.tables['final-general-expenditure']];
      const all = [doc.tables.expenditure, doc.tables['final-expenditure']];
      const present = (tables: (BudgetTable | undefined)[]) =>
        tables.filter((t): t is BudgetTable => t !== undefined);
      const functional = present(general).length > 0 ? present(general) : present(all);
      const economic = [doc.tables['general-basic'], doc.tables['final-general-basic']].filter(
        (t): t is BudgetTable => t !== undefined,
      );
      if (functional.length === 0 && economic.length === 0) return lost('没有按科目编码列示的支出表');
      const toItem = functional.filter((t) => t.rows.some((r) => r.code?.length === 7));
      const toSection = economic.filter((t) => t.rows.some((r) => r.code?.length === 5));
      const short = [
        ...functional.filter((t) => !toItem.includes(t)).map((t) => `${t.title}未细化到项`),
        ...economic.filter((t) => !toSection.includes(t)).map((t) => `${t.title}未细化到款`),
      ];
      return short.length === 0 ? earned('支出表的功能分类列到项、经济分类列到款') : lost(short.join('；'));
    },
  },
  {
    id: 'no-placeholders',
    title: '没有残留的模板文字',
    kinds: ['budget', 'final', 'performance'],
    evaluate(doc) {
      if (doc.placeholders.length === 0) return earned('没有残留的占位符');
      const shown = doc.placeholders.slice(0, 3).map((p) => `第 ${p.source.line} 行“${p.text}”`);
      return lost(`${doc.placeholders.length} 处：${shown.join('、')}`);
    },
  },
  {
    id: 'searchable',
    title: '以可检索的文字公开（非扫描图片）',
    kinds: ['budget', 'final', 'performance'],
    evaluate(doc) {
      const scanned = doc.scannedPages ?? [];
      if (scanned.length > 0) return lost(`第 ${scanned.join('、')} 页是扫描图片，经文字识别读出`);
      return earned('全文有文字层，可检索、可复制');
    },
  },
];

export const itemIds: string[] = scoreItems.map((item) => item.id);
export type ItemId = string;
