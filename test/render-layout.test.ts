// The rendered disclosure looks like the official one, measured in Chromium: the title centred, the
// 单位 line flush with the table's right edge, every cell ruled. Screenshots of the HTML and of the
// first PDF pages (pdftoppm) go to test/render-artifacts/ for a person to look at.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/render/html.ts';
import { launchChromium, renderPdf } from '../src/render/pdf.ts';
import { parseSeed, seedFiles } from './helpers.ts';

const artifacts = fileURLToPath(new URL('./render-artifacts/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-layout-'));
/** A4 landscape at 96 px per inch. */
const a4 = { width: 1123, height: 794 };
/** How far (px) an edge may stray: sub-pixel text metrics, not layout. */
const tolerance = 2;

let browser: Browser;
beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Box {
  left: number;
  right: number;
}
interface Layout {
  pageWidth: number;
  title: Box;
  tables: { title: Box; unit: Box | null; table: Box }[];
  cells: number;
  /** Cells with a side whose computed border is not a solid line of positive width. */
  unruled: string[];
}

/** Measures the page: boxes are those of the text itself (a Range), not of the full-width blocks. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const textBox = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const sections = [...document.querySelectorAll('section.table')];
    const cells = sections.flatMap((s) => [...s.querySelectorAll('td, th')]);
    const unruled = cells
      .filter((cell) => {
        const style = getComputedStyle(cell);
        return ['Top', 'Right', 'Bottom', 'Left'].some(
          (side) =>
            !(Number.parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0) ||
            style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'solid',
        );
      })
      .map((cell) => cell.textContent ?? '');
    return {
      pageWidth: document.documentElement.clientWidth,
      title: textBox(document.querySelector('h1')!),
      tables: sections.map((s) => {
        const unit = s.querySelector('.meta .unit');
        return {
          title: textBox(s.querySelector('h2')!),
          unit: unit && textBox(unit),
          table: box(s.querySelector('table')!),
        };
      }),
      cells: cells.length,
      unruled,
    };
  });
}

const centredOn = (b: Box, width: number) => Math.abs(b.left - (width - b.right));

/** Width, height and grey levels of a binary PGM (pdftoppm -gray). */
function readPgm(file: string): { width: number; height: number; pixels: Uint8Array } {
  const bytes = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

/** The columns holding ink (grey < 128): the printed area's left and right edge in pixels. */
function inkColumns(pgm: ReturnType<typeof readPgm>): { left: number; right: number } {
  let left = pgm.width;
  let right = -1;
  for (let y = 0; y < pgm.height; y++)
    for (let x = 0; x < pgm.width; x++)
      if (pgm.pixels[y * pgm.width + x]! < 128) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
  return { left, right };
}

const budgetSeeds = seedFiles.filter((f) => parseSeed(f).kind === 'budget');

describe('rendered HTML layout in Chromium', () => {
  it.each(seedFiles)('%s: title centred, 单位 flush right with the table, every cell ruled', async (file) => {
    const doc = parseSeed(file);
    const page = await browser.newPage({ viewport: a4 });
    try {
      await page.setContent(renderHtml(doc), { waitUntil: 'load' });
      const stem = file.replace(/\.txt$/, '');
      await page.screenshot({ path: join(artifacts, `${stem}-html.png`) });
      const firstTable = page.locator('section.table').first();
      if ((await firstTable.count()) > 0)
        await firstTable.screenshot({ path: join(artifacts, `${stem}-html-table.png`) });
      const layout = await measure(page);
      expect(layout.title.right - layout.title.left).toBeGreaterThan(100);
      expect(centredOn(layout.title, layout.pageWidth)).toBeLessThanOrEqual(tolerance);
      expect(layout.tables.length).toBe(Object.keys(doc.tables).length);
      for (const t of layout.tables) {
        expect(centredOn(t.title, layout.pageWidth)).toBeLessThanOrEqual(tolerance);
        expect(t.unit).not.toBeNull();
        expect(Math.abs(t.unit!.right - t.table.right)).toBeLessThanOrEqual(tolerance);
        // Right-aligned, not merely reaching the edge: it starts in the right half.
        expect(t.unit!.left).toBeGreaterThan((t.table.left + t.table.right) / 2);
      }
      if (layout.tables.length > 0) expect(layout.cells).toBeGreaterThan(0);
      expect(layout.unruled).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('rendered PDF pages', () => {
  it.each(budgetSeeds)(
    '%s: A4 landscape; cover centred; the first table spans the page between equal margins',
    async (file) => {
      const stem = file.replace(/\.txt$/, '');
      const pdf = join(tmp, `${stem}.pdf`);
      writeFileSync(pdf, await renderPdf(parseSeed(file), { browser }));
      const png = spawnSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '3',
        pdf,
        join(artifacts, `${stem}-pdf`),
      ]);
      expect(png.status).toBe(0);
      expect(
        readdirSync(artifacts).filter((f) => f.startsWith(`${stem}-pdf-`) && f.endsWith('.png')),
      ).toHaveLength(3);
      const grey = spawnSync('pdftoppm', ['-gray', '-r', '60', '-f', '1', '-l', '2', pdf, join(tmp, stem)]);
      expect(grey.status).toBe(0);
      const pages = readdirSync(tmp)
        .filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.pgm'))
        .sort()
        .map((f) => readPgm(join(tmp, f)));
      // 297 × 210 mm at 60 dpi.
      for (const p of pages) {
        expect(Math.abs(p.width - (297 / 25.4) * 60)).toBeLessThan(2);
        expect(Math.abs(p.height - (210 / 25.4) * 60)).toBeLessThan(2);
      }
      const [cover, table] = pages.map((p) => ({ ...inkColumns(p), width: p.width }));
      expect(Math.abs(cover!.left - (cover!.width - 1 - cover!.right))).toBeLessThanOrEqual(3);
      // The table is ruled from margin to margin (14 mm ≈ 33 px at 60 dpi).
      expect(Math.abs(table!.left - (table!.width - 1 - table!.right))).toBeLessThanOrEqual(3);
      expect(table!.left).toBeGreaterThan(20);
      expect(table!.left).toBeLessThan(45);
    },
  );
});
