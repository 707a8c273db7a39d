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

const plain = /^[\x20-\x7e\t\n\u4e00-\u9fff\u3001-\u3011\uff01-\uff5e“”‘’—…·≤≥≦≧]*$/;

/** Normalised, with all whitespace removed: how names, titles and labels are compared and stored. */
export function compact(text: string): string {
  // One pass over the characters: the usual cell or line is plain text that needs at most its
  // whitespace removed, and a loop decides that faster than regular expressions (this runs on every line).
  let spaces = false;
  let otherBlanks = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 ? c <= 0x9fff || (c >= 0xff01 && c <= 0xff5e) : c > 0x20 && c <= 0x7e) continue;
    if (c === 0x20) spaces = true;
    else if (c === 0x09 || c === 0x0a) otherBlanks = true;
    else if (!((c >= 0x3001 && c <= 0x3011) || quoteOrDash(c))) return normalise(text).replace(/\s+/g, '');
  }
  // Removing a literal space is faster than a whitespace pattern, and most lines have only spaces.
  if (otherBlanks) return text.replace(/\s+/g, '');
  return spaces ? text.replaceAll(' ', '') : text;
}

/** “”‘’—…· and ≤≥≦≧ (which NFKC leaves alone), which `plain` also lets through. */
const quoteOrDash = (c: number) =>
  c === 0x201c ||
  c === 0x201d ||
  c === 0x2018 ||
  c === 0x2019 ||
  c === 0x2014 ||
  c === 0x2026 ||
  c === 0xb7 ||
  (c >= 0x2264 && c <= 0x2267);

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
    compact: compact(line.text),
    layout: line,
  };
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
