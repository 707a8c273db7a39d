import { tablesInOrder } from '../../model/document.ts';
import { hasData } from '../tables.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const noteEmptyWithData: Rule = {
  meta: {
    id: 'note-empty-with-data',
    severity: 'error',
    title: '"空表"说明下的表格有数据',
    description: '表下注明"空表列示""无……预算"，表中却有不为零的数字：说明与数据矛盾，其中之一有误。',
    reason: '无数据的表格应空表列示并说明；有数据的表格不能注明为空表，否则公开信息自相矛盾。',
    example: '"三公"经费表注"无财政拨款"三公"经费支出表预算，空表列示"，表中公务接待费 7 万元。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const table of tablesInOrder(doc)) {
      if (!table.notesSayEmpty || !hasData(table)) continue;
      ctx.report({
        message: `${table.title}注明为空表（${table.notes.join('；')}），但表中有数据`,
        where: {
          table: table.key,
          ...lineOf(table.source),
        },
      });
    }
  },
};
