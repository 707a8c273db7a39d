// The rule catalogue as Markdown (docs/rules.md), generated from each rule's meta.

import { codeTableVersion } from '../model/codes.ts';
import { kindNames, severityNames } from '../model/names.ts';
import { profiles } from './profiles.ts';
import { rules } from './rules/index.ts';

export function rulesMarkdown(): string {
  const out: string[] = [
    '# 规则目录（yusuan check）',
    '',
    '<!-- 本文件由 `npm run rules-doc` 根据各规则的 meta 生成，请勿手工修改。 -->',
    '',
    `共 ${rules.length} 条规则。金额比较的容差：差额不超过 0.01（文件金额单位）视为四舍五入，记为"提示"；超过则按规则的级别报告。`,
    `科目名称核对使用随附的政府收支分类科目表（版本 ${codeTableVersion}，按预算年度区分更名）。`,
    '在 `yusuan.config.json` 中可关闭规则或改变其级别，例如 `{ "rules": { "code-name": "off", "project-indicator-value": "info" } }`。',
    '',
    '## 规范（profile）',
    '',
    '| 规范 | 名称 | 必须列示的表格 | 必须有的章节 |',
    '|---|---|---|---|',
    ...Object.values(profiles).map(
      (p) =>
        `| \`${p.name}\` | ${p.title} | ${p.requiredTables.join('、') || '—'} | ${p.requiredSections.map((s) => s.name).join('、') || '—'} |`,
    ),
    '',
    '## 规则一览',
    '',
    '| 规则 | 级别 | 名称 | 适用文件 |',
    '|---|---|---|---|',
    ...rules.map(
      ({ meta }) =>
        `| [\`${meta.id}\`](#${meta.id}) | ${severityNames[meta.severity]} | ${meta.title} | ${meta.kinds.map((k) => kindNames[k]).join('、')} |`,
    ),
    '',
  ];
  for (const { meta } of rules) {
    out.push(
      `## ${meta.id}`,
      '',
      `**${meta.title}** · 级别：${severityNames[meta.severity]} · 适用：${meta.kinds.map((k) => kindNames[k]).join('、')}${meta.profiles ? ` · 规范：${meta.profiles.join('、')}` : ''}`,
      '',
      `- 检查内容：${meta.description}`,
      `- 依据：${meta.reason}`,
      `- 示例：${meta.example}`,
      '',
    );
  }
  return out.join('\n');
}
