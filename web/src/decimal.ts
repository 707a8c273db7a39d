// Exact decimal strings for display: amounts stay as printed, 元 is converted to 万元 by moving the point.

/** Moves the decimal point of a plain decimal string `places` to the left. */
export function shiftLeft(value: string, places: number): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const padded = whole.padStart(places + 1, '0');
  const int = padded.slice(0, padded.length - places).replace(/^0+(?=\d)/, '');
  const frac = (padded.slice(padded.length - places) + fraction).replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

/** An amount in 万元, from an amount in the document's unit (万元 or 元). */
export function toWan(value: string, unit: string): string {
  return unit === '元' ? shiftLeft(value, 4) : value;
}

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
