// `npm run bench [-- --record]`: the parser and checker, PDF reading, then the store and API.
await import('./run.ts');
await import('./pdf.ts');
await import('./store.ts');
