// Runs the rules of a profile over a Document. Rules report; the engine names the rule, applies the
// configured severity, and orders the findings by where they stand in the document.
import type { Document } from '../model/document.ts';
import { withRowRoles } from '../model/roles.ts';
import { anchorOf } from './anchor.ts';
import { doubtsOf, ocrDoubtNote, restsOnDoubt } from './doubts.ts';
import { chooseProfile, profiles } from './profiles.ts';
import { rules } from './rules/index.ts';
import type { Finding, ProfileName, Rule, Severity } from './types.ts';

/** yusuan.config.json: switch a rule off or change its severity; pin a profile. */
export interface CheckConfig {
  profile?: ProfileName;
  rules?: Record<string, 'off' | Severity>;
  /** The same department's document of the year before (the store supplies it). */
  previous?: Document;
  /** The department's units' own documents of the same year (the store supplies them). */
  units?: Document[];
}

export function checkDocument(input: Document, config: CheckConfig = {}, ruleSet: Rule[] = rules): Finding[] {
  // The recogniser sets the rows' roles; a model built by hand (or read from an older file) gets them here.
  const doc = withRowRoles(input);
  const previous = config.previous && withRowRoles(config.previous);
  const units = config.units?.map(withRowRoles);
  const profile = config.profile ? profiles[config.profile] : chooseProfile(doc);
  const findings: Finding[] = [];
  const doubts = doubtsOf(doc);
  for (const rule of ruleSet) {
    const { meta } = rule;
    const setting = config.rules?.[meta.id];
    if (setting === 'off') continue;
    if (!meta.kinds.includes(doc.kind)) continue;
    if (meta.profiles && !meta.profiles.includes(profile.name)) continue;
    if (meta.needsHistory && !config.previous) continue;
    if (meta.needsUnits && !config.units?.length) continue;
    rule.check(doc, {
      profile,
      ...(previous ? { previous } : {}),
      ...(units?.length ? { units } : {}),
      report(r) {
        let severity = r.severity ?? meta.severity;
        // A configured severity replaces the rule's; rounding stays info.
        if (setting && severity !== 'info') severity = setting;
        let message = r.message;
        // A rule's finding on a table the recogniser read with low confidence (or compared with one) is no
        // problem of the document's: what looks wrong may be the reading. It stays listed, as info, with the
        // reasons, and the reports name the table for a reviewer to check against the original.
        const unsure = [r.where.table, r.where.against]
          .map((key) => (key ? doc.tables[key] : undefined))
          .find((table) => table?.confidence?.level === 'low');
        if (unsure && severity !== 'info') {
          severity = 'info';
          message += `（注：${unsure.title}识别置信度低——${unsure.confidence!.reasons.join('；')}——未作为问题报告，请对照原表核对）`;
        }
        const finding: Finding = {
          rule: meta.id,
          severity,
          message,
          where: r.where,
          anchor: r.anchor ?? anchorOf(doc, r),
        };
        if (r.expected !== undefined) finding.expected = r.expected;
        if (r.actual !== undefined) finding.actual = r.actual;
        // A discrepancy that an OCR misreading could explain is a warning, and says so.
        if (doubts.length > 0 && severity !== 'info' && restsOnDoubt(finding, doubts)) {
          if (finding.severity === 'error') finding.severity = 'warning';
          finding.message += ocrDoubtNote;
        }
        findings.push(finding);
      },
    });
  }
  return findings.sort(
    (a, b) => (a.where.line ?? Number.MAX_SAFE_INTEGER) - (b.where.line ?? Number.MAX_SAFE_INTEGER),
  );
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
