// check --format json, exactly as architecture.md fixes it.
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
      // The contract's finding: the anchor (model indices, for the web app) and the table a comparison
      // rests on (for the engine) are not part of it.
      findings: f.findings.map(({ anchor: _anchor, ...finding }) => {
        const { against: _against, ...where } = finding.where;
        return { ...finding, where };
      }),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
