// Excel workbooks read directly with exceljs. Each worksheet in order gives a line with its name, then
// one line per row that has any text, its cells running from column A to the last column the sheet
// uses (the same width for every row of a sheet, so columns line up). A number is printed as its cell
// format shows it (decimals, thousands separator, percent; General: at most 2 decimals), text is kept
// as stored ("01" stays "01"), a formula gives its cached result, a date is YYYY-MM-DD, and a merged
// range gives its text in its top-left cell and empty cells elsewhere.
import Big from 'big.js';
import ExcelJS from 'exceljs';
import { type Layout, type LayoutLine, ReadError } from './layout.ts';
import { normalisedLine } from './normalise.ts';
import { parseXmlText, type SafeZip } from './zip.ts';

/** Parts of a worksheet that cannot change a cell's text: not read (faster, fewer parser surprises). */
const ignoreNodes = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'headerFooter',
  'rowBreaks',
  'pageSetup',
  'printOptions',
  'pageMargins',
  'sheetProtection',
  'autoFilter',
];

// exceljs creates an object for every cell of a merged range and of a range a defined name refers to,
// one for every column up to a <col max>, one for every cell, and compares every pair of merged ranges.
// These limits are checked on the XML before exceljs sees it.
export const maxRangeCells = 1_000_000;
export const maxMergesPerSheet = 5_000;
export const maxCells = 2_000_000;
/** Excel's own limits. */
const maxColumn = 16_384;
const maxRow = 1_048_576;
/** Cells in the Layout (rows × the sheet's width). */
export const maxOutputCells = 5_000_000;

function rangeArea(c1: string, r1: string, c2: string = c1, r2: string = r1): number {
  return (Math.abs(columnNumber(c2) - columnNumber(c1)) + 1) * (Math.abs(Number(r2) - Number(r1)) + 1);
}

function checkSizes(
  zip: SafeZip,
  xml: string,
  part: string,
  isWorkbook: boolean,
  count: { cells: number; ranges: number },
) {
  const file = zip.file;
  const addRange = (area: number, what: string) => {
    count.ranges += area;
    if (count.ranges > maxRangeCells) {
      throw tooLarge(
        file,
        `合并单元格和名称引用的区域共超过 ${maxRangeCells} 个单元格（${part} 中的 ${what}）`,
      );
    }
  };
  if (isWorkbook) {
    for (const m of xml.matchAll(/<(?:\w+:)?definedName[\s>][^>]*>([^<]*)</g)) {
      const text = m[1] ?? '';
      if (!text.includes('$')) continue;
      for (const r of text.matchAll(/\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?/g)) {
        addRange(rangeArea(r[1]!, r[2]!, r[3], r[4]), r[0]);
      }
    }
    return;
  }
  count.cells += xml.match(/<(?:\w+:)?c[\s>/]/g)?.length ?? 0;
  if (count.cells > maxCells) throw tooLarge(file, `单元格超过 ${maxCells} 个`);
  const merges = xml.match(/<(?:\w+:)?mergeCell\s[^>]*>/g) ?? [];
  if (merges.length > maxMergesPerSheet) {
    throw tooLarge(file, `${part} 有 ${merges.length} 个合并区域，超过上限 ${maxMergesPerSheet} 个`);
  }
  for (const m of merges) {
    const r = /\sref\s*=\s*["']([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?["']/.exec(m);
    if (r) addRange(rangeArea(r[1]!, r[2]!, r[3], r[4]), r[0].replace(/^\s*ref\s*=\s*["']|["']$/g, ''));
  }
  for (const m of xml.matchAll(/<(?:\w+:)?col\s[^>]*>/g)) {
    const max = /\smax\s*=\s*["'](\d+)["']/.exec(m[0]);
    if (max && Number(max[1]) > maxColumn) {
      throw new ReadError(
        file,
        'corrupt',
        `${file}：${part} 的列范围超出 Excel 的上限 ${maxColumn} 列，文件已损坏`,
      );
    }
  }
}

export async function readXlsx(zip: SafeZip, bytes: Uint8Array, part: string): Promise<Layout> {
  // Every entry is inflated once under the limits (stopping at its declared size) before exceljs
  // inflates the same bytes again: deflate is deterministic, so exceljs cannot get more than was checked.
  const count = { cells: 0, ranges: 0 };
  const workbookParts = new Set(['xl/workbook.xml', part.replace(/^\/+/, '').toLowerCase()]);
  for (const e of zip.entries) {
    if (e.name.endsWith('/')) continue;
    const data = zip.read(e.name);
    const name = e.name.replace(/^\/+/, '').toLowerCase();
    // exceljs finds worksheets by an unanchored pattern: anything under some xl/worksheets/ is one.
    const isWorksheet = /xl\/worksheets\//.test(name);
    const isWorkbook = workbookParts.has(name);
    if (!isWorksheet && !isWorkbook && !/\.(xml|rels)/.test(name)) continue;
    if (/<!DOCTYPE/i.test(Buffer.from(data.subarray(0, 64 * 1024)).toString('latin1'))) {
      throw new ReadError(
        zip.file,
        'corrupt',
        `${zip.file}：${e.name} 含有 DOCTYPE 声明（Office 文件不应有），出于安全原因拒绝读取`,
      );
    }
    if (!isWorksheet && !isWorkbook) continue;
    const xml = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
    checkSizes(zip, xml, e.name, isWorkbook, count);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types want a Node Buffer (of its own @types/node version); the bytes are not copied.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await wb.xlsx.load(buffer as unknown as ArrayBuffer, { ignoreNodes });
  } catch (err) {
    throw diagnose(zip, err);
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const lines: LayoutLine[] = [];
  for (const ws of wb.worksheets) {
    lines.push({ no: lines.length + 1, text: ws.name.trim(), cells: null, sheet: ws.name });
    for (const row of sheetRows(ws, date1904, zip.file)) {
      lines.push({
        no: lines.length + 1,
        text: row.cells.join('\t'),
        cells: row.cells,
        sheet: ws.name,
        cellRefs: row.refs,
      });
    }
  }
  return { file: zip.file, style: 'xlsx', lines: lines.map(normalisedLine) };
}

/** exceljs failed: name the part that is not XML when there is one. */
function diagnose(zip: SafeZip, err: unknown): ReadError {
  if (err instanceof ReadError) return err;
  for (const e of zip.entries) {
    if (e.name.endsWith('/')) continue;
    if (!/^xl\/.*\.(xml|rels)$|^_rels\/|^\[Content_Types\]\.xml$/i.test(e.name)) continue;
    try {
      parseXmlText(zip.text(e.name), e.name, zip.file);
    } catch (inner) {
      if (inner instanceof ReadError) return inner;
    }
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new ReadError(zip.file, 'corrupt', `${zip.file}：Excel 工作簿无法解析（${detail}）`);
}

interface SheetRow {
  cells: string[];
  refs: string[];
}

function sheetRows(ws: ExcelJS.Worksheet, date1904: boolean, file: string): SheetRow[] {
  const texts: { row: number; cells: Map<number, string> }[] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged range keeps its text in the top-left cell only.
      if (cell.type === ExcelJS.ValueType.Merge || (cell.isMerged && cell.master.address !== cell.address))
        return;
      const text = cellText(cell, date1904);
      if (text === '') return;
      if (c > maxColumn || r > maxRow) {
        throw new ReadError(
          file,
          'corrupt',
          `${file}：工作表“${ws.name}”的单元格超出了 Excel 的行列范围，文件已损坏`,
        );
      }
      cells.set(c, text);
      if (c > width) width = c;
    });
    if (cells.size > 0) texts.push({ row: r, cells });
  });
  if (texts.length * width > maxOutputCells) {
    throw tooLarge(
      file,
      `工作表“${ws.name}”有 ${texts.length} 行 × ${width} 列，超过 ${maxOutputCells} 个单元格`,
    );
  }
  return texts.map(({ row, cells }) => {
    const out: SheetRow = { cells: [], refs: [] };
    for (let c = 1; c <= width; c++) {
      out.cells.push(cells.get(c) ?? '');
      out.refs.push(`${columnName(c)}${row}`);
    }
    return out;
  });
}

function tooLarge(file: string, detail: string): ReadError {
  return new ReadError(file, 'too-large', `${file}：工作簿过大，${detail}，无法读取`);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cellText(cell: ExcelJS.Cell, date1904: boolean): string {
  return valueText(cell.value, cell.numFmt, date1904).replace(/\r\n?/g, '\n');
}

function valueText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (isDateFormat(numFmt) && value > 0 && value < 2958466) return isoDate(serialToDate(value, date1904));
    return formatNumber(value, numFmt);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    // Formulas (plain, shared, array): the cached result.
    if ('formula' in v || 'sharedFormula' in v) return valueText(v.result, numFmt, date1904);
    if ('error' in v) return String(v.error);
    if ('text' in v) return valueText(v.text, numFmt, date1904);
  }
  return '';
}

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

/** The first (positive) section of a number format without colours, conditions, literals and padding. */
function formatSection(numFmt: string | undefined): string {
  const first = (numFmt ?? '').split(';')[0] ?? '';
  return first
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
}

function isDateFormat(numFmt: string | undefined): boolean {
  const s = formatSection(numFmt);
  if (/general/i.test(s) || s === '@') return false;
  return /[ymdhs]/i.test(s) || /[年月日]/.test(numFmt ?? '');
}

/** A number as its format prints it: decimals, thousands separator and percent; at most 2 decimals for General. */
export function formatNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const s = formatSection(numFmt);
  const numeric = /[0#?]/.test(s) && !/E[+-]/i.test(s) && !s.includes('/');
  let n = new Big(value.toPrecision(15));
  let fixed: string;
  let grouping = false;
  let percent = '';
  if (numeric) {
    const m = /[0#?,]*(?:\.([0#?]*))?/.exec(s.slice(s.search(/[0#?.]/)));
    const decimals = m?.[1] ?? '';
    const required = (decimals.match(/0/g) ?? []).length;
    const all = decimals.length;
    grouping = /[0#?],[0#?]/.test(s);
    if (s.includes('%')) {
      n = n.times(100);
      percent = '%';
    }
    fixed = n.toFixed(all, Big.roundHalfUp);
    // Optional decimals (#) are dropped when they are zeros.
    if (all > required && fixed.includes('.')) {
      let cut = fixed.length;
      while (cut > fixed.length - (all - required) && fixed[cut - 1] === '0') cut--;
      fixed = fixed.slice(0, cut).replace(/\.$/, '');
    }
  } else {
    fixed = n.round(2, Big.roundHalfUp).toFixed();
  }
  if (/^-0(\.0*)?$/.test(fixed)) fixed = fixed.slice(1);
  if (grouping) {
    const [int, frac] = fixed.split('.');
    const sign = int!.startsWith('-') ? '-' : '';
    const digits = int!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    fixed = `${sign}${digits}${frac !== undefined ? `.${frac}` : ''}`;
  }
  return fixed + percent;
}
