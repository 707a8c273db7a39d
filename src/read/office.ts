// DOCX and XLSX reader (jszip + fast-xml-parser; exceljs for workbooks). Not written yet.
import { type Layout, ReadError } from './layout.ts';

export async function readOfficeFile(_bytes: Uint8Array, file: string): Promise<Layout> {
  throw new ReadError(file, 'unsupported', `${file}：暂不支持直接读取 Word/Excel 文件，请先导出为文本`);
}
