// Exact decimal strings for display: rounded only when shown, never summed as floats.
import Big from 'big.js';

/** One CSV field, quoted when needed. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A plain decimal string rounded half away from zero to `places` decimals, with thousands separators. */
export function formatAmount(value: string | null | undefined, places = 2): string {
  if (value === null || value === undefined || value === '') return '—';
  const fixed = new Big(value).round(places, Big.roundHalfUp).toFixed(places);
  const negative = fixed.startsWith('-');
  const [whole = '0', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** b − a, exactly; null when either is missing. */
export function difference(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return new Big(b).minus(a).toFixed();
}

/** (b − a) ÷ a as a percentage with `places` decimals and a sign; "—" when a is missing or zero. */
export function growth(a: string | null | undefined, b: string | null | undefined, places = 2): string {
  if (a === null || a === undefined || b === null || b === undefined || new Big(a).eq(0)) return '—';
  const percent = new Big(b).minus(a).times(100).div(new Big(a).abs()).round(places, Big.roundHalfUp);
  return `${percent.gt(0) ? '+' : ''}${percent.toFixed(places)}%`;
}

/** An amount as printed, every digit kept, with thousands separators: 189767551 → 189,767,551. */
export function groupThousands(value: string): string {
  const [whole = '', fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
