// The Document as JSON: one file → the document itself; several → [{ file, document }, …].
import type { Document } from '../model/document.ts';

export interface FileDocument {
  file: string;
  document: Document;
}

export function toJson(entries: FileDocument[]): string {
  const value = entries.length === 1 ? entries[0]!.document : entries;
  return `${JSON.stringify(value, null, 2)}\n`;
}
