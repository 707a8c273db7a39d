import type { Document, TableKey } from '../../model/document.ts';
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
      // A title with nothing under it, no header nor rows, may be a list's entry rather than a table.
      if (table.confidence?.level === 'low') continue;
      const explained = explainedInText(doc, key);
      if (explained) {
        // The 情况说明 says so instead (江苏: 政府性基金支出预算支出 0 万元): explained, though not under the table.
        ctx.report({
          severity: 'info',
          message: `${table.title}没有数据，表下未注明，情况说明已说明：“${explained}”`,
          where: { table: key, line: table.source.line },
        });
        continue;
      }
      ctx.report({
        message: `${table.title}没有数据，也没有注明空表原因`,
        where: { table: key, line: table.source.line },
      });
    }
  },
};

/** What an empty table is about, as the text names it. */
const topics: Partial<Record<TableKey, string>> = {
  'fund-expenditure': '政府性基金',
  'capital-expenditure': '国有资本经营',
  'three-public': '三公',
  'final-fund': '政府性基金',
  'final-capital': '国有资本经营',
};

/** The clause of the 情况说明 that says the table's subject is nil (…政府性基金…0 万元, 无国有资本经营…). */
function explainedInText(doc: Document, key: TableKey): string | undefined {
  const topic = topics[key];
  if (!topic) return undefined;
  const nil = new RegExp(
    `[^。；]*(?:${topic}[^。；]{0,30}?(?<![\\d.])0(?:\\.0+)?\\s*万?元|(?:无|没有)[^。；，]{0,12}${topic})[^。；]*`,
  );
  for (const s of doc.sections) {
    const m = nil.exec(s.text.replace(/\s+/g, ''));
    if (m) return m[0];
  }
  return undefined;
}
