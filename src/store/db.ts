// Opens the store: embedded PGlite in a data directory (the default), or PostgreSQL at DATABASE_URL.
// Both speak the PostgreSQL dialect through one Kysely query layer; migrations run on open.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations.ts';
import { PgliteDialect } from './pglite-dialect.ts';
import { pgliteOptions } from './pglite-options.mjs';
import { pgliteInThread } from './pglite-thread.ts';
import type { Database } from './schema.ts';

export type Store = Kysely<Database>;

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir` (or in memory without one). */
  url?: string;
  dataDir?: string;
  /** PostgreSQL only: a schema of its own (created when missing), e.g. for tests sharing one server. */
  schema?: string;
  /**
   * PGlite only: run it in a thread of its own (store/pglite-worker.mjs). A server does, so that storing a
   * large PDF does not hold its other requests; a batch import does not, as each of its many small queries
   * would then cost a hop between threads (about 13% of a text document's import).
   */
  thread?: boolean;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  let db: Kysely<Database>;
  const schema = options.url ? options.schema : undefined;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`数据库 schema 名称无效：${schema}`);
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    if (schema) await db.schema.createSchema(schema).ifNotExists().execute();
  } else {
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true });
      if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await initialiseDataDir(options.dataDir);
    }
    const lite = options.thread
      ? pgliteInThread(options.dataDir)
      : options.dataDir
        ? new PGlite(options.dataDir, pgliteOptions)
        : new PGlite(pgliteOptions);
    db = new Kysely<Database>({ dialect: new PgliteDialect(lite) });
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`数据库迁移失败：${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}

// Creating a PGlite database (initdb) leaves some 600 MB the process never gives back; done in a worker
// thread, that memory goes when the worker ends, and the server opens the created directory.
const initWorker = `
import { workerData } from 'node:worker_threads';
const { PGlite } = await import(workerData.pglite);
const db = new PGlite(workerData.dataDir);
await db.waitReady;
await db.close();
`;

function initialiseDataDir(dataDir: string): Promise<void> {
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  return new Promise((done, fail) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(initWorker)}`), {
      workerData: { pglite, dataDir },
    });
    worker.once('error', (e) => fail(new Error(`无法创建数据库目录 ${dataDir}：${e.message}`, { cause: e })));
    worker.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`无法创建数据库目录 ${dataDir}（退出码 ${code}）`)),
    );
  });
}
