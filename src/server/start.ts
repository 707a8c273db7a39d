// `yusuan serve`: the store (PGlite in a data directory, or DATABASE_URL), first-run data, the server.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoDocuments, demoUnitDocuments } from '../demo/generate.ts';
import { readableExtensions } from '../parse.ts';
import { ReadError } from '../read/layout.ts';
import { openStore, type Store } from '../store/db.ts';
import { importFile } from '../store/documents.ts';
import { buildServer } from './app.ts';
import { createUser } from './auth.ts';

/** The real samples beside the repository, when they are there. */
export const sampleDirs = ['../../../shared/seeds/', '../../../shared/samples/pdf/'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);

export interface ServeOptions {
  dataDir: string;
  port: number;
  host?: string;
  databaseUrl?: string;
  log: (line: string) => void;
}

export async function serve(options: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const store = await openStore(
    options.databaseUrl ? { url: options.databaseUrl } : { dataDir: options.dataDir },
  );
  await firstRun(store, options.log);
  const app = await buildServer({ store });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port, host });
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${options.port}/`;
  return {
    url,
    close: async () => {
      await app.close();
      await store.destroy();
    },
  };
}

/** An empty store gets demo users and the samples, so the app has something to show. */
export async function firstRun(store: Store, log: (line: string) => void): Promise<void> {
  const users = await store.selectFrom('app_user').select('id').limit(1).execute();
  if (users.length === 0) {
    const password = process.env.YUSUAN_ADMIN_PASSWORD ?? 'yusuan-demo';
    await createUser(store, { name: 'admin', password, role: 'admin' });
    await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
    log(
      `已创建用户 admin（管理员）和 reviewer（审核），密码：${password}${process.env.YUSUAN_ADMIN_PASSWORD ? '' : '（演示密码，正式使用请设置 YUSUAN_ADMIN_PASSWORD）'}`,
    );
  }
  const documents = await store.selectFrom('document').select('id').limit(1).execute();
  if (documents.length > 0) return;
  // The project's own demo disclosures, then the real samples when they are beside the repository.
  const demos = [...demoDocuments(), ...demoUnitDocuments()];
  for (const demo of demos) await importFile(store, new TextEncoder().encode(demo.text), demo.name);
  const files = sampleDirs
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((n) => readableExtensions.includes(extname(n).toLowerCase()))
        .sort()
        .map((n) => join(d, n)),
    );
  let imported = 0;
  for (const file of files) {
    try {
      await importFile(store, new Uint8Array(readFileSync(file)), file.split('/').pop()!);
      imported++;
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      log(`跳过：${e.message}`);
    }
  }
  log(`首次启动：已导入 ${demos.length} 个演示文档${imported > 0 ? `和 ${imported} 个真实样本` : ''}`);
}
