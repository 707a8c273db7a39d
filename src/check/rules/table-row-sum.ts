import { tablesInOrder } from '../../model/document.ts';
import { rowAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { at, columnIdentities, isPrinted, rowKey } from '../tables.ts';
import type { Rule } from '../types.ts';
import { rowLine } from '../where.ts';

export const tableRowSum: Rule = {
  meta: {
    id: 'table-row-sum',
    severity: 'error',
    title: '行内合计等于各分项之和',
    description:
      '每一行的合计列等于其分项列之和：收入总表 合计 = 本年收入小计 + 上年结转、小计 = 各收入来源；支出表 合计 = 基本支出 + 项目支出 + …；基本支出表 合计 = 人员经费 + 公用经费；财政拨款收支总表和"三公"经费表 合计 = 一般公共预算 + 政府性基金 + 国有资本经营。',
    reason:
      '表内勾稽关系是预算公开表格的基本要求（《地方预决算公开操作规程》）；合计与分项不符说明数字录入或汇总有误。',
    example: '基本支出表 302 行：合计 38.19，人员经费 0 + 公用经费 38.20 = 38.20。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const table of tablesInOrder(doc)) {
      const identities = columnIdentities(table);
      for (const row of table.rows) {
        if (row.side === 'income') continue;
        for (const [total, parts] of identities) {
          const printedParts = parts.filter((p) => isPrinted(row, p)).length;
          if (!isPrinted(row, total) && printedParts === 0) continue;
          // A total beside parts all empty is a reading to trust only from a table read with confidence (text
          // rebuilt from a flattened page may not have reached the parts' columns).
          if (printedParts === 0 && table.confidence && table.confidence.level !== 'high') continue;
          const expected = parts.reduce((s, p) => s + at(row, p), 0);
          compare(ctx, {
            expected,
            actual: at(row, total),
            parts: printedParts,
            unit: table.unit,
            what: `${table.title}「${rowKey(row)} ${row.code ? row.name : ''}」行的${table.columns[total]}不等于${parts.map((p) => table.columns[p]).join(' + ')}`,
            where: { table: table.key, row: rowKey(row), column: table.columns[total]!, ...rowLine(row) },
            anchor: rowAnchor(table, row, total),
          });
        }
      }
    }
  },
};
