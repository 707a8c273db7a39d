// The standard disclosure as PDF: the HTML printed by Chromium with a TrueType CJK font
// (fonts-wqy-microhei), so that the text a reader copies — or pdftotext extracts — is exact.
import type { Browser } from 'playwright-core';
import type { Document } from '../model/document.ts';
import { type HtmlOptions, renderHtml } from './html.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PdfOptions {
  html?: HtmlOptions;
  /** A Chromium already launched (launchChromium), reused across renders; the caller closes it. */
  browser?: Browser;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

export async function renderPdf(doc: Document, options: PdfOptions = {}): Promise<Uint8Array> {
  return printPdf(renderHtml(doc, options.html), {
    landscape: true,
    ...(options.browser ? { browser: options.browser } : {}),
  });
}

/** Any self-contained HTML page (no scripts, nothing fetched) printed to A4 PDF. */
export async function printPdf(
  html: string,
  options: { browser?: Browser; landscape?: boolean } = {},
): Promise<Uint8Array> {
  const browser = options.browser ?? (await launchChromium());
  try {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return new Uint8Array(
        await page.pdf({ format: 'A4', landscape: options.landscape ?? false, printBackground: true }),
      );
    } finally {
      await page.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}
