// The stores the API tests run on: embedded PGlite always, and PostgreSQL when DATABASE_URL is set (CI
// sets it), each test file in a schema of its own so runs never see each other's data.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../src/store/db.ts';

export interface Backend {
  name: string;
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

export const backends: Backend[] = [
  { name: 'PGlite', open: async () => ({ store: await openStore({}), cleanup: async () => {} }) },
];
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl)
  backends.push({
    name: 'PostgreSQL',
    open: async () => {
      const schema = `yusuan_test_${randomBytes(6).toString('hex')}`;
      const store = await openStore({ url: databaseUrl, schema });
      return {
        store,
        cleanup: async () => {
          const admin = new pg.Client({ connectionString: databaseUrl });
          await admin.connect();
          await admin.query(`drop schema ${schema} cascade`);
          await admin.end();
        },
      };
    },
  });
