// Where the signals of a document's identity disagree (issue 19, item 2): the kind its table titles give
// against its cover, a 预算 table that prints 决算数 columns, and the department its table headers name
// against the one its titles name. Each disagreement is a recognition problem (`identity-*`), which the
// identity-signals rule reports, so that a reviewer sees which reading was chosen and why it is in doubt.
import type { Document, RecognitionProblem } from '../model/document.ts';
import { compact } from '../model/text.ts';

/** The kind the cover (its first lines) names: X年度部门决算, X年部门预算. */
function coverKind(head: string): 'budget' | 'final' | undefined {
  // Not a budget the text sets the year's spending against (与2021年度预算相比).
  const budget = /(?<![与比较])\d{4}年度?(?:部门|单位)?预算(?!执行|相比|对比)/.test(head);
  const final = /\d{4}年度?(?:部门|单位)?决算/.test(head);
  return budget === final ? undefined : final ? 'final' : 'budget';
}

const kindWord = { budget: '预算', final: '决算' } as const;

export function identityConflicts(
  doc: Document,
  head: string,
  named: { header?: string; title?: string },
): RecognitionProblem[] {
  const problems: RecognitionProblem[] = [];
  const tables = Object.values(doc.tables).filter((t) => t !== undefined);
  const finalTitled = tables.filter((t) => /决算/.test(t.title));
  const budgetTitled = tables.filter((t) => /预算/.test(t.title) && !/决算/.test(t.title));
  if (finalTitled.length > 0 && budgetTitled.length > 0)
    problems.push({
      code: 'identity-kind',
      message: `表格标题既有决算表（${finalTitled[0]!.title}等 ${finalTitled.length} 张）又有预算表（${budgetTitled[0]!.title}等 ${budgetTitled.length} 张），已按${kindWord[doc.kind === 'final' ? 'final' : 'budget']}识别，请核实文件类型`,
      source: budgetTitled[0]!.source,
    });
  const cover = coverKind(head);
  if (cover && doc.kind !== 'performance' && tables.length > 0 && cover !== doc.kind)
    problems.push({
      code: 'identity-kind',
      message: `封面写的是${kindWord[cover]}，表格却是${kindWord[doc.kind]}表，已按表格识别为${kindWord[doc.kind]}，请核实文件类型`,
    });
  if (doc.kind === 'budget')
    for (const t of budgetTitled.filter((x) => x.columns.some((c) => /决算数/.test(c))))
      problems.push({
        code: 'identity-kind',
        message: `预算表“${t.title}”列有决算数（${t.columns.filter((c) => /决算数/.test(c)).join('、')}），请核实是否为决算表`,
        source: t.source,
      });
  const { header, title } = named;
  if (
    header &&
    title &&
    !compact(header).includes(compact(title)) &&
    !compact(title).includes(compact(header))
  )
    problems.push({
      code: 'identity-department',
      message: `表头的编制部门“${header}”与标题中的部门“${title}”不同，已按表头识别，请核实`,
    });
  return problems;
}
