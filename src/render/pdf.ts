// The standard disclosure as PDF: the HTML printed by Chromium with a TrueType CJK font
// (fonts-wqy-microhei), so that the text a reader copies — or pdftotext extracts — is exact.
import type { Document } from '../model/document.ts';
import { renderHtml } from './html.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function renderPdf(doc: Document): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(renderHtml(doc), { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', landscape: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}
