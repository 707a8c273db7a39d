// The main thread's side of src/store/pglite-worker.mjs: queries go to the database's own thread and their
// rows come back. The thread holds the process open only while a query is waiting, as a socket would.
import { Worker } from 'node:worker_threads';

/** What the store needs of an embedded database: PGlite's own interface, or this thread's client of it. */
export interface EmbeddedDatabase {
  waitReady: Promise<void>;
  query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  close(): Promise<void>;
}

type Answer = { id: number; rows?: unknown[]; affectedRows?: number; error?: Record<string, unknown> };

/** PGlite in a worker thread, on `dataDir` (or in memory without one). */
export function pgliteInThread(dataDir?: string): EmbeddedDatabase {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
  const waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  let next = 0;
  let ended: Error | undefined;
  const hold = () => (waiting.size > 0 ? worker.ref() : worker.unref());

  const waitReady = new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { ready?: true; failed?: string }) => {
      if (!m.ready) return reject(new Error(`内嵌数据库无法打开：${m.failed}`));
      hold();
      resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`内嵌数据库无法打开（线程退出，退出码 ${code}）`)));
  });
  worker.on('message', (m: Answer) => {
    const pending = waiting.get(m.id);
    if (!pending) return;
    waiting.delete(m.id);
    hold();
    pending.resolve(m);
  });
  const fail = (e: Error) => {
    ended = e;
    for (const pending of waiting.values()) pending.reject(e);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`内嵌数据库线程已退出（退出码 ${code}）`)));

  const send = async (message: { sql?: string; params?: unknown[]; close?: true }) => {
    await waitReady;
    if (ended) throw ended;
    const id = next++;
    const answer = new Promise<Answer>((resolve, reject) => waiting.set(id, { resolve, reject }));
    hold();
    worker.postMessage({ id, ...message });
    return answer;
  };

  return {
    waitReady,
    async query<R>(sql: string, params: unknown[]) {
      const answer = await send({ sql, params });
      if (answer.error) throw Object.assign(new Error(String(answer.error.message)), answer.error);
      return {
        rows: answer.rows as R[],
        ...(answer.affectedRows === undefined ? {} : { affectedRows: answer.affectedRows }),
      };
    },
    async close() {
      if (!ended) await send({ close: true }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
