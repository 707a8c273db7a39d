// Generates docs/rules.md from the rules' meta: `npm run rules-doc`. A test keeps the file current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown } from '../src/check/catalogue.ts';

const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(target, rulesMarkdown());
console.log(`已写入 ${target}`);
