// A server killed during imports leaves no half-imported document, and the imports can be repeated.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDocuments } from '../src/demo/generate.ts';
import { openStore } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-crash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const root = fileURLToPath(new URL('..', import.meta.url));

describe('a process killed during imports', () => {
  it('leaves only whole documents, and importing again completes the set', async () => {
    const files = [1, 2, 3].flatMap((v) => demoDocuments(v));
    const dir = join(tmp, 'files');
    rmSync(dir, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(dir, { recursive: true }));
    for (const f of files) writeFileSync(join(dir, f.name), f.text);
    const data = join(tmp, 'data');
    // `yusuan import` into the embedded database, killed (SIGKILL) once some documents are in.
    const child = spawn(process.execPath, ['bin/yusuan.js', 'import', dir, '--data', data], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((resolve) => {
      let imported = 0;
      child.stderr.on('data', (chunk: Buffer) => {
        imported += (chunk.toString().match(/已导入/g) ?? []).length;
        if (imported >= 5 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const store = await openStore({ dataDir: data });
    try {
      const documents = await store.selectFrom('document').select(['id', 'file_hash']).execute();
      expect(documents.length).toBeGreaterThanOrEqual(5);
      expect(documents.length).toBeLessThan(files.length);
      // Whole documents only: each has its cells, projects and stored file.
      for (const d of documents) {
        const cells = await store
          .selectFrom('cell')
          .select('document_id')
          .where('document_id', '=', d.id)
          .execute();
        const projects = await store
          .selectFrom('project')
          .select('id')
          .where('document_id', '=', d.id)
          .execute();
        const file = await store.selectFrom('file').select('hash').where('hash', '=', d.file_hash).execute();
        expect(cells.length).toBeGreaterThan(50);
        expect(projects).toHaveLength(2);
        expect(file).toHaveLength(1);
      }
      // Importing the whole set again stores the rest, once each.
      for (const f of files) await importFile(store, new TextEncoder().encode(f.text), f.name);
      const after = await store.selectFrom('document').select('file_hash').execute();
      expect(after).toHaveLength(files.length);
      expect(new Set(after.map((d) => d.file_hash)).size).toBe(files.length);
    } finally {
      await store.destroy();
    }
  });
});
