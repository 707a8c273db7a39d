// Opens a zip (the container of DOCX and XLSX files) safely: the central directory is read and checked
// against the limits before a single byte is inflated, and inflating stops as soon as an entry produces
// more than it declared. Also parses XML parts (no DTDs, values kept as text). Knows zips and XML, not
// Office formats.
import { crc32, inflateRawSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ReadError } from './layout.ts';

export interface ZipLimits {
  /** Total declared uncompressed size of all entries, in bytes. */
  maxTotalSize: number;
  /** Largest allowed ratio uncompressed / compressed, per entry and over the whole archive… */
  maxRatio: number;
  /** …once the entry (or the archive) is larger than this many bytes uncompressed. */
  ratioFloor: number;
  /** Number of entries in the central directory. */
  maxEntries: number;
}

export const defaultZipLimits: ZipLimits = {
  maxTotalSize: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloor: 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipEntry {
  /** The name as stored (forward slashes, no leading slash). */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Uncompressed size declared in the central directory. */
  size: number;
  /** Offset of the local file header. */
  offset: number;
}

export interface SafeZip {
  file: string;
  entries: ZipEntry[];
  /** The entry of that name (case-insensitive, as OPC part names are), or undefined. */
  entry(name: string): ZipEntry | undefined;
  /** Inflates one entry, never beyond its declared size. */
  read(name: string): Uint8Array;
  /** Inflates one entry and decodes it as XML text (UTF-8 or UTF-16 with a byte-order mark). */
  text(name: string): string;
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function corrupt(file: string, detail: string): ReadError {
  return new ReadError(file, 'corrupt', `${file}：${detail}`);
}

function bomb(file: string, detail: string): ReadError {
  return new ReadError(file, 'zip-bomb', `${file}：${detail}，疑似压缩炸弹，拒绝解压`);
}

const sigEocd = 0x06054b50;
const sigZip64Locator = 0x07064b50;
const sigZip64Eocd = 0x06064b50;
const sigCentral = 0x02014b50;
const sigLocal = 0x04034b50;

/** Reads the central directory and checks every limit; inflates nothing. */
export function openZip(bytes: Uint8Array, file: string, limits: ZipLimits = defaultZipLimits): SafeZip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.byteLength;
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const notZip = () =>
    corrupt(file, '找不到 zip 目录，文件不完整（可能下载或上传时被截断）或不是 Word/Excel 文件');

  if (len < 22) throw notZip();
  // The end-of-central-directory record: the last one within the final 64 KB (its comment may follow).
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (u32(i) === sigEocd && i + 22 + u16(i + 20) <= len) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip();
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) throw corrupt(file, '分卷压缩的 zip 文件，无法读取');
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  /** Where the central directory must end: at the (Zip64) end record. */
  let cdEnd = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(loc) !== sigZip64Locator) throw notZip();
    const at = u64(loc + 8);
    if (at + 56 > len || u32(at) !== sigZip64Eocd) throw notZip();
    count = u64(at + 32);
    cdSize = u64(at + 40);
    cdOffset = u64(at + 48);
    cdEnd = at;
  }
  if (count > limits.maxEntries) {
    throw bomb(file, `压缩包内有 ${count} 个文件，超过上限 ${limits.maxEntries} 个`);
  }
  // The directory must sit exactly before its end record and hold exactly the entries it declares:
  // other zip readers (JSZip inside exceljs) tolerate slack and could then see entries not checked here.
  if (cdOffset + cdSize !== cdEnd) {
    throw cdEnd < cdOffset + cdSize ? notZip() : corrupt(file, 'zip 目录的位置与记录不符，文件已损坏');
  }

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  let total = 0;
  let totalCompressed = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > len || u32(p) !== sigCentral) throw corrupt(file, 'zip 目录已损坏');
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    let compressedSize = u32(p + 20);
    let size = u32(p + 24);
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    let offset = u32(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > len) throw corrupt(file, 'zip 目录已损坏');
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/');
    // Zip64: the real sizes and offset are in extra field 0x0001, in this order, for those set to 0xffffffff.
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = u16(x);
      const n = u16(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        const take = () => {
          if (f + 8 > x + 4 + n) throw corrupt(file, `zip 目录中 ${name} 的 Zip64 信息已损坏`);
          const v = u64(f);
          f += 8;
          return v;
        };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (offset === 0xffffffff) offset = take();
      }
      x += 4 + n;
    }
    p = extraEnd + commentLen;

    if (!name.endsWith('/')) {
      total += size;
      totalCompressed += compressedSize;
      if (total > limits.maxTotalSize) {
        throw bomb(file, `解压后总大小超过上限 ${mb(limits.maxTotalSize)}（至少 ${mb(total)}）`);
      }
      if (size > limits.ratioFloor && size > compressedSize * limits.maxRatio) {
        throw bomb(
          file,
          `${name} 的压缩比为 ${Math.round(size / Math.max(1, compressedSize))}:1（${mb(size)}），超过上限 ${limits.maxRatio}:1`,
        );
      }
      if (flags & 0x1) {
        throw new ReadError(file, 'encrypted', `${file}：压缩包内的 ${name} 已加密，请先取消密码保护`);
      }
    }
    if (offset + 30 > len) throw notZip();
    const entry: ZipEntry = { name, method, flags, crc, compressedSize, size, offset };
    entries.push(entry);
    const key = name.replace(/^\/+/, '').toLowerCase();
    if (!byName.has(key)) byName.set(key, entry);
  }
  if (p !== cdEnd) throw corrupt(file, 'zip 目录的条目数与记录不符，文件已损坏');
  if (total > limits.ratioFloor && total > totalCompressed * limits.maxRatio) {
    throw bomb(
      file,
      `整体压缩比为 ${Math.round(total / Math.max(1, totalCompressed))}:1（解压后 ${mb(total)}），超过上限 ${limits.maxRatio}:1`,
    );
  }

  const entry = (name: string) => byName.get(name.replace(/^\/+/, '').toLowerCase());

  const read = (name: string): Uint8Array => {
    const e = entry(name);
    if (!e) throw corrupt(file, `缺少 ${name}`);
    if (u32(e.offset) !== sigLocal) throw corrupt(file, `${e.name} 的数据已损坏`);
    const start = e.offset + 30 + u16(e.offset + 26) + u16(e.offset + 28);
    if (start + e.compressedSize > len) throw notZip();
    const raw = bytes.subarray(start, start + e.compressedSize);
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw corrupt(file, `${e.name} 的大小与目录不符`);
      out = raw;
    } else if (e.method === 8) {
      try {
        // One byte more than declared: getting it means the entry lied about its size.
        out = inflateRawSync(raw, { maxOutputLength: e.size + 1 });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw bomb(file, `${e.name} 解压后超过了目录中声明的 ${e.size} 字节`);
        }
        throw corrupt(file, `${e.name} 的压缩数据已损坏`);
      }
      if (out.length > e.size) throw bomb(file, `${e.name} 解压后超过了目录中声明的 ${e.size} 字节`);
      if (out.length < e.size) throw corrupt(file, `${e.name} 的数据不完整`);
    } else {
      throw new ReadError(file, 'unsupported', `${file}：${e.name} 使用了不支持的压缩方法（${e.method}）`);
    }
    if (crc32(out) >>> 0 !== e.crc >>> 0) throw corrupt(file, `${e.name} 的校验和不符，数据已损坏`);
    return out;
  };

  const text = (name: string): string => {
    const data = read(name);
    const partName = entry(name)?.name ?? name;
    try {
      if (data[0] === 0xff && data[1] === 0xfe)
        return new TextDecoder('utf-16le', { fatal: true }).decode(data);
      if (data[0] === 0xfe && data[1] === 0xff)
        return new TextDecoder('utf-16be', { fatal: true }).decode(data);
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
    } catch {
      throw corrupt(file, `${partName} 的文字编码无效（不是 UTF-8/UTF-16）`);
    }
  };

  return { file, entries, entry, read, text };
}

// XML parts. fast-xml-parser keeps every value as the text it is ("35.00" stays "35.00"), element order
// is preserved, namespace prefixes are dropped (w:tbl → tbl) and entities are decoded here, never
// expanded from a DTD: a part that declares a DOCTYPE is refused.

/** An element: { tag: children, ':@'?: attributes }, or a text node { '#text': text }. */
export type XmlNode = Record<string, unknown>;

const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return entities[e] ?? m;
    const code =
      e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Checks and parses an XML part; a part that is not well-formed XML is a 'corrupt' ReadError naming it. */
export function parseXmlText(xml: string, part: string, file: string): XmlNode[] {
  const prolog = xml.slice(0, 64 * 1024);
  if (/<!DOCTYPE/i.test(prolog)) {
    throw corrupt(file, `${part} 含有 DOCTYPE 声明（Office 文件不应有），出于安全原因拒绝读取`);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const where = col === undefined ? `第 ${line} 行` : `第 ${line} 行第 ${col} 列`;
    throw corrupt(file, `${part} 不是合法的 XML（${where}：${msg}）`);
  }
  try {
    return xmlParser.parse(xml) as XmlNode[];
  } catch (err) {
    throw corrupt(file, `${part} 不是合法的 XML（${err instanceof Error ? err.message : String(err)}）`);
  }
}

export function xmlPart(zip: SafeZip, part: string): XmlNode[] {
  return parseXmlText(zip.text(part), zip.entry(part)?.name ?? part, zip.file);
}

/** The element's tag without namespace prefix, or '#text'. */
export function tagOf(node: XmlNode): string {
  for (const k in node) if (k !== ':@') return k;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const c = node[tagOf(node)];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const a = node[':@'] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === 'string' ? decodeEntities(v) : undefined;
}

/** Text of a text node (entities decoded); '' for an element. */
export function textOf(node: XmlNode): string {
  const t = node['#text'];
  return typeof t === 'string' ? decodeEntities(t) : '';
}

/** Child elements with that tag. */
export function childElements(node: XmlNode, tag: string): XmlNode[] {
  return childrenOf(node).filter((c) => tagOf(c) === tag);
}

/** The first element with that tag among the nodes or their descendants (depth first). */
export function findElement(nodes: XmlNode[], tag: string): XmlNode | undefined {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const inner = findElement(childrenOf(n), tag);
    if (inner) return inner;
  }
  return undefined;
}
