// DOCX and XLSX files: the package is opened safely (zip.ts), refused when it carries macros, and read
// by the Word (docx.ts) or Excel (xlsx.ts) reader. Whatever goes wrong becomes a ReadError.
import { type Layout, ReadError } from './layout.ts';
import { attrOf, childrenOf, openZip, type SafeZip, tagOf, xmlPart } from './zip.ts';

type Kind = 'docx' | 'xlsx';

const macroExtensions = /\.(docm|dotm|xlsm|xltm|xlam)$/i;

function macro(file: string, what: string): ReadError {
  return new ReadError(
    file,
    'macro',
    `${file}：文件含有宏（${what}），出于安全考虑拒绝读取；请在 Office 中另存为不含宏的 .docx 或 .xlsx 后再上传`,
  );
}

function unsupported(file: string, what: string): ReadError {
  return new ReadError(
    file,
    'unsupported',
    `${file}：${what}，无法读取；请上传 Word（.docx）或 Excel（.xlsx）文件`,
  );
}

/** Content types by part name (lower case, no leading slash) and by extension. */
interface ContentTypes {
  overrides: Map<string, string>;
  defaults: Map<string, string>;
  all: string[];
}

function contentTypes(zip: SafeZip): ContentTypes {
  const out: ContentTypes = { overrides: new Map(), defaults: new Map(), all: [] };
  if (!zip.entry('[Content_Types].xml')) return out;
  for (const root of xmlPart(zip, '[Content_Types].xml')) {
    if (tagOf(root) !== 'Types') continue;
    for (const el of childrenOf(root)) {
      const type = attrOf(el, 'ContentType');
      if (!type) continue;
      out.all.push(type);
      const tag = tagOf(el);
      const partName = attrOf(el, 'PartName');
      const ext = attrOf(el, 'Extension');
      if (tag === 'Override' && partName) out.overrides.set(partName.replace(/^\/+/, '').toLowerCase(), type);
      if (tag === 'Default' && ext) out.defaults.set(ext.toLowerCase(), type);
    }
  }
  return out;
}

function typeOf(types: ContentTypes, part: string): string | undefined {
  const key = part.replace(/^\/+/, '').toLowerCase();
  return types.overrides.get(key) ?? types.defaults.get(/\.([^./]+)$/.exec(key)?.[1] ?? '');
}

/** The main part named by the package relationships (_rels/.rels), if any. */
function officeDocumentPart(zip: SafeZip): string | undefined {
  if (!zip.entry('_rels/.rels')) return undefined;
  for (const root of xmlPart(zip, '_rels/.rels')) {
    for (const rel of childrenOf(root)) {
      const type = attrOf(rel, 'Type') ?? '';
      const target = attrOf(rel, 'Target');
      if (!target || attrOf(rel, 'TargetMode') === 'External') continue;
      if (/\/officeDocument$/.test(type)) return target.replace(/^\.?\/+/, '');
    }
  }
  return undefined;
}

function kindOf(zip: SafeZip, types: ContentTypes): { kind: Kind; part: string } {
  const file = zip.file;
  const main = officeDocumentPart(zip);
  const mainType = main ? (typeOf(types, main) ?? '') : '';
  if (/presentationml/i.test(mainType) || zip.entry('ppt/presentation.xml')) {
    throw unsupported(file, '这是 PowerPoint 演示文稿');
  }
  if (/sheet\.binary/i.test(mainType) || /\.bin$/i.test(main ?? '')) {
    throw unsupported(file, '这是二进制格式的 Excel 工作簿（.xlsb）');
  }
  if (main && zip.entry(main)) {
    if (/wordprocessingml|ms-word/i.test(mainType)) return { kind: 'docx', part: main };
    if (/spreadsheetml|ms-excel/i.test(mainType)) return { kind: 'xlsx', part: main };
    if (/^word\//i.test(main)) return { kind: 'docx', part: main };
    if (/^xl\//i.test(main)) return { kind: 'xlsx', part: main };
  }
  if (zip.entry('word/document.xml')) return { kind: 'docx', part: 'word/document.xml' };
  if (zip.entry('xl/workbook.xml')) return { kind: 'xlsx', part: 'xl/workbook.xml' };
  throw unsupported(
    file,
    '压缩包中既没有 Word 文档（word/document.xml）也没有 Excel 工作簿（xl/workbook.xml）',
  );
}

async function readPackage(bytes: Uint8Array, file: string): Promise<Layout> {
  const zip = openZip(bytes, file);
  const vba = zip.entries.find((e) => /(^|\/)vbaProject\.bin$/i.test(e.name));
  if (vba) throw macro(file, `VBA 工程 ${vba.name}`);
  const xlm = zip.entries.find((e) => /^xl\/macrosheets\//i.test(e.name));
  if (xlm) throw macro(file, `Excel 4.0 宏表 ${xlm.name}`);
  const types = contentTypes(zip);
  const { kind, part } = kindOf(zip, types);
  const macroType = types.all.find((t) => /macroEnabled|macrosheet/i.test(t));
  if (macroType) throw macro(file, `内容类型 ${macroType}`);
  if (macroExtensions.test(file)) throw macro(file, `扩展名 ${/\.[^.]+$/.exec(file)![0]} 表示启用宏的文件`);
  // Each reader is loaded only for its kind (the Excel one brings exceljs).
  if (kind === 'docx') return (await import('./docx.ts')).readDocx(zip, part);
  return (await import('./xlsx.ts')).readXlsx(zip, bytes, part);
}

export async function readOfficeFile(bytes: Uint8Array, file: string): Promise<Layout> {
  try {
    return await readPackage(bytes, file);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new ReadError(file, 'corrupt', `${file}：文件已损坏，无法读取（${detail}）`);
  }
}
