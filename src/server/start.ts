// `yusuan serve`: the store (PGlite in a data directory, or DATABASE_URL), first-run data, the server.

import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoDocuments, demoUnitDocuments } from '../demo/generate.ts';
import { ReadError, readableExtensions } from '../parse.ts';
import { openStore, type Store } from '../store/db.ts';
import { importFile, NotADisclosure } from '../store/documents.ts';
import { buildServer } from './app.ts';
import { createUser, verifyPassword } from './auth.ts';

/** The demo accounts' password when YUSUAN_ADMIN_PASSWORD is not set: public, so changed at first login. */
const demoPassword = 'yusuan-demo';

/** The real samples beside the repository, when they are there. */
export const sampleDirs = ['../../../shared/seeds/', '../../../shared/samples/pdf/'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);

export interface ServeOptions {
  dataDir: string;
  port: number;
  host?: string;
  databaseUrl?: string;
  /** Trust the reverse proxy's X-Forwarded-* headers (see ServerOptions.trustProxy). */
  trustProxy?: boolean;
  log: (line: string) => void;
}

export async function serve(options: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const open = () =>
    openStore(
      options.databaseUrl ? { url: options.databaseUrl } : { dataDir: options.dataDir, thread: true },
    );
  // A data directory not made yet has had no first run: the child makes it, and this process never holds
  // the memory of creating a database.
  const fresh = !options.databaseUrl && !existsSync(join(options.dataDir, 'PG_VERSION'));
  let store = fresh ? undefined : await open();
  const done = store ? await firstRunIsDone(store) : false;
  if (!done && (await firstRunInChild(options, async () => store?.destroy()))) store = await open();
  store ??= await open();
  // Done by the child process; here only when it could not run (from the TypeScript sources).
  await firstRun(store, options.log);
  const app = await buildServer({
    store,
    trustProxy: options.trustProxy ?? false,
    // How long a server may go silent on a file before another takes it over (after kill -9, a lost machine).
    jobs: { staleMs: Number(process.env.YUSUAN_JOB_STALE_SECONDS ?? 30) * 1000 },
    log: { stream: process.stderr, level: process.env.YUSUAN_LOG_LEVEL ?? 'warn' },
  });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`;
  return {
    url,
    close: async () => {
      await app.close();
      await store.destroy();
    },
  };
}

/**
 * A new store gets demo users, the demo disclosures and the samples, so the app has something to show. The
 * import is marked done only once it finished: a first start killed half-way finishes it at the next start
 * (files already stored are recognised by their content and skipped).
 */
export async function firstRun(store: Store, log: (line: string) => void): Promise<void> {
  const users = await store.selectFrom('app_user').select('id').limit(1).execute();
  if (users.length === 0) {
    const password = process.env.YUSUAN_ADMIN_PASSWORD ?? demoPassword;
    // The demo password is public: whoever logs in with it first sets their own.
    const mustChangePassword = !process.env.YUSUAN_ADMIN_PASSWORD;
    await createUser(store, { name: 'admin', password, role: 'admin', mustChangePassword });
    await createUser(store, { name: 'reviewer', password, role: 'reviewer', mustChangePassword });
    log(
      `已创建用户 admin（管理员）和 reviewer（审核），密码：${password}${process.env.YUSUAN_ADMIN_PASSWORD ? '' : '（演示密码，首次登录后须修改；也可启动前设置 YUSUAN_ADMIN_PASSWORD）'}`,
    );
  } else await requireDemoPasswordChange(store);
  if (await firstRunIsDone(store)) return;
  // The project's own demo disclosures, then the real samples when they are beside the repository.
  const demos = [...demoDocuments(), ...demoUnitDocuments()].map((d) => ({
    name: d.name,
    bytes: () => new TextEncoder().encode(d.text),
  }));
  const samples = sampleDirs
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((n) => readableExtensions.includes(extname(n).toLowerCase()))
        .sort()
        .map((n) => ({ name: n, bytes: () => new Uint8Array(readFileSync(join(d, n))) })),
    );
  const all = [...demos, ...samples];
  let imported = 0;
  for (const [i, file] of all.entries()) {
    try {
      const result = await importFile(store, file.bytes(), file.name);
      if (result.status === 'imported') {
        imported++;
        // The demo and the published samples are public: they start approved.
        await store
          .updateTable('document')
          .set({ review_state: 'approved' })
          .where('id', '=', result.id)
          .execute();
      }
    } catch (e) {
      if (!(e instanceof ReadError || e instanceof NotADisclosure)) throw e;
      log(`跳过：${e.message}`);
    }
    log(`首次启动：导入示例 ${i + 1}/${all.length}（${file.name}）`);
  }
  await store
    .insertInto('audit')
    .values({
      user_id: null,
      action: firstRunDone,
      detail: JSON.stringify({ demos: demos.length, samples: samples.length, imported }),
    })
    .execute();
  log(`首次启动：${demos.length} 个演示文档和 ${samples.length} 个真实样本已就绪（本次导入 ${imported} 个）`);
}

/**
 * Runs the first start's import in a child process (first-run-worker.ts) when running compiled: reading
 * PDFs and filling the database churn through hundreds of MB, which a process keeps once it has them (a
 * worker thread's too) but an ended process gives back. The store is closed first, as a PGlite data
 * directory has one owner. From the TypeScript sources there is no compiled child: false, nothing done.
 */
async function firstRunInChild(options: ServeOptions, closeStore: () => Promise<void>): Promise<boolean> {
  const childFile = new URL('./first-run-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.js') || !existsSync(childFile)) return false;
  await closeStore();
  await new Promise<void>((done, fail) => {
    const child = fork(fileURLToPath(childFile), [], {
      env: {
        ...process.env,
        YUSUAN_FIRST_RUN_DATA: options.dataDir,
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (line) => options.log(String(line)));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`首次启动导入失败（退出码 ${code}）`)),
    );
  });
  return true;
}

/**
 * A store made by an earlier release may still have its demo accounts on the public demo password, from
 * before it had to be changed: such an account must change it at its next login.
 */
export async function requireDemoPasswordChange(store: Store): Promise<void> {
  const demo = await store
    .selectFrom('app_user')
    .select(['id', 'password_hash'])
    .where('name', 'in', ['admin', 'reviewer'])
    .where('must_change_password', '=', false)
    .execute();
  for (const user of demo)
    if (await verifyPassword(demoPassword, user.password_hash))
      await store
        .updateTable('app_user')
        .set({ must_change_password: true })
        .where('id', '=', user.id)
        .execute();
}

async function firstRunIsDone(store: Store): Promise<boolean> {
  const done = await store
    .selectFrom('audit')
    .select('id')
    .where('action', '=', firstRunDone)
    .limit(1)
    .execute();
  return done.length > 0;
}

/** The audit entry that says the first start's import finished. */
const firstRunDone = 'first-run-done';
