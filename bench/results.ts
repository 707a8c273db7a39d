// bench/RESULTS.md is made of sections, one per benchmark (## PDF, ## Store and API, ## Render …);
// `--record` replaces a benchmark's own section and leaves the others as they are.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const resultsFile = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/** Replaces the section that starts with `## {heading}` by `section` (which starts with it), or appends it. */
export function recordSection(heading: string, section: string): void {
  const current = readFileSync(resultsFile, 'utf8');
  const start = current.indexOf(`## ${heading}\n`);
  const end = start >= 0 ? current.indexOf('\n## ', start + 1) : -1;
  const body = section.trimEnd();
  const next =
    start < 0
      ? `${current.trimEnd()}\n\n${body}\n`
      : `${current.slice(0, start)}${body}\n${end >= 0 ? `\n${current.slice(end + 1)}` : ''}`;
  writeFileSync(resultsFile, next);
  console.log(`recorded in ${resultsFile}`);
}

/** Replaces the head of the file (the parser's figures, before the first section) by `head`. */
export function recordHead(head: string): void {
  const current = readFileSync(resultsFile, 'utf8');
  const firstSection = current.indexOf('\n## ');
  writeFileSync(resultsFile, `${head.trimEnd()}\n${firstSection >= 0 ? current.slice(firstSection) : ''}`);
  console.log(`recorded in ${resultsFile}`);
}
