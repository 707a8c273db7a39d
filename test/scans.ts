// Scanned PDFs made from the shared samples for the OCR tests and bench: a page rendered by pdftoppm (poppler,
// in the README's apt line), degraded the way a scanner does (a slight turn, blur, JPEG noise) with
// @napi-rs/canvas, and wrapped as an image-only PDF written here (one DCTDecode image a page, no text layer).
import { execFileSync } from 'node:child_process';
import { createCanvas, loadImage } from '@napi-rs/canvas';

export interface ScanOptions {
  dpi: number;
  /** Degrees, clockwise as seen. */
  rotate?: number;
  /** Gaussian blur radius in pixels. */
  blur?: number;
  /** JPEG quality (0–100). */
  quality?: number;
}

/** One page of a PDF rendered by pdftoppm as a grey PNG. */
export function renderPage(pdf: string, page: number, dpi: number): Buffer {
  return execFileSync('pdftoppm', ['-f', `${page}`, '-l', `${page}`, '-r', `${dpi}`, '-gray', '-png', pdf], {
    maxBuffer: 256 * 1024 * 1024,
  });
}

export interface ScanImage {
  jpeg: Buffer;
  width: number;
  height: number;
  dpi: number;
}

/** A page as a scanner would give it: turned, blurred and JPEG-compressed. */
export async function scanPage(pdf: string, page: number, options: ScanOptions): Promise<ScanImage> {
  const image = await loadImage(renderPage(pdf, page, options.dpi));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, image.width, image.height);
  if (options.blur) ctx.filter = `blur(${options.blur}px)`;
  ctx.translate(image.width / 2, image.height / 2);
  ctx.rotate(((options.rotate ?? 0) * Math.PI) / 180);
  ctx.drawImage(image, -image.width / 2, -image.height / 2);
  const jpeg = canvas.encodeSync('jpeg', options.quality ?? 75);
  return { jpeg, width: image.width, height: image.height, dpi: options.dpi };
}

/** A PDF of images only, one page each, sized from the image's resolution. */
export function imagePdf(images: ScanImage[]): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Buffer) => {
    chunks.push(b);
    length += b.length;
  };
  const object = (n: number, body: Buffer[]) => {
    offsets[n] = length;
    add(Buffer.from(`${n} 0 obj\n`, 'latin1'));
    for (const b of body) add(b);
    add(Buffer.from('\nendobj\n', 'latin1'));
  };
  add(Buffer.from('%PDF-1.4\n', 'latin1'));
  const count = images.length;
  const kids = images.map((_, i) => `${3 + 3 * i} 0 R`).join(' ');
  object(1, [Buffer.from('<< /Type /Catalog /Pages 2 0 R >>')]);
  object(2, [Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${count} >>`)]);
  images.forEach((img, i) => {
    const n = 3 + 3 * i;
    const w = Math.round((img.width * 72) / img.dpi);
    const h = Math.round((img.height * 72) / img.dpi);
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    object(n, [
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`,
      ),
    ]);
    object(n + 1, [Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)]);
    object(n + 2, [
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.jpeg.length} >>\nstream\n`,
        'latin1',
      ),
      img.jpeg,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  });
  const xref = length;
  const total = 3 + 3 * count;
  let table = `xref\n0 ${total}\n0000000000 65535 f \n`;
  for (let n = 1; n < total; n++) table += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  add(
    Buffer.from(`${table}trailer\n<< /Size ${total} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'),
  );
  return new Uint8Array(Buffer.concat(chunks));
}
