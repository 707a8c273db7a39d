// The Word and Excel readers: a synthetic DOCX built here, the real Shanghai budget workbook templates
// (read from shared/samples, never copied), a synthetic workbook, and hostile or broken packages.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type Layout, ReadError } from '../src/read/layout.ts';
import { readOfficeFile } from '../src/read/office.ts';
import { formatNumber } from '../src/read/xlsx.ts';

const sampleDir = fileURLToPath(new URL('../../shared/samples/xlsx/', import.meta.url));
const sample = (name: string) => new Uint8Array(readFileSync(sampleDir + name));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docxMain = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

const contentTypes = (mainType = docxMain) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="${mainType}"/>
</Types>`;

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = '') =>
  `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${content}</w:tc>`;

const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}>
  <w:body>
    <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>2026年部门预算</w:t></w:r></w:p>
    <w:p><w:r><w:t xml:space="preserve">单位：</w:t></w:r><w:r><w:tab/><w:t>万元</w:t></w:r></w:p>
    <w:p/>
    <w:p><w:r><w:t>A&amp;B &#20013;</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:ins><w:r><w:t>加上的</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>
    <w:sdt><w:sdtPr><w:alias w:val="控件"/></w:sdtPr><w:sdtContent>${p('控件里的段落')}</w:sdtContent></w:sdt>
    <w:tbl>
      <w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>
      <w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>
      <w:tr>${tc(p('项目'), '<w:vMerge w:val="restart"/>')}${tc(p('预算数'), '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('基本支出'))}${tc(p('项目支出'))}</w:tr>
      <w:tr>${tc(p('一般公共服务支出'))}${tc(p('35.00'))}${tc(p('0.50'))}</w:tr>
      <w:tr>${tc(`${p('第一段')}${p('第二段')}<w:p/>`)}${tc(p('007'))}${tc(
        `<w:tbl><w:tr>${tc(p('内1'))}${tc(p('内2'))}</w:tr><w:tr>${tc(p('内3'))}${tc(p('内4'))}</w:tr></w:tbl><w:p/>`,
      )}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('注：空表列示。'), '<w:gridSpan w:val="2"/>')}</w:tr>
    </w:tbl>
    ${p('表后的说明')}
    <w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
  </w:body>
</w:document>`;

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function docx(document = documentXml, extra: Record<string, string | Uint8Array> = {}, mainType = docxMain) {
  return zipOf({
    '[Content_Types].xml': contentTypes(mainType),
    '_rels/.rels': packageRels,
    'word/document.xml': document,
    ...extra,
  });
}

/** Expects a ReadError of that reason whose message names the file. */
async function rejects(bytes: Uint8Array, file: string, reason: string): Promise<ReadError> {
  let error: unknown;
  try {
    await readOfficeFile(bytes, file);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ReadError);
  const e = error as ReadError;
  expect(e.reason).toBe(reason);
  expect(e.file).toBe(file);
  expect(e.message).toContain(file);
  return e;
}

// A zip written by hand, so that sizes and entry counts can be anything.
interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  size: number;
  crc: number;
}

function rawZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(e.data));
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  eocd.writeUInt32LE(cdBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBytes, eocd]));
}

const stored = (name: string, text: string): RawEntry => {
  const data = Buffer.from(text, 'utf8');
  return { name, data, method: 0, size: data.length, crc: crc32(data) };
};

/**
 * `megabytes` MB of zeros as a real deflate stream, built without ever holding them: one flushed
 * (self-contained, byte-aligned) block for 1 MB of zeros, repeated, then an empty final block.
 */
function zeros(name: string, megabytes: number): RawEntry {
  const chunk = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([
    ...Array.from({ length: megabytes }, () => block),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(chunk, crc);
  return { name, data, method: 8, size: megabytes * chunk.length, crc };
}

/** Rewrites the uncompressed size that the central directory declares for one entry. */
function patchDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(bytes);
  const wanted = Buffer.from(name, 'utf8');
  for (let i = 0; i + 46 < out.length; i++) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const len = out.readUInt16LE(i + 28);
    if (out.subarray(i + 46, i + 46 + len).equals(wanted)) {
      out.writeUInt32LE(size, i + 24);
      return new Uint8Array(out);
    }
  }
  throw new Error(`no central entry ${name}`);
}

describe('DOCX', () => {
  it('reads paragraphs and table rows in order, aligned on the grid, keeping "35.00"', async () => {
    const layout = await readOfficeFile(await docx(), 'budget.docx');
    expect(layout.file).toBe('budget.docx');
    expect(layout.style).toBe('docx-file');
    expect(layout.lines).toEqual([
      // List numbering generated by Word (w:numPr) is not in the text and is lost.
      { no: 1, text: '2026年部门预算', cells: null },
      { no: 2, text: '单位： 万元', cells: null },
      // Entities decoded; the tracked deletion and the field code are not text, the insertion is.
      { no: 3, text: 'A&B 中加上的', cells: null },
      { no: 4, text: '控件里的段落', cells: null },
      { no: 5, text: '项目\t预算数\t', cells: ['项目', '预算数', ''] },
      { no: 6, text: '\t基本支出\t项目支出', cells: ['', '基本支出', '项目支出'] },
      { no: 7, text: '一般公共服务支出\t35.00\t0.50', cells: ['一般公共服务支出', '35.00', '0.50'] },
      {
        no: 8,
        text: '第一段\n第二段\t007\t内1 内2\n内3 内4',
        cells: ['第一段\n第二段', '007', '内1 内2\n内3 内4'],
      },
      { no: 9, text: '\t注：空表列示。\t', cells: ['', '注：空表列示。', ''] },
      { no: 10, text: '表后的说明', cells: null },
    ]);
  });

  it('reads a document whose parts use other namespace prefixes and no relationships part', async () => {
    const xml = `<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>前缀不同</x:t></x:r></x:p></x:body></x:document>`;
    const bytes = await zipOf({ '[Content_Types].xml': contentTypes(), 'word/document.xml': xml });
    const layout = await readOfficeFile(bytes, 'prefix.docx');
    expect(layout.lines).toEqual([{ no: 1, text: '前缀不同', cells: null }]);
  });
});

describe('XLSX: the Shanghai budget workbook templates', () => {
  const readSample = async (name: string) => {
    const layout = await readOfficeFile(sample(name), name);
    expect(layout.style).toBe('xlsx');
    expect(layout.file).toBe(name);
    return layout;
  };
  const sheetRows = (layout: Layout, sheet: string) =>
    layout.lines.filter((l) => l.sheet === sheet && l.cells !== null);

  it('department template: sheets in order, header rows with merged cells, codes as printed', async () => {
    const layout = await readSample('shanghai-department-budget-workbook-template.xlsx');
    const sheetLines = layout.lines.filter((l) => l.cells === null);
    expect(sheetLines.map((l) => l.sheet)).toEqual([
      '封面',
      '目录',
      '部门主要职能',
      '部门机构设置',
      '名词解释',
      '部门编制说明',
      '部门收支总表',
      '部门收入总表',
      '部门支出总表',
      '部门财政拨款收支总表',
      '部门一般公共预算拨款表',
      '部门政府性基金拨款表',
      '部门国有资本经营预算拨款表 ',
      '部门一般公共预算拨款基本支出明细表',
      '部门“三公”经费和机关运行费预算表',
      '其他相关情况说明',
      '项目经费情况说明',
    ]);
    // The name line's text is trimmed; `sheet` keeps the name as stored.
    expect(sheetLines[12]!.text).toBe('部门国有资本经营预算拨款表');
    expect(layout.lines.length).toBe(153);
    expect(layout.lines.map((l) => l.no)).toEqual(layout.lines.map((_, i) => i + 1));

    expect(layout.lines[0]).toEqual({ no: 1, text: '封面', cells: null, sheet: '封面' });
    // A3:M3 merged: one cell, the sheet's only used column.
    expect(layout.lines[1]).toEqual({
      no: 2,
      text: '上海市普陀区2026年区级部门预算',
      cells: ['上海市普陀区2026年区级部门预算'],
      sheet: '封面',
      cellRefs: ['A3'],
    });

    const income = sheetRows(layout, '部门收入总表');
    expect(income.map((l) => l.cellRefs![0])).toEqual([
      'A2',
      'A4',
      'A6',
      'A7',
      'A8',
      'A9',
      'A10',
      'A11',
      'A12',
      'A13',
      'A14',
      'A15',
      'A16',
      'A17',
      'A20',
    ]);
    expect(income[0]!.cells).toEqual(['2026年部门收入预算总表', '', '', '', '', '', '', '', '']);
    expect(income[1]!.cells).toEqual(['编制部门：', '', '', '', '', '', '', '', '单位：元']);
    // A6:D6 and E6:I6 merged.
    expect(income[2]!.cells).toEqual(['项目', '', '', '', '收入预算', '', '', '', '']);
    // A7:C7 merged across, D7:D8 … I7:I8 merged down.
    expect(income[3]).toEqual({
      no: 54,
      text: '功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t事业单位\n经营收入\t其他收入',
      cells: [
        '功能分类科目编码',
        '',
        '',
        '功能分类科目名称',
        '合计',
        '财政拨款收入',
        '事业收入',
        '事业单位\n经营收入',
        '其他收入',
      ],
      sheet: '部门收入总表',
      cellRefs: ['A7', 'B7', 'C7', 'D7', 'E7', 'F7', 'G7', 'H7', 'I7'],
    });
    expect(income[4]!.cells).toEqual(['类', '款', '项', '', '', '', '', '', '']);
    // 205 is a number (General); "02" and "05" are rich text kept as text.
    expect(income[5]!.cells).toEqual(['205', '', '', '教育支出', '', '', '', '', '']);
    expect(income[7]!.cells).toEqual(['205', '02', '05', '高等教育', '', '', '', '', '']);
    expect(income[14]!.cells).toEqual(['合计', '', '', '', '', '', '', '', '']);
    expect(income[14]!.cellRefs).toEqual(['A20', 'B20', 'C20', 'D20', 'E20', 'F20', 'G20', 'H20', 'I20']);

    const threePublic = sheetRows(layout, '部门“三公”经费和机关运行费预算表');
    expect(threePublic.map((l) => l.cells)).toEqual([
      ['2026年部门“三公”经费和机关运行经费预算表', '', '', '', '', '', ''],
      ['编制部门：', '', '', '', '', '', '单位:万元'],
      ['“三公”经费预算数', '', '', '', '', '', '机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '', '', ''],
      ['', '', '', '小计', '购置费', '运行费', ''],
    ]);

    // A sheet of prose: the merged A3:A17 block is one cell of the A3 row; its rows below are skipped.
    const functions = sheetRows(layout, '部门主要职能');
    expect(functions.map((l) => l.cellRefs)).toEqual([['A1'], ['A3']]);
    expect(functions[1]!.cells![0]!.startsWith('    XX是…。\n    主要职能包括：\n')).toBe(true);
  });

  it('unit template: sheets in order and the income table header', async () => {
    const layout = await readSample('shanghai-unit-budget-workbook-template.xlsx');
    expect(layout.lines.filter((l) => l.cells === null).map((l) => l.sheet)).toEqual([
      '封面',
      '目录',
      '单位职能',
      '单位机构设置',
      '名词解释',
      '单位编制说明',
      '单位收支总表',
      '单位收入总表',
      '单位支出总表',
      '单位财政拨款收支总表',
      '单位一般公共预算拨款表',
      '单位政府性基金拨款表',
      '单位国有资本经营预算拨款表 ',
      '单位一般公共预算拨款基本支出明细表',
      '单位“三公”经费和机关运行费预算表',
      '其他相关情况说明',
    ]);
    const income = sheetRows(layout, '单位收入总表');
    expect(income.slice(0, 3).map((l) => l.cells)).toEqual([
      ['2026年预算单位收入预算总表', '', '', '', '', '', '', '', ''],
      ['编制单位：', '', '', '', '', '', '', '', '单位：元'],
      ['项目', '', '', '', '收入预算', '', '', '', ''],
    ]);
  });
});

describe('XLSX: a synthetic workbook', () => {
  it('prints numbers as formatted, keeps text, takes cached formula results and blanks merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    const set = (ref: string, value: ExcelJS.CellValue, numFmt?: string) => {
      const cell = ws.getCell(ref);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    };
    set('A1', 1234.5, '0.00');
    set('B1', '0123');
    set('C1', { formula: 'A1*2', result: 2469 }, '#,##0.00');
    set('D1', new Date(Date.UTC(2026, 0, 15)), 'yyyy-mm-dd');
    set('E1', -35, '#,##0.00_);[Red](#,##0.00)');
    set('F1', '35.00');
    set('A3', '合并的标题');
    set('A4', 0.1 + 0.2);
    set('B4', 100 / 3);
    set('C4', 0.125, '0.0%');
    set('D4', { richText: [{ text: '富' }, { text: '文本' }] });
    set('E4', true);
    set('F4', { formula: 'A1/0', result: { error: '#DIV/0!' } });
    // Merged last: exceljs loses values written into a range after merging.
    ws.mergeCells('A3:C3');
    wb.addWorksheet('空表');
    wb.addWorksheet('第三张').getCell('B2').value = 7;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

    const layout = await readOfficeFile(bytes, '合成.xlsx');
    expect(layout.style).toBe('xlsx');
    const refs = (row: number) => ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => `${c}${row}`);
    expect(layout.lines).toEqual([
      { no: 1, text: '数据', cells: null, sheet: '数据' },
      {
        no: 2,
        text: '1234.50\t0123\t2,469.00\t2026-01-15\t-35.00\t35.00',
        cells: ['1234.50', '0123', '2,469.00', '2026-01-15', '-35.00', '35.00'],
        sheet: '数据',
        cellRefs: refs(1),
      },
      // Row 2 is empty and skipped.
      {
        no: 3,
        text: '合并的标题\t\t\t\t\t',
        cells: ['合并的标题', '', '', '', '', ''],
        sheet: '数据',
        cellRefs: refs(3),
      },
      {
        no: 4,
        text: '0.3\t33.33\t12.5%\t富文本\tTRUE\t#DIV/0!',
        cells: ['0.3', '33.33', '12.5%', '富文本', 'TRUE', '#DIV/0!'],
        sheet: '数据',
        cellRefs: refs(4),
      },
      { no: 5, text: '空表', cells: null, sheet: '空表' },
      { no: 6, text: '第三张', cells: null, sheet: '第三张' },
      { no: 7, text: '\t7', cells: ['', '7'], sheet: '第三张', cellRefs: ['A2', 'B2'] },
    ]);
  });

  it('formats numbers the way their format shows them', () => {
    expect(formatNumber(1234.5, '0.00')).toBe('1234.50');
    expect(formatNumber(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(formatNumber(1234, '#,##0_ ')).toBe('1,234');
    expect(formatNumber(1.005, '0.00')).toBe('1.01');
    expect(formatNumber(2.5, '0')).toBe('3');
    expect(formatNumber(-0.001, '0.00')).toBe('0.00');
    expect(formatNumber(12.3, '0.0#')).toBe('12.3');
    expect(formatNumber(12.345, '0.0#')).toBe('12.35');
    expect(formatNumber(50, '0.00"万元"')).toBe('50.00');
    expect(formatNumber(1234.4999999999998, 'General')).toBe('1234.5');
    expect(formatNumber(7, undefined)).toBe('7');
  });
});

describe('bad packages', () => {
  it('refuses a real 200 MB bomb by its declared size, before inflating anything', async () => {
    const bytes = rawZip([
      stored('[Content_Types].xml', contentTypes()),
      stored('word/document.xml', documentXml),
      zeros('word/media/zeros.bin', 200),
    ]);
    expect(bytes.length).toBeLessThan(300 * 1024);
    const e = await rejects(bytes, 'bomb.docx', 'zip-bomb');
    expect(e.message).toContain('100 MB');
  });

  it('refuses an entry whose compression ratio is beyond 100:1', async () => {
    const bytes = rawZip([stored('word/document.xml', documentXml), zeros('word/media/zeros.bin', 5)]);
    const e = await rejects(bytes, 'ratio.docx', 'zip-bomb');
    expect(e.message).toContain('word/media/zeros.bin');
    expect(e.message).toContain('100:1');
  });

  it('refuses an archive whose overall ratio is beyond 100:1 though no entry is large', async () => {
    const entries = [stored('word/document.xml', documentXml)];
    for (let i = 0; i < 20; i++) entries.push(zeros(`word/media/z${i}.bin`, 1));
    const e = await rejects(rawZip(entries), 'overall.docx', 'zip-bomb');
    expect(e.message).toContain('整体压缩比');
  });

  it('stops inflating an entry that produces more than it declared', async () => {
    const honest = await docx();
    const lying = patchDeclaredSize(honest, 'word/document.xml', 100);
    const e = await rejects(lying, 'lying.docx', 'zip-bomb');
    expect(e.message).toContain('word/document.xml');
    expect(e.message).toContain('100 字节');
  });

  it('refuses a directory with more entries than its end record declares (entries hidden from the checks)', async () => {
    const bytes = Buffer.from(await docx());
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bytes.writeUInt16LE(bytes.readUInt16LE(eocd + 8) - 1, eocd + 8);
    bytes.writeUInt16LE(bytes.readUInt16LE(eocd + 10) - 1, eocd + 10);
    const e = await rejects(new Uint8Array(bytes), 'hidden.docx', 'corrupt');
    expect(e.message).toContain('条目数');
  });

  it('refuses more than 10,000 entries', async () => {
    const entries = [stored('word/document.xml', documentXml)];
    for (let i = 0; i < 10_000; i++) entries.push(stored(`word/e${i}.xml`, ''));
    const e = await rejects(rawZip(entries), 'many.docx', 'zip-bomb');
    expect(e.message).toContain('10000');
  });

  it('reports a truncated file, a non-zip and a document.xml that is not XML as corrupt', async () => {
    const whole = await docx();
    await rejects(whole.subarray(0, Math.floor(whole.length / 2)), 'half.docx', 'corrupt');
    await rejects(new TextEncoder().encode('PK\u0003\u0004 not really a zip'), 'fake.docx', 'corrupt');
    const broken = await docx('<w:document><w:body><w:p>未闭合</w:body></w:document>');
    const e = await rejects(broken, 'broken.docx', 'corrupt');
    expect(e.message).toContain('word/document.xml 不是合法的 XML');
    const notXml = await docx('这根本不是 XML');
    expect((await rejects(notXml, 'text.docx', 'corrupt')).message).toContain(
      'word/document.xml 不是合法的 XML',
    );
  });

  it('names the worksheet part that is not XML when exceljs fails', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').getCell('A1').value = 1;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('<sheetData>', '<sheetData><row>'));
    const e = await rejects(await zip.generateAsync({ type: 'uint8array' }), 'sheet.xlsx', 'corrupt');
    expect(e.message).toContain('xl/worksheets/sheet1.xml 不是合法的 XML');
  });

  it('refuses a DOCTYPE (entity expansion) in a part', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document ${W}><w:body>${p('&lol2;')}</w:body></w:document>`;
    const e = await rejects(await docx(laughs), 'laughs.docx', 'corrupt');
    expect(e.message).toContain('DOCTYPE');
  });

  it('refuses macros: vbaProject.bin, a macro-enabled content type, a .xlsm or .docm name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').getCell('A1').value = 1;
    const plain = new Uint8Array(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(plain);
    zip.file('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    const withVba = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const e = await rejects(withVba, 'vba.xlsx', 'macro');
    expect(e.message).toContain('xl/vbaProject.bin');
    expect(e.message).toContain('安全');
    await rejects(plain, 'budget.xlsm', 'macro');
    await rejects(
      await docx(documentXml, {}, 'application/vnd.ms-word.document.macroEnabled.main+xml'),
      'a.docx',
      'macro',
    );
    await rejects(await docx(), 'report.docm', 'macro');
  });

  it('refuses a worksheet whose merged range would make exceljs create billions of cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:B2');
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('<mergeCell ref="A1:B2"/>');
    zip.file(
      'xl/worksheets/sheet1.xml',
      sheet.replace('<mergeCell ref="A1:B2"/>', '<mergeCell ref="A1:XFD1048576"/>'),
    );
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const e = await rejects(bytes, 'merged.xlsx', 'too-large');
    expect(e.message).toContain('A1:XFD1048576');
  });

  it('refuses a defined name over the whole sheet and a column range beyond Excel', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').getCell('A1').value = 1;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const named = workbook.replace(
      '</sheets>',
      '</sheets><definedNames><definedName name="全部">表!$A$1:$XFD$1048576</definedName></definedNames>',
    );
    expect(named).toContain('<definedNames>');
    zip.file('xl/workbook.xml', named);
    const e = await rejects(await zip.generateAsync({ type: 'uint8array' }), 'named.xlsx', 'too-large');
    expect(e.message).toContain('$A$1:$XFD$1048576');

    zip.file('xl/workbook.xml', workbook);
    const cols = sheet.replace(
      '<sheetData>',
      '<cols><col min="1" max="2000000000" width="9"/></cols><sheetData>',
    );
    expect(cols).toContain('<cols>');
    zip.file('xl/worksheets/sheet1.xml', cols);
    const c = await rejects(await zip.generateAsync({ type: 'uint8array' }), 'cols.xlsx', 'corrupt');
    expect(c.message).toContain('xl/worksheets/sheet1.xml 的列范围超出 Excel 的上限');
  });

  it('refuses a zip that is neither a Word document nor a workbook', async () => {
    const e = await rejects(
      await zipOf({ 'readme.txt': '说明', 'data/a.csv': '1,2' }),
      'other.docx',
      'unsupported',
    );
    expect(e.message).toContain('word/document.xml');
  });

  it('never lets anything but a ReadError out on damaged bytes', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').getCell('A1').value = 1234.5;
    const sources = [await docx(), new Uint8Array(await wb.xlsx.writeBuffer())];
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 120; i++) {
      const source = sources[i % 2]!;
      const bytes = new Uint8Array(source);
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      try {
        await readOfficeFile(bytes, 'damaged.bin');
      } catch (e) {
        expect(e).toBeInstanceOf(ReadError);
      }
    }
  });
});
