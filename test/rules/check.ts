// Runs one rule through the engine (so severities and the tolerance apply as in production) and
// describes the finding a test expects.
import { expect } from 'vitest';
import { type CheckConfig, checkDocument } from '../../src/check/engine.ts';
import type { Finding, Rule, Severity, Where } from '../../src/check/types.ts';
import type { Document } from '../../src/model/document.ts';

export function run(rule: Rule, doc: Document, config: CheckConfig = {}): Finding[] {
  return checkDocument(doc, config, [rule]);
}

/**
 * The finding a test expects: any message, exactly these where keys, expected/actual when given; its anchor
 * is any (the anchor tests check anchors).
 */
export function finding(
  rule: Rule,
  severity: Severity,
  where: Where,
  expected?: number,
  actual?: number,
): Finding {
  const f: Finding = {
    rule: rule.meta.id,
    severity,
    message: expect.any(String),
    where,
    anchor: expect.anything(),
  };
  if (expected !== undefined) f.expected = expected;
  if (actual !== undefined) f.actual = actual;
  return f;
}
