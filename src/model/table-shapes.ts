// The shape of each kind of table (domain.md §2): how its rows are keyed, the amount columns the national
// layout prints, and which of them are sums of others. The recogniser reads tables by these shapes (with
// the titles of recognise/catalogue.ts), and the template writes blank tables in them. Final-account
// tables are read by position: their columns are as printed.
import type { TableKey } from './document.ts';

export interface TableShape {
  /** How a row is keyed: by classification code, by name only, or two sides (income | expenditure). */
  rows: 'coded' | 'named' | 'two-sided';
  columns: string[];
  incomeColumns?: string[];
  /** [total, parts]: column `total` = sum of columns `parts`. */
  identities: [number, number[]][];
}

const finalTable = (rows: TableShape['rows']): TableShape => ({ rows, columns: [], identities: [] });

/** The three 财政拨款支出表 (一般公共预算, 政府性基金, 国有资本经营) share one shape. */
const fundExpenditure: TableShape = {
  rows: 'coded',
  columns: ['合计', '基本支出', '项目支出'],
  identities: [[0, [1, 2]]],
};

export const tableShapes: Record<TableKey, TableShape> = {
  'final-summary': finalTable('two-sided'),
  'final-fiscal-summary': finalTable('two-sided'),
  'final-income': finalTable('coded'),
  'final-expenditure': finalTable('coded'),
  'final-general-expenditure': finalTable('coded'),
  'final-general-basic': finalTable('coded'),
  'final-three-public': finalTable('named'),
  'final-fund': finalTable('coded'),
  'final-capital': finalTable('coded'),
  summary: { rows: 'two-sided', incomeColumns: ['预算数'], columns: ['预算数'], identities: [] },
  income: {
    rows: 'coded',
    columns: [
      '合计',
      '小计',
      '财政拨款收入',
      '财政专户收入',
      '事业收入',
      '经营收入',
      '上级补助收入',
      '附属单位上缴收入',
      '其他收入',
      '上年结转',
    ],
    identities: [
      [0, [1, 9]],
      [1, [2, 3, 4, 5, 6, 7, 8]],
    ],
  },
  expenditure: {
    rows: 'coded',
    columns: ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
    identities: [[0, [1, 2, 3, 4, 5]]],
  },
  'fiscal-summary': {
    rows: 'two-sided',
    incomeColumns: ['金额'],
    columns: ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    identities: [[0, [1, 2, 3]]],
  },
  'general-expenditure': fundExpenditure,
  'general-basic': { rows: 'coded', columns: ['合计', '人员经费', '公用经费'], identities: [[0, [1, 2]]] },
  'fund-expenditure': fundExpenditure,
  'capital-expenditure': fundExpenditure,
  'three-public': {
    rows: 'named',
    columns: ['合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'],
    identities: [[0, [1, 2, 3]]],
  },
  procurement: {
    rows: 'named',
    columns: [
      '预算资金',
      '数量',
      '单价',
      '合计',
      '一般公共预算拨款',
      '基金预算拨款',
      '国有资本经营预算拨款',
      '财政专户核拨',
      '单位资金',
      '上年结转结余',
      '预留中小微企业份额',
    ],
    identities: [],
  },
  assets: { rows: 'named', columns: ['数量', '价值'], identities: [] },
  // Tables some regions add to the national set (Jiangsu): all 财政拨款 spending by function and its basic
  // spending by economic class, whatever the fund, and the 机关运行经费 by economic class.
  'fiscal-expenditure': fundExpenditure,
  'fiscal-basic': { rows: 'coded', columns: ['合计', '人员经费', '公用经费'], identities: [[0, [1, 2]]] },
  'operating-cost': { rows: 'coded', columns: ['合计'], identities: [] },
};
