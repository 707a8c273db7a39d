// Whether a parsed file is a disclosure at all: a file in which nothing of one was recognised, or a blank
// template whose tables hold no amount, is not stored as a department's document.
import { type Document, tablesInOrder } from '../model/document.ts';

export type DisclosureVerdict =
  | { is: 'disclosure' }
  /** Standard tables without a single amount, and no amount in the text: a form still to be filled in. */
  | { is: 'template'; message: string }
  | { is: 'nothing'; message: string };

export function disclosureVerdict(doc: Document): DisclosureVerdict {
  const tables = tablesInOrder(doc);
  const amounts = tables.some((t) => t.rows.some((r) => r.amounts.some((a) => a !== null)));
  const content =
    amounts || doc.statedAmounts.length > 0 || doc.projects.length > 0 || doc.performance !== undefined;
  if (content) return { is: 'disclosure' };
  if (tables.length > 0)
    return {
      is: 'template',
      message: `这是空白的填报模板：识别出 ${tables.length} 张表，但所有金额均为空，情况说明中也没有金额，不能作为公开文本导入。填报后再上传；需要模板可用「yusuan template」生成。`,
    };
  const missing = [
    ...(doc.department.name ? [] : ['部门或单位名称']),
    '预算或决算表格（如收支总表）',
    '项目绩效目标表或绩效文本',
    '情况说明中的金额',
  ];
  return {
    is: 'nothing',
    message: `未识别出公开文本：文件中没有${missing.join('、')}。请确认上传的是部门预算、绩效目标或决算公开文本。`,
  };
}
