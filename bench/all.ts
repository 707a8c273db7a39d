// `npm run bench [-- --record]`: the parser and checker, PDF reading, OCR of scanned PDFs, the CLI in cold
// processes, the store and API, rendering, the server's memory and ten PDFs imported at once, then the pages
// in Chromium.
await import('./run.ts');
await import('./pdf.ts');
await import('./ocr.ts');
await import('./cold.ts');
await import('./store.ts');
await import('./render.ts');
await import('./serve-memory.ts');
await import('./concurrent.ts');
await import('./pages.ts');
