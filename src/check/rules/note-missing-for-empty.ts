import { hasData } from '../tables.ts';
import type { Rule } from '../types.ts';

export const noteMissingForEmpty: Rule = {
  meta: {
    id: 'note-missing-for-empty',
    severity: 'warning',
    title: '空表须加说明',
    description:
      '规定公开的表格没有数据时，仍须列示并在表下注明原因（如"无政府性基金预算财政拨款预算，空表列示"）。',
    reason: '《地方预决算公开操作规程》：没有数据的表格应当列示空表并说明。',
    example: '国有资本经营预算财政拨款支出表无数据，也无说明。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const key of ctx.profile.requiredTables) {
      const table = doc.tables[key];
      if (!table || hasData(table) || table.notes.length > 0) continue;
      ctx.report({
        message: `${table.title}没有数据，也没有注明空表原因`,
        where: { table: key, line: table.source.line },
      });
    }
  },
};
