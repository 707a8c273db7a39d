// PDF reader (pdfjs-dist): positioned text → lines → cells. Not written yet.
import { type Layout, ReadError } from './layout.ts';

export async function readPdf(_bytes: Uint8Array, file: string): Promise<Layout> {
  throw new ReadError(file, 'unsupported', `${file}：暂不支持直接读取 PDF，请先用 pdftotext 提取文本`);
}
