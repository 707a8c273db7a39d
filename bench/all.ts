// `npm run bench [-- --record]`: the parser and checker, PDF reading, the store and API, then rendering.
await import('./run.ts');
await import('./pdf.ts');
await import('./store.ts');
await import('./render.ts');
