// Demo disclosures the project writes itself, so that a fresh installation without the real samples
// still has something to show: several departments over three years, built from consistent figures
// (every identity holds by construction) with a few deliberate mistakes for the review screens.
// The text uses the standard Hebei county layout as Word prints it (one table cell per tab-indented line).
import { functionalClassName } from '../model/codes.ts';

interface DemoSpec {
  code: string;
  name: string;
  year: number;
  /** Scales every figure, so years and departments differ. */
  scale: number;
  /** The scale of the year before, for the 比上年 paragraph; none for a first year. */
  previousScale?: number;
  mistakes: Mistake[];
}

type Mistake =
  | 'parent-off'
  | 'text-project'
  | 'plan-short'
  | 'no-satisfaction'
  | 'empty-note'
  | 'change-wrong';

/** Amounts in cents (exact integers) → "1234.56". */
const money = (cents: number) => (cents / 100).toFixed(2);
const blank = (cents: number) => (cents === 0 ? '' : money(cents));

interface Item {
  code: string;
  name: string;
  basic: number;
  project: number;
}

const classNames = [
  '201',
  '202',
  '203',
  '204',
  '205',
  '206',
  '207',
  '208',
  '209',
  '210',
  '211',
  '212',
  '213',
  '214',
  '215',
  '216',
  '217',
  '219',
  '220',
  '221',
  '222',
  '223',
  '224',
  '227',
  '229',
  '230',
  '231',
  '232',
  '233',
  '234',
];
const chinese = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (n: number) =>
  n <= 10
    ? chinese[n - 1]!
    : `${n >= 20 ? chinese[Math.floor(n / 10) - 1] : ''}十${n % 10 ? chinese[(n % 10) - 1] : ''}`;

function row(cells: (string | number)[]): string {
  return `${cells.map((c) => `\t${c}`).join('\n')}\n`;
}

function tableHead(spec: DemoSpec, title: string, headerRows: string[][], columns: number): string {
  return `${title}\n${row([`${spec.code}${spec.name}`, `预算年度：${spec.year}`, '单位：万元'])}\n${headerRows
    .map((r) => row(r))
    .join('\n')}\n${row(['栏次', ...Array.from({ length: columns }, (_, i) => i + 1)])}\n`;
}

/** Functional 项 with basic and project spending (万元 in cents), scaled. */
function itemsAt(k: number): Item[] {
  const c = (wan: number) => Math.round(wan * k) * 100;
  return [
    { code: '2011301', name: '行政运行', basic: c(180), project: 0 },
    { code: '2011308', name: '招商引资', basic: 0, project: c(95) },
    { code: '2011399', name: '其他商贸事务支出', basic: 0, project: c(40) },
    { code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: c(24), project: 0 },
    { code: '2101101', name: '行政单位医疗', basic: c(9), project: 0 },
    { code: '2210201', name: '住房公积金', basic: c(15), project: 0 },
  ];
}

export function demoDisclosure(spec: DemoSpec): string {
  const k = spec.scale;
  const c = (wan: number) => Math.round(wan * k) * 100; // whole 万元 scaled → cents
  const items = itemsAt(k);
  const kuan: Record<string, string> = {
    '20113': '商贸事务',
    '20805': '行政事业单位养老支出',
    '21011': '行政事业单位医疗',
    '22102': '住房改革支出',
  };
  const sum = (list: Item[], f: (i: Item) => number) => list.reduce((s, i) => s + f(i), 0);
  const total = (i: Item) => i.basic + i.project;
  const basic = sum(items, (i) => i.basic);
  const project = sum(items, (i) => i.project);
  const all = basic + project;
  // Coded rows: 类, 款, 项 in order, each parent the sum of its children.
  const coded: Item[] = [];
  for (const cls of [...new Set(items.map((i) => i.code.slice(0, 3)))]) {
    const inClass = items.filter((i) => i.code.startsWith(cls));
    coded.push({
      code: cls,
      name: functionalClassName(cls, spec.year)!,
      basic: sum(inClass, (i) => i.basic),
      project: sum(inClass, (i) => i.project),
    });
    for (const k5 of [...new Set(inClass.map((i) => i.code.slice(0, 5)))]) {
      const inKuan = inClass.filter((i) => i.code.startsWith(k5));
      coded.push({
        code: k5,
        name: kuan[k5]!,
        basic: sum(inKuan, (i) => i.basic),
        project: sum(inKuan, (i) => i.project),
      });
      coded.push(...inKuan);
    }
  }
  const printed = (i: Item) =>
    spec.mistakes.includes('parent-off') && i.code === '20113' ? { ...i, project: i.project + 100 } : i;

  // Economic classification of the basic spending: personnel (301, 303) and public (302).
  const staff = Math.round(basic * 0.78);
  const pension = Math.round(basic * 0.04);
  const publicCost = basic - staff - pension;
  const economic = [
    { code: '301', name: '工资福利支出', personnel: staff, public: 0 },
    { code: '30101', name: '基本工资', personnel: Math.round(staff * 0.4), public: 0 },
    { code: '30102', name: '津贴补贴', personnel: Math.round(staff * 0.35), public: 0 },
    {
      code: '30113',
      name: '住房公积金',
      personnel: staff - Math.round(staff * 0.4) - Math.round(staff * 0.35),
      public: 0,
    },
    { code: '302', name: '商品和服务支出', personnel: 0, public: publicCost },
    { code: '30201', name: '办公费', personnel: 0, public: Math.round(publicCost * 0.5) },
    { code: '30217', name: '公务接待费', personnel: 0, public: Math.round(publicCost * 0.1) },
    {
      code: '30299',
      name: '其他商品和服务支出',
      personnel: 0,
      public: publicCost - Math.round(publicCost * 0.5) - Math.round(publicCost * 0.1),
    },
    { code: '303', name: '对个人和家庭的补助', personnel: pension, public: 0 },
    { code: '30302', name: '退休费', personnel: pension, public: 0 },
  ];
  const personnel = staff + pension;
  const reception = Math.round(publicCost * 0.1);
  const cars = c(3);

  let out = `${spec.name}${spec.year}年部门预算公开\n\n`;
  // 收支总表
  const classes = classNames.map((code) => {
    const amount = sum(
      items.filter((i) => i.code.startsWith(code)),
      total,
    );
    return { name: functionalClassName(code, spec.year)!, amount };
  });
  out += tableHead(
    spec,
    '部门预算收支总表',
    [
      ['序号', '收入', '支出'],
      ['', '项  目', '预算数', '项  目', '预算数'],
    ],
    4,
  );
  const incomeItems = [
    '一般公共预算拨款收入',
    '政府性基金预算拨款收入',
    '国有资本经营预算拨款收入',
    '财政专户管理资金收入',
    '单位资金',
  ];
  classes.forEach((cls, i) => {
    const inc = incomeItems[i];
    out += `\n${row([i + 1, inc ? `${numeral(i + 1)}、${inc}` : '', inc ? blank(i === 0 ? all : 0) : '', `${numeral(i + 1)}、${cls.name}`, blank(cls.amount)])}`;
  });
  const n = classes.length;
  out += `\n${row([n + 1, '本年收入合计', money(all), '本年支出合计', money(all)])}`;
  out += `\n${row([n + 2, '上年结转结余', '', '年终结转结余', ''])}`;
  out += `\n${row([n + 3, '收入总计', money(all), '支出总计', money(all)])}\n`;

  // 收入总表
  out += tableHead(
    spec,
    '部门预算收入总表',
    [
      ['序号', '功能分类科目', '合计', '本年收入', '上年结转'],
      [
        '',
        '科目编码',
        '科目名称',
        '',
        '小计',
        '财政拨款收入',
        '财政专户收入',
        '事业收入',
        '经营收入',
        '上级补助收入',
        '附属单位上缴收入',
        '其他收入',
      ],
    ],
    12,
  );
  const incomeRow = (seq: number, code: string, name: string, amount: number) =>
    `\n${row([seq, code, name, money(amount), money(amount), money(amount), '', '', '', '', '', '', ''])}`;
  out += incomeRow(1, '', '合计', all);
  coded.forEach((i, k) => {
    out += incomeRow(k + 2, i.code, i.name, total(i));
  });
  // 支出总表
  out += `\n${tableHead(
    spec,
    '部门预算支出总表',
    [
      [
        '序号',
        '功能分类科目',
        '合计',
        '基本支出',
        '项目支出',
        '经营支出',
        '上解上级支出',
        '对附属单位补助支出',
      ],
      ['', '科目编码', '科目名称'],
    ],
    9,
  )}`;
  const spendRow = (
    seq: number,
    code: string,
    name: string,
    i: { basic: number; project: number },
    extra = 3,
  ) =>
    `\n${row([seq, code, name, money(i.basic + i.project), blank(i.basic), blank(i.project), ...Array(extra).fill('')])}`;
  out += spendRow(1, '', '合计', { basic, project });
  coded.forEach((i, k) => {
    out += spendRow(k + 2, i.code, i.name, printed(i));
  });
  // Only the 支出总表 carries the 'parent-off' slip.
  // 财政拨款收支总表
  out += `\n${tableHead(
    spec,
    '部门预算财政拨款收支总表',
    [
      ['序号', '收入', '支出'],
      [
        '',
        '项  目',
        '金额',
        '项  目',
        '合计',
        '一般公共预算财政拨款',
        '政府性基金预算财政拨款',
        '国有资本经营预算财政拨款',
      ],
    ],
    7,
  )}`;
  const fiscalIncome = ['一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款'];
  classes.forEach((cls, i) => {
    const inc = fiscalIncome[i];
    out += `\n${row([i + 1, inc ? `${numeral(i + 1)}、${inc}` : '', inc ? blank(i === 0 ? all : 0) : '', `${numeral(i + 1)}、${cls.name}`, blank(cls.amount), blank(cls.amount), '', ''])}`;
  });
  out += `\n${row([n + 1, '本年收入合计', money(all), '本年支出合计', money(all), money(all), '', ''])}`;
  out += `\n${row([n + 2, '收入总计', money(all), '支出总计', money(all), money(all), '', ''])}\n`;
  // 一般公共预算财政拨款支出表
  out += tableHead(
    spec,
    '部门预算一般公共预算财政拨款支出表',
    [
      ['序号', '功能分类科目', '合计', '基本支出', '项目支出'],
      ['', '科目编码', '科目名称'],
    ],
    6,
  );
  out += spendRow(1, '', '合计', { basic, project }, 0);
  coded.forEach((i, k) => {
    out += spendRow(k + 2, i.code, i.name, i, 0);
  });
  // 基本支出表
  out += `\n${tableHead(
    spec,
    '部门预算一般公共预算财政拨款基本支出表',
    [
      ['序号', '部门预算支出经济分类科目', '合计', '人员经费', '公用经费'],
      ['', '科目编码', '科目名称'],
    ],
    6,
  )}`;
  out += `\n${row([1, '', '合计', money(basic), money(personnel), money(publicCost)])}`;
  economic.forEach((e, k) => {
    out += `\n${row([k + 2, e.code, e.name, money(e.personnel + e.public), blank(e.personnel), blank(e.public)])}`;
  });
  // Empty fund tables, with their notes.
  for (const [title, fund] of [
    ['部门预算政府性基金预算财政拨款支出表', '政府性基金预算财政拨款预算'],
    ['部门预算国有资本经营预算财政拨款支出表', '国有资本经营预算财政拨款预算'],
  ] as const) {
    out += `\n${tableHead(
      spec,
      title,
      [
        ['序号', '功能分类科目', '合计', '基本支出', '项目支出'],
        ['', '科目编码', '科目名称'],
      ],
      6,
    )}`;
    out += `\n${row([1, '', '合计', '', '', ''])}\n注：无${fund}，空表列示。\n`;
  }
  // 三公
  const threePublic = cars + reception;
  out += `\n${tableHead(spec, '部门预算财政拨款“三公”经费支出表', [['序号', '项  目', '合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款']], 5)}`;
  const tp = (seq: number, name: string, amount: number) =>
    `\n${row([seq, name, blank(amount), blank(amount), '', ''])}`;
  out +=
    tp(1, '“三公”经费小计', threePublic) +
    tp(2, '一、因公出国（境）费', 0) +
    tp(3, '二、公务用车购置及运维费', cars);
  out +=
    tp(4, '其中：公务用车购置费', 0) + tp(5, '公务用车运行维护费', cars) + tp(6, '三、公务接待费', reception);
  if (spec.mistakes.includes('empty-note')) out += '\n注：无财政拨款“三公”经费预算，空表列示。\n';
  // 采购 and 资产
  out += `\n${tableHead(spec, '部门政府采购预算表', [['序号', '采购项目', '预算资金']], 2)}\n注：无政府采购预算，空表列示。\n`;
  out += `\n部门固定资产占用情况表\n${row([`${spec.code}${spec.name}`, `截止时间：${spec.year - 1}-12-31`, '单位：万元'])}\n${row(['项目', '数量', '价值'])}\n${row(['资产总额', '', money(c(60))])}\n${row(['车辆', '1', money(c(20))])}\n`;

  // 情况说明
  const projects = [
    {
      name: '招商引资工作经费',
      amount: sum(
        items.filter((i) => i.code === '2011308'),
        total,
      ),
    },
    {
      name: '商贸流通专项经费',
      amount: sum(
        items.filter((i) => i.code === '2011399'),
        total,
      ),
    },
  ];
  const statedProject = spec.mistakes.includes('text-project') ? project - c(10) : project;
  out += `\n第一部分  ${spec.name}${spec.year}年部门预算信息公开情况说明\n`;
  out += `一、部门职责及机构设置情况\n负责本地区商务发展规划的组织实施和招商引资工作。\n`;
  out += `二、部门预算安排的总体情况\n1、收入说明\n${spec.year}年预算收入${money(all)}万元，其中：一般公共预算收入${money(all)}万元，政府性基金预算收入0.00万元，国有资本经营预算收入0.00万元，财政专户核拨收入0.00万元，单位资金收入0.00万元，上年结转结余0.00万元。\n`;
  out += `2、支出说明\n${spec.year}年支出预算${money(all)}万元，其中基本支出${money(basic)}万元，包括人员经费${money(personnel)}万元和日常公用经费${money(publicCost)}万元；项目支出${money(statedProject)}万元，主要为${projects.map((p) => `${p.name}${money(p.amount)}万元`).join('、')}。\n`;
  if (spec.previousScale !== undefined) {
    const before = itemsAt(spec.previousScale).reduce((s, i) => s + total(i), 0);
    const change = all - before + (spec.mistakes.includes('change-wrong') ? 1000 : 0);
    out += `3、比上年增减情况\n${spec.year}年预算收支安排${money(all)}万元，较${spec.year - 1}年预算${change >= 0 ? '增加' : '减少'}${money(Math.abs(change))}万元。\n`;
  }
  out += `三、机关运行经费安排情况\n${spec.year}年，我部门机关运行经费共计安排${money(publicCost)}万元，主要用于日常办公、差旅和公务接待等日常运行支出。\n`;
  out += `四、财政拨款“三公”经费预算情况及增减变化原因\n${spec.year}年，我部门财政拨款“三公”经费预算安排${money(threePublic)}万元，其中因公出国（境）费0.00万元；公务用车购置及运维费${money(cars)}万元（其中：公务用车购置费为0.00万元，公务用车运维费${money(cars)}万元）；公务接待费${money(reception)}万元。\n`;
  out += `五、部门整体绩效目标\n（一）总体绩效目标\n完成年度招商引资和商贸流通工作任务。\n（二）分项绩效目标\n1、招商引资经费绩效目标\n引进项目不少于10个。\n（三）工作保障措施\n加强预算执行监控。\n`;
  out += `六、部门主管专项资金预算安排情况及绩效目标\n本部门无主管专项资金。\n七、部门项目预算安排情况及绩效目标\n`;
  projects.forEach((p, i) => {
    const short = spec.mistakes.includes('plan-short') && i === 1;
    const plan = short ? [25, 50, 75, 90] : [25, 50, 75, 100];
    out += `${i + 1}、${p.name}绩效目标表\n${row(['单位：万元'])}\n${row(['项目编码', `130225${String(spec.year).slice(2)}P00DEMO${spec.code}${String(i + 1).padStart(3, '0')}`.slice(0, 21), '项目名称', p.name])}\n`;
    out += `${row(['预算规模及资金用途', '预算数', money(p.amount), '其中：财政资金', money(p.amount), '其他资金', ''])}\n${row(['', `用于${p.name}`])}\n`;
    out += `${row(['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'])}\n${row(['', ...plan.map((v) => `${v}%`)])}\n${row(['绩效目标', `1.完成${p.name}年度任务`])}\n`;
    out += `${row(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'])}\n`;
    out += `${row(['产出指标', '数量指标', '完成项目数', '完成项目数', '≥10个', '年度工作计划'])}\n`;
    out += `${row(['', '成本指标', '项目成本', '项目成本', `≤${money(p.amount)}万元`, '预算批复'])}\n`;
    out += `${row(['效益指标', '经济效益指标', '带动投资', '带动投资', '≥5000万元', '年度工作计划'])}\n`;
    if (!(spec.mistakes.includes('no-satisfaction') && i === 0))
      out += `${row(['满意度指标', '服务对象满意度指标', '企业满意度', '企业满意度', '≥90%', '满意度调查'])}\n`;
  });
  out += `八、政府采购预算情况\n本部门无政府采购预算。\n九、国有资产信息\n本部门占用车辆1辆。\n十、名词解释\n基本支出：保障机构正常运转的支出。\n十一、其他需要说明的事项\n无。\n`;
  return out;
}

const departments = [
  { code: '401', name: '示范县商务局' },
  { code: '402', name: '示范县发展和改革局' },
  { code: '403', name: '示范县市场监督管理局' },
  { code: '404', name: '示范县文化广电和旅游局' },
];

const mistakesByDepartment: Mistake[][] = [
  ['parent-off'],
  ['text-project', 'plan-short'],
  ['change-wrong'],
  ['no-satisfaction', 'empty-note'],
];

const scaleOf = (department: number, yearIndex: number, variant: number) =>
  1 + department * 0.37 + yearIndex * 0.08 + variant * 0.001;

/** The demo set: four departments × three years, `variant` shifting the figures for bulk benchmarks. */
export function demoDocuments(variant = 0): { name: string; text: string }[] {
  return departments.flatMap((d, i) =>
    [2023, 2024, 2025].map((year, y) => ({
      name: `demo-${d.code}-${year}${variant ? `-${variant}` : ''}.txt`,
      text: demoDisclosure({
        code: d.code,
        name: variant ? `${d.name}第${variant}分局` : d.name,
        year,
        scale: scaleOf(i, y, variant),
        ...(y > 0 ? { previousScale: scaleOf(i, y - 1, variant) } : {}),
        mistakes: year === 2025 ? mistakesByDepartment[i]! : [],
      }),
    })),
  );
}

/**
 * A department (405) and its two units' own disclosures (405001, 405002) for 2025. The units' figures are
 * scaled by whole numbers that add up to the department's, except that unit 002's are planted a little
 * high: the department's totals then fall short of its units' sum (department-units-total).
 */
export function demoUnitDocuments(): { name: string; text: string }[] {
  const year = 2025;
  const disclosure = (code: string, name: string, scale: number) => ({
    name: `demo-${code}-${year}.txt`,
    text: demoDisclosure({ code, name, year, scale, mistakes: [] }),
  });
  return [
    disclosure('405', '示范县教育局', 3),
    disclosure('405001', '示范县教育局本级', 1),
    disclosure('405002', '示范县教育服务中心', 2.1),
  ];
}
