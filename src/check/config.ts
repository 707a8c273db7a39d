// yusuan.config.json: { "profile"?: name, "rules"?: { "<rule id>": "off" | "error" | "warning" | "info" } }.
import type { CheckConfig } from './engine.ts';
import { profileNames } from './profiles.ts';
import { rules } from './rules/index.ts';

/** Validates a parsed configuration; the error names the file and the offending entry. */
export function readConfig(text: string, file: string): CheckConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}：不是合法的 JSON（${e instanceof Error ? e.message : String(e)}）`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${file}：应为一个 JSON 对象`);
  const { profile, rules: settings, ...rest } = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length > 0)
    throw new Error(`${file}：未知配置项 ${unknownKeys.join('、')}（可用：profile、rules）`);
  const config: CheckConfig = {};
  if (profile !== undefined) {
    if (typeof profile !== 'string' || !(profileNames as string[]).includes(profile))
      throw new Error(`${file}：profile "${String(profile)}" 无效，可选值：${profileNames.join('、')}`);
    config.profile = profile as CheckConfig['profile'];
  }
  if (settings !== undefined) {
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
      throw new Error(`${file}：rules 应为对象，如 { "code-name": "off" }`);
    const ids = new Set(rules.map((r) => r.meta.id));
    const out: NonNullable<CheckConfig['rules']> = {};
    for (const [id, value] of Object.entries(settings)) {
      if (!ids.has(id)) throw new Error(`${file}：没有名为 ${id} 的规则（规则列表见 docs/rules.md）`);
      if (value !== 'off' && value !== 'error' && value !== 'warning' && value !== 'info')
        throw new Error(
          `${file}：规则 ${id} 的取值 "${String(value)}" 无效，可选值：off、error、warning、info`,
        );
      out[id] = value;
    }
    config.rules = out;
  }
  return config;
}
