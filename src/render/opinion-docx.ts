// The opinion letter (src/report/opinion.ts) as a Word document: A4 portrait, the title centred, the
// addressee, the opening, each group with its numbered findings, and the signature block to the right —
// written as WordprocessingML by hand, as src/render/docx.ts does, so no other writer is needed.
import JSZip from 'jszip';
import { figuresText, type OpinionLetter } from '../report/opinion.ts';

const xml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

interface Style {
  align?: 'center' | 'right' | 'both';
  bold?: boolean;
  /** Half-points: 32 is 三号 (16 pt), 44 is 二号. */
  size?: number;
  font?: string;
  /** First-line indent in characters (hundredths): 200 is two characters. */
  indent?: number;
  spaceAfter?: number;
}

function paragraph(text: string, style: Style = {}): string {
  const size = style.size ?? 28;
  const font = style.font ?? '仿宋';
  const pPr = [
    style.align ? `<w:jc w:val="${style.align}"/>` : '',
    style.indent ? `<w:ind w:firstLineChars="${style.indent}"/>` : '',
    `<w:spacing w:after="${style.spaceAfter ?? 80}" w:line="400" w:lineRule="auto"/>`,
  ].join('');
  const rPr = `<w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>${style.bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  return `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
}

function opinionBody(letter: OpinionLetter): string {
  const out = [
    paragraph(letter.title, { align: 'center', bold: true, size: 40, font: '宋体', spaceAfter: 320 }),
    paragraph(letter.addressee),
    ...letter.paragraphs.map((p) => paragraph(p, { indent: 200, align: 'both' })),
  ];
  for (const group of letter.groups) {
    out.push(paragraph(`${group.number}${group.title}`, { bold: true, font: '黑体', indent: 200 }));
    group.items.forEach((item, i) => {
      const figures = figuresText(item);
      out.push(
        paragraph(
          `${i + 1}. ${item.place ? `${item.place}：` : ''}${item.message}${figures ? `（${figures}）` : ''}`,
          {
            indent: 200,
            align: 'both',
          },
        ),
        paragraph(`审核依据：${item.rule.title}。${item.rule.reason}`, {
          indent: 400,
          size: 24,
          align: 'both',
        }),
      );
    });
  }
  if (letter.note) out.push(paragraph(`审核意见：${letter.note}`, { indent: 200, align: 'both' }));
  out.push(
    paragraph(letter.closing, { indent: 200, spaceAfter: 480 }),
    paragraph(`审核人：${letter.reviewer ?? '＿＿＿＿＿＿'}`, { align: 'right' }),
    paragraph(letter.date, { align: 'right' }),
  );
  return out.join('');
}

export async function renderOpinionDocx(letter: OpinionLetter): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  // A4 portrait with the margins of official documents (GB/T 9704: 37 mm top, 28 mm left, 26 mm right).
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${opinionBody(letter)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
