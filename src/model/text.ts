// Text as the domain compares it. Every reader normalises what it reads, so that the recognisers see one
// form of each character whatever the source: NFKC, except that full-width punctuation stays as printed,
// and the CJK radicals that extraction from PDF fonts gives mapped to their ideographs.

/**
 * With all whitespace removed: how names, titles and labels are compared and stored. The readers have
 * normalised the text already (`normalise` below), so only whitespace is left to remove.
 */
export function compact(text: string): string {
  return blank.test(text) ? text.replace(blanks, '') : text;
}

const blank = /\s/;
const blanks = /\s+/g;

/** NFKC and CJK radicals (U+2E80–U+2EFF, which NFKC leaves alone) mapped to their ideographs. */
export function normalise(text: string): string {
  if (!unusual.test(text)) return text; // nothing NFKC or the radical map would change
  // Full-width punctuation and quotes are kept as printed; NFKC would turn （，） into (,).
  return text
    .replace(/[^\uff00-\uffef“”‘’]+/g, (s) => s.normalize('NFKC'))
    .replace(/[\u2e80-\u2eff]/g, (c) => radicals[c] ?? c);
}

/** A character outside the set NFKC and the radical map leave alone (a search, faster than matching all). */
const unusual = /[^\x20-\x7e\t\n\u4e00-\u9fff\u3001-\u3011\uff01-\uff5e“”‘’—…·≤≥≦≧]/;

/**
 * Whether decoded text can skip both the control-character count and `normalise`: it holds only
 * characters `normalise` leaves alone, carriage returns and ideographic spaces (which the text reader
 * replaces), so no control character either.
 */
export const isPlainText = (text: string): boolean => !unusualInText.test(text);
const unusualInText = /[^\x20-\x7e\t\n\r\u3000\u4e00-\u9fff\u3001-\u3011\uff01-\uff5e“”‘’—…·≤≥≦≧]/;

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

/**
 * A section's prose cut into sentences, each with the 。；！？ that ends it: together they are the text. A
 * finding's anchor names a sentence by its index here, and the web app cuts the text the same way.
 */
export function sentencesOf(text: string): string[] {
  return text.match(/[^。；！？;!?]+[。；！？;!?]*|[。；！？;!?]+/g) ?? [];
}
