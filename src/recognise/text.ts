// Text normalisation shared by the recognisers.
import type { LayoutLine } from '../read/layout.ts';

/** NFKC and CJK radicals (U+2E80–U+2EFF, which NFKC leaves alone) mapped to their ideographs. */
export function normalise(text: string): string {
  if (plain.test(text)) return text; // nothing NFKC or the radical map would change
  // Full-width punctuation and quotes are kept as printed; NFKC would turn （，） into (,).
  return text
    .replace(/[^\uff00-\uffef“”‘’]+/g, (s) => s.normalize('NFKC'))
    .replace(/[\u2e80-\u2eff]/g, (c) => radicals[c] ?? c);
}

const plain = /^[\x20-\x7e\t\n\u4e00-\u9fff\u3001-\u3011\uff01-\uff5e“”‘’—…·]*$/;
/** Plain and without whitespace: already compact. */
const plainUnspaced = /^[\x21-\x7e\u4e00-\u9fff\u3001-\u3011\uff01-\uff5e“”‘’—…·]*$/;

/** Normalised, with all whitespace removed: how names, titles and labels are compared and stored. */
export function compact(text: string): string {
  if (text === '') return text; // empty cells are common; no need to look them up
  let out = compactCache.get(text);
  if (out === undefined) {
    out = compacted(text);
    // Recognisers compact the same cells and words many times; a bounded cache keeps that cheap.
    if (compactCache.size > 50_000) compactCache.clear();
    compactCache.set(text, out);
  }
  return out;
}

const compactCache = new Map<string, string>();

/** `compact` without the memo, for text compacted only once (each line's, by `toLine`). */
function compacted(text: string): string {
  if (plainUnspaced.test(text)) return text; // the usual cell or line of prose: nothing to change
  return normalise(text).replace(/\s+/g, '');
}

/**
 * A layout line as the recognisers see it, with its compacted text computed once: they test it many
 * times (is it a table title, a note, the end of a table, a heading…).
 */
export interface Line {
  readonly no: number;
  readonly page: number | undefined;
  readonly text: string;
  readonly cells: string[] | null;
  readonly compact: string;
  /** The line as read, for any field not copied here. */
  readonly layout: LayoutLine;
}

export function toLine(line: LayoutLine): Line {
  // Fields copied one by one, not spread: `{ ...line }` gives objects of varied shapes, on which every
  // property read in the recognisers is several times slower.
  return {
    no: line.no,
    page: line.page,
    text: line.text,
    cells: line.cells,
    compact: compacted(line.text),
    layout: line,
  };
}

/** Called once per document so that a benchmark parsing the same file repeatedly measures real work. */
export function forgetCompacted(): void {
  compactCache.clear();
}

// The radicals seen in extracted Chinese government PDFs; NFKC maps the Kangxi block but not these.
const radicals: Record<string, string> = {
  '⺁': '厂',
  '⺇': '几',
  '⺈': '刀',
  '⺊': '卜',
  '⺌': '小',
  '⺍': '小',
  '⺎': '兀',
  '⺏': '尢',
  '⺐': '尢',
  '⺑': '尢',
  '⺒': '巳',
  '⺓': '幺',
  '⺔': '彐',
  '⺕': '彐',
  '⺖': '心',
  '⺗': '心',
  '⺘': '手',
  '⺙': '攴',
  '⺛': '无',
  '⺜': '日',
  '⺝': '月',
  '⺞': '歹',
  '⺟': '母',
  '⺠': '民',
  '⺡': '水',
  '⺢': '水',
  '⺣': '火',
  '⺤': '爪',
  '⺥': '爪',
  '⺦': '丬',
  '⺧': '牛',
  '⺨': '犬',
  '⺩': '王',
  '⺪': '疋',
  '⺫': '目',
  '⺬': '示',
  '⺭': '示',
  '⺮': '竹',
  '⺯': '糸',
  '⺰': '糸',
  '⺱': '网',
  '⺲': '网',
  '⺳': '网',
  '⺴': '网',
  '⺵': '网',
  '⺶': '羊',
  '⺷': '羊',
  '⺸': '羊',
  '⺹': '老',
  '⺺': '肀',
  '⺻': '聿',
  '⺼': '肉',
  '⺽': '臼',
  '⺾': '艸',
  '⺿': '艸',
  '⻀': '艸',
  '⻁': '虎',
  '⻂': '衣',
  '⻃': '襾',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻇': '角',
  '⻈': '言',
  '⻉': '贝',
  '⻊': '足',
  '⻋': '车',
  '⻌': '辶',
  '⻍': '辶',
  '⻎': '辶',
  '⻏': '邑',
  '⻐': '钅',
  '⻑': '长',
  '⻒': '长',
  '⻓': '长',
  '⻔': '门',
  '⻕': '阜',
  '⻖': '阜',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻞': '食',
  '⻟': '食',
  '⻠': '饣',
  '⻡': '首',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻫': '齐',
  '⻬': '齐',
  '⻭': '齿',
  '⻮': '齿',
  '⻯': '龙',
  '⻰': '龙',
  '⻱': '龟',
  '⻲': '龟',
  '⻳': '龟',
};

/** Chinese numerals 一…九十 up to 99, as used in headings and row names. */
export function chineseNumber(text: string): number | null {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (!/^[一二三四五六七八九十]+$/.test(text)) return null;
  if (text === '十') return 10;
  const [tens, ones] = text.split('十');
  if (ones === undefined) return digits[text] ?? null;
  return (tens ? (digits[tens] ?? 0) : 1) * 10 + (ones ? (digits[ones] ?? 0) : 0);
}
