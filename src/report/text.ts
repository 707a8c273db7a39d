// Findings for the terminal: grouped by file, then by severity.
import { tablesInOrder } from '../model/document.ts';
import {
  type CheckedFile,
  countBySeverity,
  describeWhere,
  documentTitle,
  profileTitle,
  severities,
  severityNames,
} from './findings.ts';

export function toText(files: CheckedFile[]): string {
  const out: string[] = [];
  const total = { error: 0, warning: 0, info: 0 };
  for (const f of files) {
    const counts = countBySeverity(f.findings);
    for (const s of severities) total[s] += counts[s];
    out.push(`${f.file}　${documentTitle(f.document)}（规范：${profileTitle(f.profile)}）`);
    // Tables the recogniser is unsure of are named, so that a reviewer checks them against the original.
    for (const t of tablesInOrder(f.document).filter((x) => x.confidence?.level === 'low'))
      out.push(`  识别置信度低：${t.title}（${t.confidence!.reasons.join('；')}）`);
    if (f.findings.length === 0) out.push('  未发现问题');
    for (const s of severities) {
      const list = f.findings.filter((x) => x.severity === s);
      if (list.length === 0) continue;
      out.push(`  ${severityNames[s]}（${list.length}）`);
      for (const x of list) out.push(`    ${describeWhere(x)}　[${x.rule}]\n      ${x.message}`);
    }
    out.push('');
  }
  out.push(
    `共 ${files.length} 个文件：错误 ${total.error} 个，警告 ${total.warning} 个，提示 ${total.info} 个`,
  );
  return `${out.join('\n')}\n`;
}
