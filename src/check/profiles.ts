// Which tables and sections a document must contain depends on its kind and region: a profile.
import { budgetTableKeys, type Document } from '../model/document.ts';
import type { Profile, ProfileName } from './types.ts';

const nationalTables: Profile['requiredTables'] = [
  'summary',
  'income',
  'expenditure',
  'fiscal-summary',
  'general-expenditure',
  'general-basic',
  'fund-expenditure',
  'capital-expenditure',
  'three-public',
];

const nationalSections: Profile['requiredSections'] = [
  { name: '部门职责及机构设置', keywords: ['部门职责', '机构设置'] },
  { name: '部门预算安排的总体情况', keywords: ['总体情况'] },
  { name: '机关运行经费', keywords: ['机关运行经费'] },
  { name: '"三公"经费', keywords: ['三公'] },
  { name: '政府采购', keywords: ['政府采购'] },
  { name: '国有资产', keywords: ['国有资产'] },
  { name: '名词解释', keywords: ['名词解释'] },
];

export const profiles: Record<ProfileName, Profile> = {
  'national-budget': {
    name: 'national-budget',
    title: '全国通用部门预算',
    requiredTables: nationalTables,
    requiredSections: nationalSections,
  },
  'hebei-county-budget': {
    name: 'hebei-county-budget',
    title: '河北省县区部门预算',
    requiredTables: [...nationalTables, 'procurement', 'assets'],
    requiredSections: [
      ...nationalSections,
      { name: '部门整体绩效目标', keywords: ['整体绩效'] },
      { name: '项目预算安排及绩效目标', keywords: ['项目预算'] },
      { name: '其他需要说明的事项', keywords: ['其他需要说明'] },
    ],
  },
  // Shanghai prints nine tables (三公 together with 机关运行经费; no 采购 or 资产 tables) and explains
  // them in parts under page titles (三公, 机关运行经费, 政府采购 … are numbered items of 其他相关情况说明).
  'shanghai-budget': {
    name: 'shanghai-budget',
    title: '上海市部门预算',
    requiredTables: nationalTables,
    requiredSections: [
      { name: '主要职能', keywords: ['主要职能'] },
      { name: '机构设置', keywords: ['机构设置'] },
      { name: '名词解释', keywords: ['名词解释'] },
      { name: '部门预算编制说明', keywords: ['编制说明'] },
      { name: '其他相关情况说明', keywords: ['其他相关情况说明'] },
    ],
  },
  // Jiangsu's provincial budgets (2017–2019) print twelve tables: the national set but 国有资本经营 (no such
  // budget for these departments), with 财政拨款支出/基本支出 and 机关运行经费 tables added.
  'jiangsu-budget': {
    name: 'jiangsu-budget',
    title: '江苏省部门预算',
    requiredTables: nationalTables.filter((key) => key !== 'capital-expenditure'),
    requiredSections: nationalSections,
  },
  performance: {
    name: 'performance',
    title: '部门预算绩效目标文本',
    requiredTables: [],
    requiredSections: [
      { name: '总体绩效目标', keywords: ['总体绩效目标', '总体目标'] },
      { name: '分项绩效目标', keywords: ['分项绩效目标', '分项目标'] },
      { name: '工作保障措施', keywords: ['保障措施'] },
    ],
  },
  final: {
    name: 'final',
    title: '部门决算',
    requiredTables: budgetTableKeys.filter((key) => key.startsWith('final-')),
    requiredSections: [],
  },
};

export const profileNames = Object.keys(profiles) as ProfileName[];

/**
 * Performance texts, final accounts, Shanghai budgets (the department is 上海市…), Hebei budgets (project
 * codes begin with 13, Hebei's region code), or the national default.
 */
export function chooseProfile(doc: Document): Profile {
  if (doc.kind === 'performance') return profiles.performance;
  if (doc.kind === 'final') return profiles.final;
  if (/^上海市/.test(doc.department.name)) return profiles['shanghai-budget'];
  if (/^江苏省/.test(doc.department.name) && doc.kind === 'budget') return profiles['jiangsu-budget'];
  if (doc.projects.length > 0 && doc.projects.every((p) => p.code.startsWith('13')))
    return profiles['hebei-county-budget'];
  return profiles['national-budget'];
}
