// `npm run bench [-- --record]`: the parser and checker, PDF reading, the CLI in cold processes, the store
// and API, then rendering.
await import('./run.ts');
await import('./pdf.ts');
await import('./cold.ts');
await import('./store.ts');
await import('./render.ts');
