// Chinese numbering as the documents print it: numerals (一 … 九十九) and the number a heading starts with.
// The recogniser numbers the sections with `headingNumber`, the section-numbering rule reads that number,
// and the opinion letter numbers its groups with `chineseNumeral`.

const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Chinese numerals 一…九十九 up to 99, as used in headings and row names; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return null;
  if (text === '十') return 10;
  const [tens, ones] = text.split('十');
  if (ones === undefined) return digits[text] ?? null;
  return (tens ? (digits[tens] ?? 0) : 1) * 10 + (ones ? (digits[ones] ?? 0) : 0);
}

/** 1 → 一, 11 → 十一, 20 → 二十 (1 to 99). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return numerals[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : numerals[tens - 1]}十${ones === 0 ? '' : numerals[ones - 1]}`;
}

/** The number a heading starts with, 一、 → 1, 十一、 → 11, 8、 → 8; undefined when it starts with none. */
export function headingNumber(heading: string): number | undefined {
  const m = /^(\d+|[一二三四五六七八九十]+)、/.exec(heading);
  if (!m) return undefined;
  return /^\d/.test(m[1]!) ? Number(m[1]) : (chineseNumber(m[1]!) ?? undefined);
}
