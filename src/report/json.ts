// check --format json, exactly as architecture.md fixes it.
import { tablesInOrder } from '../model/document.ts';
import type { CheckedFile } from './findings.ts';

export function toFindingsJson(files: CheckedFile[]): string {
  const body = {
    files: files.map((f) => ({
      file: f.file,
      document: {
        kind: f.document.kind,
        department: f.document.department.name,
        year: f.document.year ?? null,
        unit: f.document.unit,
      },
      // The tables read, in printed order, with how sure the recogniser is of each and why.
      tables: tablesInOrder(f.document).map((t) => ({
        key: t.key,
        title: t.title,
        rows: t.rows.length,
        confidence: t.confidence?.level ?? null,
        reasons: t.confidence?.reasons ?? [],
      })),
      findings: f.findings,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
