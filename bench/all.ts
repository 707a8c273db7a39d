// `npm run bench [-- --record]`: the parser and checker, then the store and API.
await import('./run.ts');
await import('./store.ts');
