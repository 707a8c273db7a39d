// Where the document page points for a finding on the 情况说明: the sentence that states the amount, not the
// whole section; a finding on the section itself (its numbering) points at the section.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import type { Document } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { sectionId, sentencesOf, targetOf } from '../web/src/targets.ts';
import { parseSeed, seedFiles } from './helpers.ts';

const sentenceAt = (doc: Document, id: string | undefined) => {
  const m = /^s-(\d+)-q(\d+)$/.exec(id ?? '');
  return m ? sentencesOf(doc.sections[Number(m[1])]!.text)[Number(m[2])] : undefined;
};
const digits = (s: string | undefined) => (s ?? '').replace(/[,\s]/g, '');

describe('narrative findings point at their sentence', () => {
  it('cuts every section into sentences that together are its text', () => {
    for (const file of seedFiles)
      for (const section of parseSeed(file).sections) {
        const sentences = sentencesOf(section.text);
        expect(sentences.join('')).toBe(section.text);
        if (/。.*\S.*。/s.test(section.text)) expect(sentences.length).toBeGreaterThan(1);
      }
  });

  it('a stated amount that differs from the tables: the sentence stating it', () => {
    const doc = parseSeed('000');
    const findings = checkDocument(doc);
    const project = findings.find((f) => f.rule === 'text-amount' && f.message.includes('项目支出'));
    expect(project).toBeDefined();
    const sentence = sentenceAt(doc, targetOf(doc, project!)?.id);
    expect(sentence).toMatch(/^\s*项目支出 1270 万元/);
    // Not the income sentence that prints the same figure (上年结转结余 1270.00 万元).
    expect(sentence).not.toContain('上年结转');
    const compared = findings.find((f) => f.rule === 'text-compared-year');
    expect(digits(sentenceAt(doc, targetOf(doc, compared!)?.id))).toContain('较2023年预算增加659.12万元');
  });

  it('a share in a PDF final account: the sentence with the share', async () => {
    const file = fileURLToPath(
      new URL('../../shared/samples/pdf/putuo-finance-bureau-2024-final-accounts.pdf', import.meta.url),
    );
    const doc = await parseDocument(new Uint8Array(readFileSync(file)), 'final.pdf');
    const share = checkDocument(doc).find((f) => f.rule === 'text-share');
    expect(share).toBeDefined();
    const sentence = sentenceAt(doc, targetOf(doc, share!)?.id);
    expect(digits(sentence)).toContain('2106.66万元，占71.73%');
    expect(sentence!.length).toBeLessThan(300);
  });

  it('a finding on the section itself points at the section', () => {
    const doc = parseSeed('004');
    const numbering = checkDocument(doc).filter((f) => f.rule === 'section-numbering');
    expect(numbering.length).toBeGreaterThan(0);
    for (const f of numbering) expect(targetOf(doc, f)?.id).toMatch(/^s-\d+$/);
    expect(sectionId(3)).toBe('s-3');
  });
});
