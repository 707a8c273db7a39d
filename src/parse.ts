// The front of the pipeline: bytes of a file → Document.
import type { Document } from './model/document.ts';
import { readText } from './read/text.ts';
import { recognise } from './recognise/index.ts';

export function parseText(bytes: Uint8Array, file: string): Document {
  return recognise(readText(bytes, file));
}
