// The classification code table shipped with yusuan (政府收支分类科目), versioned by budget year.
// It covers every functional 类 and every 类/款 of the department economic classification
// (部门预算支出经济分类科目). Functional 款/项 are not listed: they are checked for format only.

/** A name valid from `from` (a budget year) until the next entry for the same code. */
interface Version {
  from: number;
  name: string;
}

const functionalClasses: Record<string, Version[]> = {
  '201': [{ from: 2007, name: '一般公共服务支出' }],
  '202': [{ from: 2007, name: '外交支出' }],
  '203': [{ from: 2007, name: '国防支出' }],
  '204': [{ from: 2007, name: '公共安全支出' }],
  '205': [{ from: 2007, name: '教育支出' }],
  '206': [{ from: 2007, name: '科学技术支出' }],
  '207': [
    { from: 2007, name: '文化体育与传媒支出' },
    { from: 2019, name: '文化旅游体育与传媒支出' },
  ],
  '208': [{ from: 2007, name: '社会保障和就业支出' }],
  '209': [{ from: 2007, name: '社会保险基金支出' }],
  '210': [
    { from: 2007, name: '医疗卫生与计划生育支出' },
    { from: 2019, name: '卫生健康支出' },
  ],
  '211': [{ from: 2007, name: '节能环保支出' }],
  '212': [{ from: 2007, name: '城乡社区支出' }],
  '213': [{ from: 2007, name: '农林水支出' }],
  '214': [{ from: 2007, name: '交通运输支出' }],
  '215': [{ from: 2007, name: '资源勘探工业信息等支出' }],
  '216': [{ from: 2007, name: '商业服务业等支出' }],
  '217': [{ from: 2007, name: '金融支出' }],
  '219': [{ from: 2007, name: '援助其他地区支出' }],
  '220': [{ from: 2007, name: '自然资源海洋气象等支出' }],
  '221': [{ from: 2007, name: '住房保障支出' }],
  '222': [{ from: 2007, name: '粮油物资储备支出' }],
  '223': [{ from: 2007, name: '国有资本经营预算支出' }],
  '224': [{ from: 2019, name: '灾害防治及应急管理支出' }],
  '227': [{ from: 2007, name: '预备费' }],
  '229': [{ from: 2007, name: '其他支出' }],
  '230': [{ from: 2007, name: '转移性支出' }],
  '231': [{ from: 2007, name: '债务还本支出' }],
  '232': [{ from: 2007, name: '债务付息支出' }],
  '233': [{ from: 2007, name: '债务发行费用支出' }],
  '234': [{ from: 2020, name: '抗疫特别国债安排的支出' }],
};

const economic: Record<string, string> = {
  '301': '工资福利支出',
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30103': '奖金',
  '30106': '伙食补助费',
  '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30109': '职业年金缴费',
  '30110': '职工基本医疗保险缴费',
  '30111': '公务员医疗补助缴费',
  '30112': '其他社会保障缴费',
  '30113': '住房公积金',
  '30114': '医疗费',
  '30199': '其他工资福利支出',
  '302': '商品和服务支出',
  '30201': '办公费',
  '30202': '印刷费',
  '30203': '咨询费',
  '30204': '手续费',
  '30205': '水费',
  '30206': '电费',
  '30207': '邮电费',
  '30208': '取暖费',
  '30209': '物业管理费',
  '30211': '差旅费',
  '30212': '因公出国（境）费用',
  '30213': '维修（护）费',
  '30214': '租赁费',
  '30215': '会议费',
  '30216': '培训费',
  '30217': '公务接待费',
  '30218': '专用材料费',
  '30224': '被装购置费',
  '30225': '专用燃料费',
  '30226': '劳务费',
  '30227': '委托业务费',
  '30228': '工会经费',
  '30229': '福利费',
  '30231': '公务用车运行维护费',
  '30239': '其他交通费用',
  '30240': '税金及附加费用',
  '30299': '其他商品和服务支出',
  '303': '对个人和家庭的补助',
  '30301': '离休费',
  '30302': '退休费',
  '30303': '退职（役）费',
  '30304': '抚恤金',
  '30305': '生活补助',
  '30306': '救济费',
  '30307': '医疗费补助',
  '30308': '助学金',
  '30309': '奖励金',
  '30310': '个人农业生产补贴',
  '30311': '代缴社会保险费',
  '30399': '其他对个人和家庭的补助',
  '307': '债务利息及费用支出',
  '30701': '国内债务付息',
  '30702': '国外债务付息',
  '30703': '国内债务发行费用',
  '30704': '国外债务发行费用',
  '309': '资本性支出（基本建设）',
  '30901': '房屋建筑物购建',
  '30902': '办公设备购置',
  '30903': '专用设备购置',
  '30905': '基础设施建设',
  '30906': '大型修缮',
  '30907': '信息网络及软件购置更新',
  '30908': '物资储备',
  '30913': '公务用车购置',
  '30919': '其他交通工具购置',
  '30921': '文物和陈列品购置',
  '30922': '无形资产购置',
  '30999': '其他基本建设支出',
  '310': '资本性支出',
  '31001': '房屋建筑物购建',
  '31002': '办公设备购置',
  '31003': '专用设备购置',
  '31005': '基础设施建设',
  '31006': '大型修缮',
  '31007': '信息网络及软件购置更新',
  '31008': '物资储备',
  '31009': '土地补偿',
  '31010': '安置补助',
  '31011': '地上附着物和青苗补偿',
  '31012': '拆迁补偿',
  '31013': '公务用车购置',
  '31019': '其他交通工具购置',
  '31021': '文物和陈列品购置',
  '31022': '无形资产购置',
  '31099': '其他资本性支出',
  '311': '对企业补助（基本建设）',
  '31101': '资本金注入',
  '31199': '其他对企业补助',
  '312': '对企业补助',
  '31201': '资本金注入',
  '31203': '政府投资基金股权投资',
  '31204': '费用补贴',
  '31205': '利息补贴',
  '31299': '其他对企业补助',
  '313': '对社会保障基金补助',
  '31302': '对社会保险基金补助',
  '31303': '补充全国社会保障基金',
  '31304': '对机关事业单位职业年金的补助',
  '399': '其他支出',
  '39906': '赠与',
  '39907': '国家赔偿费用支出',
  '39908': '对民间非营利组织和群众性自治组织补贴',
  '39909': '经常性赠与',
  '39910': '资本性赠与',
  '39999': '其他支出',
};

export const codeTableVersion = '2025';

/** Names compare without spaces and with either kind of bracket. */
function normalName(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

export function sameName(a: string, b: string): boolean {
  return normalName(a) === normalName(b);
}

const functionalClassByNormalName = new Map(
  Object.entries(functionalClasses).flatMap(([code, versions]) =>
    versions.map((v) => [normalName(v.name), code]),
  ),
);

/** The name of a functional 类 in a budget year; undefined when the code is not a known 类. */
export function functionalClassName(code: string, year: number | undefined): string | undefined {
  const versions = functionalClasses[code];
  if (!versions) return undefined;
  const y = year ?? Number.POSITIVE_INFINITY;
  return [...versions].reverse().find((v) => v.from <= y)?.name ?? versions[0]!.name;
}

/** The functional 类 a printed name stands for, in any year's naming. */
export function functionalClassByName(name: string): string | undefined {
  return functionalClassByNormalName.get(normalName(name));
}

/**
 * The economic classification before its 2018 reform (财预〔2017〕98号): 住房公积金 and 提租补贴 were 303 对个人和
 * 家庭的补助 (30311, 30312), and 30307 was 医疗费. Only the codes whose names differ are listed.
 */
const economicBefore2018: Record<string, string> = {
  '309': '基本建设支出',
  '310': '其他资本性支出',
  '30104': '其他社会保障缴费',
  '30307': '医疗费',
  '30310': '生产补贴',
  '30311': '住房公积金',
  '30312': '提租补贴',
  '30313': '购房补贴',
  '30314': '采暖补贴',
  '30315': '物业服务补贴',
};

/** The economic classification in force for a budget year (the current one when the year is unknown). */
function economicFor(year: number | undefined): Record<string, string> {
  return year !== undefined && year < 2018 ? { ...economic, ...economicBefore2018 } : economic;
}

export function economicName(code: string, year?: number): string | undefined {
  return economicFor(year)[code];
}

/** Is the name that of another code of the same classification? (a code printed with another's name) */
export function codeOfEconomicName(name: string, year?: number): string[] {
  return Object.entries(economicFor(year))
    .filter(([, n]) => sameName(n, name))
    .map(([c]) => c);
}
