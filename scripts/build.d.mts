/** Compiles src/ to dist/; with ifStale, only when src/ changed since the last build. True when it built. */
export function buildDist(options?: { ifStale?: boolean }): Promise<boolean>;
