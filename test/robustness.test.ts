// The parser must never crash or hang, whatever it is given: it either returns a Document (with a
// problems array) or throws a ReadError. The samples are mutated by fast-check thousands of times.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.ts';
import { parseText } from '../src/parse.ts';
import { ReadError } from '../src/read/layout.ts';
import { maxTextBytes } from '../src/read/text.ts';
import { parseString, seedBytes, seedFile, seedFiles, seedText, utf8 } from './helpers.ts';

/** The hang guard: no single parse may take this long. Not a speed target. */
const limitMs = 1000;
/** ROBUSTNESS_SCALE=10 npx vitest run test/robustness.test.ts fuzzes ten times as long. */
const scale = Number(process.env.ROBUSTNESS_SCALE ?? 1) || 1;
const runs = (n: number) => Math.max(1, Math.round(n * scale));

const texts = seedFiles.map((f) => seedText(f));
const lines = texts.map((t) => t.split('\n'));
const bytes = seedFiles.map((f) => seedBytes(f));
const allLines = lines.flat();

const readErrorReasons = ['empty', 'binary', 'encoding', 'too-large', 'unsupported'];

/** Parses once; fails the run on any exception other than a ReadError, or when the call is too slow. */
function parseChecked(input: Uint8Array, file: string): Document | ReadError {
  const t0 = performance.now();
  let out: Document | ReadError;
  try {
    out = parseText(input, file);
  } catch (e) {
    if (!(e instanceof ReadError)) {
      const err = e instanceof Error ? e : new Error(String(e));
      throw new Error(
        `parseText threw ${err.name} (not a ReadError) on ${file}, ${input.length} bytes: ${err.message}\n${err.stack}`,
      );
    }
    out = e;
  }
  const ms = performance.now() - t0;
  if (ms >= limitMs) throw new Error(`parseText took ${ms.toFixed(0)} ms on ${file} (${input.length} bytes)`);
  if (out instanceof ReadError) {
    expect(out.file).toBe(file);
    expect(readErrorReasons).toContain(out.reason);
    expect(out.message).toContain(file);
  } else {
    expect(Array.isArray(out.problems)).toBe(true);
    expect(Array.isArray(out.projects)).toBe(true);
    expect(typeof out.tables).toBe('object');
  }
  return out;
}

// --- Mutations of the lines of a sample -------------------------------------------------------------

/** Pieces of the documents' vocabulary, so inserted lines look like real ones and reach the recognisers. */
const vocabulary = [
  '部门预算收支总表',
  '部门预算收入总表',
  '部门预算支出总表',
  '部门预算财政拨款收支总表',
  '部门预算一般公共预算财政拨款支出表',
  '部门预算财政拨款“三公”经费支出表',
  '部门预算政府采购表',
  '366乐亭县商务和投资促进局 预算年度：2025 单位：万元',
  '单位：万元',
  '单位：元',
  '预算年度：2025',
  '项目编码',
  '13022525P00HHX610013N',
  '项目名称',
  '预算数',
  '其中：财政资金',
  '一级指标',
  '二级指标',
  '产出指标',
  '数量指标',
  '≥90%',
  '3 月底',
  '12 月底',
  '25%',
  '第一部分',
  '第二部分',
  '一、部门职责及机构设置情况',
  '二、分项绩效目标',
  '1、招商引资经费绩效目标表',
  '绩效目标表',
  '合计',
  '小计',
  '栏次',
  '序号',
  '201',
  '20113',
  '2011301',
  '一般公共服务支出',
  '收入总计',
  '支出总计',
  '注：无政府性基金预算财政拨款预算，空表列示。',
  '1111.68',
  '0.00',
  '-3.5',
  '1,234.56',
  '万元',
  '较 2024 年预算增加',
  '[bookmark: _Toc_2_2_0000000001]',
  'page number',
  '表',
  '',
];

const tokenLine = fc
  .tuple(
    fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }),
    fc.constantFrom(' ', '\t', ''),
  )
  .map(([words, sep]) => words.join(sep));
const randomLine = fc.oneof(
  tokenLine,
  tokenLine.map((l) => `\t${l}`),
  fc.constantFrom(...allLines),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...'0123456789. \t-%万元'), maxLength: 30 }),
);

type LineOp =
  | { op: 'drop'; at: number; count: number }
  | { op: 'dup'; at: number; count: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'move'; from: number; count: number; to: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'digit'; at: number; nth: number; to: string }
  | { op: 'cut'; at: number };

const pos = fc.nat({ max: 1_000_000 });
const digitReplacement = fc.constantFrom(
  ...'0123456789'.split(''),
  '',
  '.',
  '..',
  '-',
  ',',
  ' ',
  '00',
  '99999999999999999999',
  '1e5',
  'O',
  '０',
);
const lineOp: fc.Arbitrary<LineOp> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: pos, count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('dup' as const), at: pos, count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('swap' as const), a: pos, b: pos }),
  fc.record({
    op: fc.constant('move' as const),
    from: pos,
    count: fc.integer({ min: 1, max: 200 }),
    to: pos,
  }),
  fc.record({ op: fc.constant('insert' as const), at: pos, text: randomLine }),
  fc.record({ op: fc.constant('digit' as const), at: pos, nth: pos, to: digitReplacement }),
  fc.record({ op: fc.constant('cut' as const), at: pos }),
);

/** Replaces the nth digit (counted over the whole line) with `to`; lines without digits are left alone. */
function alterDigit(line: string, nth: number, to: string): string {
  const at = [...line.matchAll(/\d/g)].map((m) => m.index);
  if (at.length === 0) return line;
  const i = at[nth % at.length]!;
  return line.slice(0, i) + to + line.slice(i + 1);
}

const withDigits = lines.map((ls) => ls.flatMap((l, i) => (/\d/.test(l) ? [i] : [])));

function applyOps(seed: number, ops: LineOp[]): string[] {
  const ls = [...lines[seed]!];
  for (const o of ops) {
    const n = ls.length;
    if (n === 0) break;
    switch (o.op) {
      case 'drop':
        ls.splice(o.at % n, o.count);
        break;
      case 'dup': {
        const i = o.at % n;
        ls.splice(i, 0, ...ls.slice(i, i + o.count));
        break;
      }
      case 'swap': {
        const a = o.a % n;
        const b = o.b % n;
        [ls[a], ls[b]] = [ls[b]!, ls[a]!];
        break;
      }
      case 'move': {
        const block = ls.splice(o.from % n, o.count);
        ls.splice(o.to % (ls.length + 1), 0, ...block);
        break;
      }
      case 'insert':
        ls.splice(o.at % (n + 1), 0, o.text);
        break;
      case 'digit': {
        // Prefer lines that have digits: index into the sample's digit lines when the text is unchanged.
        const candidates = withDigits[seed]!;
        const i =
          candidates.length > 0 && ls.length === lines[seed]!.length
            ? candidates[o.at % candidates.length]!
            : o.at % n;
        ls[i] = alterDigit(ls[i]!, o.nth, o.to);
        break;
      }
      case 'cut':
        ls.length = o.at % (n + 1);
        break;
    }
  }
  return ls;
}

const seedIndex = fc.integer({ min: 0, max: seedFiles.length - 1 });

describe('robustness: mutated samples never crash or hang', () => {
  beforeAll(() => {
    // Warm the JIT so the first runs are not timed cold.
    for (let i = 0; i < seedFiles.length; i++) parseText(bytes[i]!, seedFiles[i]!);
  });

  it('line mutations: drop, duplicate, swap, move, insert, cut', () => {
    fc.assert(
      fc.property(seedIndex, fc.array(lineOp, { minLength: 1, maxLength: 10 }), (seed, ops) => {
        parseChecked(utf8(applyOps(seed, ops).join('\n')), `mutated-${seedFiles[seed]}`);
      }),
      { numRuns: runs(700) },
    );
  });

  it('numbers altered: digits replaced, dropped, doubled, made huge or non-numeric', () => {
    const digitOp = fc.record({ op: fc.constant('digit' as const), at: pos, nth: pos, to: digitReplacement });
    fc.assert(
      fc.property(seedIndex, fc.array(digitOp, { minLength: 1, maxLength: 40 }), (seed, ops) => {
        parseChecked(utf8(applyOps(seed, ops).join('\n')), `digits-${seedFiles[seed]}`);
      }),
      { numRuns: runs(400) },
    );
  });

  it('file cut at a random byte (inside a UTF-8 sequence or at a character boundary)', () => {
    fc.assert(
      fc.property(seedIndex, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (seed, at, snap) => {
        const b = bytes[seed]!;
        let end = Math.floor(at * b.length);
        // Back up to the start of a character (UTF-8 continuation bytes are 10xxxxxx).
        if (snap) while (end > 0 && end < b.length && (b[end]! & 0xc0) === 0x80) end--;
        parseChecked(b.subarray(0, end), `cut-${seedFiles[seed]}`);
      }),
      { numRuns: runs(400) },
    );
  });

  it('random bytes inserted at random places (raw, ASCII with controls, or UTF-8 of random characters)', () => {
    const insertion = fc.record({
      at: pos,
      bytes: fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 16 }),
        fc.uint8Array({ minLength: 1, maxLength: 16, max: 0x7f }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }).map(utf8),
      ),
    });
    fc.assert(
      fc.property(seedIndex, fc.array(insertion, { minLength: 1, maxLength: 6 }), (seed, inserts) => {
        let b = bytes[seed]!;
        for (const ins of inserts) {
          let at = ins.at % (b.length + 1);
          // At a character boundary, so that valid insertions keep the text valid UTF-8.
          while (at > 0 && at < b.length && (b[at]! & 0xc0) === 0x80) at--;
          const next = new Uint8Array(b.length + ins.bytes.length);
          next.set(b.subarray(0, at), 0);
          next.set(ins.bytes, at);
          next.set(b.subarray(at), at + ins.bytes.length);
          b = next;
        }
        parseChecked(b, `bytes-${seedFiles[seed]}`);
      }),
      { numRuns: runs(400) },
    );
  });

  it('random lines inserted, from the vocabulary, other samples and arbitrary strings', () => {
    fc.assert(
      fc.property(
        seedIndex,
        fc.array(fc.tuple(pos, randomLine), { minLength: 1, maxLength: 30 }),
        (seed, inserts) => {
          const ops: LineOp[] = inserts.map(([at, text]) => ({ op: 'insert', at, text }));
          parseChecked(utf8(applyOps(seed, ops).join('\n')), `lines-${seedFiles[seed]}`);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('mutated samples flattened as web text: one cell per line, or lines run together', () => {
    // A page copied as text: every word on a line of its own, or runs of k lines joined by a space or tab.
    const flatten = (ls: string[], form: number, k: number, sep: string) => {
      if (form === 0) return ls.flatMap((l) => l.split(/[\t ]+/)).join('\n');
      const out: string[] = [];
      for (let i = 0; i < ls.length; i += k) out.push(ls.slice(i, i + k).join(sep));
      return out.join('\n');
    };
    fc.assert(
      fc.property(
        seedIndex,
        fc.array(lineOp, { maxLength: 6 }),
        fc.nat({ max: 1 }),
        fc.integer({ min: 2, max: 400 }),
        fc.constantFrom(' ', '\t'),
        (seed, ops, form, k, sep) => {
          parseChecked(utf8(flatten(applyOps(seed, ops), form, k, sep)), `flat-${seedFiles[seed]}`);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('arbitrary short texts', () => {
    fc.assert(
      fc.property(fc.array(randomLine, { maxLength: 60 }), (ls) => {
        parseChecked(utf8(ls.join('\n')), 'arbitrary.txt');
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('robustness: explicit cases', () => {
  it('an empty file is a ReadError "empty" with a Chinese message naming the file', () => {
    const file = 'empty-sample.txt';
    let error: unknown;
    try {
      parseText(new Uint8Array(0), file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReadError);
    const e = error as ReadError;
    expect(e.reason).toBe('empty');
    expect(e.file).toBe(file);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('binary garbage with NULs is a ReadError "binary"', () => {
    // A fixed pseudo-random byte stream (xorshift32) with a NUL every 7th byte.
    let x = 0x9e3779b9;
    const garbage = new Uint8Array(8192).map((_, i) => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return i % 7 === 0 ? 0 : x & 0xff;
    });
    expect(() => parseText(garbage, 'garbage.bin')).toThrow(ReadError);
    try {
      parseText(garbage, 'garbage.bin');
    } catch (e) {
      expect((e as ReadError).reason).toBe('binary');
      expect((e as ReadError).message).toContain('garbage.bin');
    }
  });

  it('any byte string with NULs in it is a ReadError "binary"', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 4000 }), (raw) => {
        const b = raw.map((v, i) => (i % 10 === 0 ? 0 : v));
        const out = parseChecked(b, 'nul.bin');
        expect(out).toBeInstanceOf(ReadError);
        expect((out as ReadError).reason).toBe('binary');
      }),
      { numRuns: runs(200) },
    );
  });

  it('bytes that are neither UTF-8 nor GB18030 are a ReadError "encoding"', () => {
    const out = parseChecked(new Uint8Array([0x61, 0x62, 0x63, 0xff, 0xff, 0x0a]), 'bad-encoding.txt');
    expect(out).toBeInstanceOf(ReadError);
    expect((out as ReadError).reason).toBe('encoding');
  });

  it('a file over the size limit is a ReadError "too-large"', () => {
    const out = parseChecked(new Uint8Array(maxTextBytes + 1).fill(0x61), 'huge.txt');
    expect(out).toBeInstanceOf(ReadError);
    expect((out as ReadError).reason).toBe('too-large');
  });

  it('a text without any table is a Document with the problem "no-content"', () => {
    const doc = parseString(
      '这是一份普通的通知。\n请各单位于本周五前报送材料。\n\n联系人：张三\n',
      'notice.txt',
    );
    expect(doc.problems.map((p) => p.code)).toContain('no-content');
  });

  it('a table cut off mid-way (first 40% of the lines of sample 000) still yields the summary table', () => {
    const file = seedFile('000');
    const ls = seedText(file).split('\n');
    const cut = ls.slice(0, Math.floor(ls.length * 0.4)).join('\n');
    const out = parseChecked(utf8(cut), `cut-${file}`);
    expect(out).not.toBeInstanceOf(ReadError);
    const doc = out as Document;
    expect(doc.tables.summary).toBeDefined();
  });
});
