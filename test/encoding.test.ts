// The same text in another encoding or with other line ends must be read exactly the same.
// Node's TextEncoder only writes UTF-8, so GB18030 bytes are made with iconv-lite.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/parse.ts';
import { toGolden } from './golden-projection.ts';
import { seedBytes, seedFile, seedFiles, seedText, utf8 } from './helpers.ts';

const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
};
const gb18030 = (text: string) => new Uint8Array(iconv.encode(text, 'gb18030'));
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

const variants: [string, (text: string) => Uint8Array][] = [
  ['GB18030', gb18030],
  ['UTF-8 with BOM', (t) => concat(bom, utf8(t))],
  ['CRLF line ends', (t) => utf8(crlf(t))],
  ['GB18030 with CRLF line ends', (t) => gb18030(crlf(t))],
  ['UTF-8 with BOM and CRLF line ends', (t) => concat(bom, utf8(crlf(t)))],
];

describe('encodings and line ends', () => {
  it('GB18030 bytes of sample 004 differ from its UTF-8 bytes and round-trip', () => {
    const text = seedText('004');
    const bytes = gb18030(text);
    expect(Buffer.from(bytes).equals(Buffer.from(utf8(text)))).toBe(false);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
  });

  // Sample 004 as asked; the others too, since they are read in other layouts (spaces, tabs, DOCX cells).
  for (const file of [seedFile('004'), ...seedFiles.filter((f) => !f.startsWith('004'))]) {
    describe(file, () => {
      const plain = toGolden(parseText(seedBytes(file), file));
      for (const [name, encode] of variants) {
        it(name, () => {
          expect(toGolden(parseText(encode(seedText(file)), file))).toEqual(plain);
        });
      }
    });
  }
});

describe('normalisation by the text reader', () => {
  it('maps Kangxi and CJK radicals and compatibility characters, keeps full-width punctuation', async () => {
    const { readText } = await import('../src/read/text.ts');
    // ⾏ (U+2F8F, Kangxi) and ⻓ (U+2ED3, CJK radicals supplement) as PDF fonts give them; ① is NFKC 1.
    const layout = readText(utf8('机关运⾏经费①（⻓期）：12.5万元\n'), 'radicals.txt');
    expect(layout.lines.map((l) => l.text)).toEqual(['机关运行经费1（长期）：12.5万元']);
  });

  it('the same sample with a radical in a title parses to the same tables', () => {
    const text = seedText('004');
    const plain = toGolden(parseText(utf8(text), seedFile('004')));
    const radical = toGolden(parseText(utf8(text.replaceAll('支出', '⽀出')), seedFile('004')));
    expect(radical.tables).toEqual(plain.tables);
  });
});
