// Opens the store: embedded PGlite in a data directory (the default), or PostgreSQL at DATABASE_URL.
// Both speak the PostgreSQL dialect through one Kysely query layer; migrations run on open.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations.ts';
import { PgliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type Store = Kysely<Database>;

export interface StoreOptions {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir` (or in memory without one). */
  url?: string;
  dataDir?: string;
  /** PostgreSQL only: a schema of its own (created when missing), e.g. for tests sharing one server. */
  schema?: string;
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
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const lite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
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
