#!/usr/bin/env node
// The CLI, compiled to dist/ by `npm install` (prepare) or `npm run build`: plain node, no TypeScript at run time.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('错误：yusuan 尚未编译（缺少 dist/），请在软件包目录中运行 npm run build\n');
  process.exit(2);
}
await import(main.href);
