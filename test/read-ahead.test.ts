// Several files are imported at once: the command line reads a few files ahead (readAhead) and the server's
// runner claims one file per loop, each file once.
import { describe, expect, it } from 'vitest';
import { readAhead } from '../src/cli/ahead.ts';
import { createUser } from '../src/server/auth.ts';
import { createJob, startRunner } from '../src/server/import-jobs.ts';
import { openStore } from '../src/store/db.ts';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts how many calls of `work` are in progress at once. */
function overlapping<T>(work: (x: T) => Promise<unknown>) {
  let now = 0;
  const seen = { most: 0 };
  const run = async (x: T) => {
    now++;
    seen.most = Math.max(seen.most, now);
    try {
      return await work(x);
    } finally {
      now--;
    }
  };
  return { run, seen };
}

describe('readAhead', () => {
  it('reads up to the limit at once and yields in the items’ order, failures in their place', async () => {
    const { run, seen } = overlapping(async (n: number) => {
      await later(n % 2 === 0 ? 30 : 5); // later items often finish first
      if (n === 3) throw new Error('三号文件读不出');
      return n * 10;
    });
    const out: (number | string)[] = [];
    for await (const r of readAhead([0, 1, 2, 3, 4, 5], run, 2))
      out.push(r.ok ? (r.value as number) : (r.error as Error).message);
    expect(out).toEqual([0, 10, 20, '三号文件读不出', 40, 50]);
    expect(seen.most).toBe(2);
  });

  it('with a limit of one reads one at a time', async () => {
    const { run, seen } = overlapping(async (n: number) => later(n));
    for await (const _ of readAhead([3, 1, 2], run, 1));
    expect(seen.most).toBe(1);
  });
});

describe('the import runner', () => {
  it('imports as many files at once as its concurrency, each file once', async () => {
    const store = await openStore({});
    try {
      const userId = await createUser(store, { name: 'admin', password: 'runner-test-pw', role: 'admin' });
      const names = Array.from({ length: 7 }, (_, i) => `第${i + 1}个.txt`);
      const imported: string[] = [];
      const { run, seen } = overlapping(async (name: string) => {
        await later(40);
        imported.push(name);
      });
      const runner = startRunner(store, {
        concurrency: 3,
        pollMs: 20,
        importFile: async ({ name }) => {
          await run(name);
          return { file: name, ok: true };
        },
        onError: (e) => {
          throw e;
        },
      });
      await createJob(
        store,
        userId,
        names.map((name) => ({ name, bytes: new TextEncoder().encode(name) })),
      );
      runner.wake();
      for (let i = 0; i < 200 && imported.length < names.length; i++) await later(20);
      await runner.stop();
      expect(imported.sort()).toEqual([...names].sort());
      expect(seen.most).toBe(3);
      const states = await store.selectFrom('import_job_file').select('state').execute();
      expect(states.every((s) => s.state === 'finished')).toBe(true);
    } finally {
      await store.destroy();
    }
  });
});
