// Import jobs kept in the database. A job is its files, each waiting, running or finished; every server
// runs one runner whose loops (one per core) each claim the oldest waiting file (FOR UPDATE SKIP LOCKED: two
// loops or servers never claim the same one), import it and store the outcome. A runner beats a heartbeat on
// the file it holds; a file whose runner died (kill -9, a lost machine) is waiting again once its heartbeat is
// stale, so a restart resumes.
// The same table works on PGlite (one process) and PostgreSQL (several), so no queue library is needed.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { sql } from 'kysely';
import type { Store } from '../store/db.ts';
import type { ImportProgress } from '../store/documents.ts';

export type JobStage = 'waiting' | ImportProgress['stage'] | 'finished';

export interface JobView {
  id: string;
  created: string;
  total: number;
  done: number;
  state: 'running' | 'finished';
  files: { file: string; stage: JobStage; page?: number; pages?: number }[];
  /** Each finished file's outcome, in the order they finished. */
  results: Record<string, unknown>[];
}

export async function createJob(
  store: Store,
  userId: number,
  files: { name: string; bytes: Uint8Array }[],
): Promise<string> {
  const id = randomUUID();
  await store.transaction().execute(async (trx) => {
    await trx.insertInto('import_job').values({ id, user_id: userId, total: files.length }).execute();
    await trx
      .insertInto('import_job_file')
      .values(
        files.map((f, position) => ({
          job_id: id,
          position,
          name: f.name,
          bytes: f.bytes,
          state: 'waiting',
        })),
      )
      .execute();
  });
  return id;
}

/** Files queued and not yet imported, by every server sharing the database. */
export async function queuedFiles(store: Store): Promise<number> {
  const row = await store
    .selectFrom('import_job_file')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('state', '!=', 'finished')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A job as its owner (or 管理员) sees it; undefined when there is none or it is another user's. */
export async function jobView(store: Store, id: string, user: { id: number; admin: boolean }) {
  const job = await store.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job || (job.user_id !== user.id && !user.admin)) return undefined;
  return (await views(store, [job]))[0];
}

/** The user's latest jobs, newest first. */
export async function userJobs(store: Store, userId: number, limit = 50): Promise<JobView[]> {
  const jobs = await store
    .selectFrom('import_job')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return views(store, jobs);
}

async function views(
  store: Store,
  jobs: { id: string; created_at: Date | string; total: number }[],
): Promise<JobView[]> {
  if (jobs.length === 0) return [];
  const files = await store
    .selectFrom('import_job_file')
    .select(['job_id', 'position', 'name', 'state', 'progress', 'outcome', 'finished_seq'])
    .where(
      'job_id',
      'in',
      jobs.map((j) => j.id),
    )
    .orderBy('position')
    .execute();
  return jobs.map((job) => {
    const own = files.filter((f) => f.job_id === job.id);
    const finished = own
      .filter((f) => f.state === 'finished')
      .sort((a, b) => (a.finished_seq ?? 0) - (b.finished_seq ?? 0));
    return {
      id: job.id,
      created: new Date(job.created_at).toISOString(),
      total: job.total,
      done: finished.length,
      state: finished.length === own.length ? 'finished' : 'running',
      files: own.map((f) => ({
        file: f.name,
        ...(f.state === 'running' ? { stage: 'reading' as JobStage, ...f.progress } : { stage: f.state }),
      })),
      results: finished.map((f) => f.outcome ?? {}),
    };
  });
}

export interface RunnerOptions {
  /** Imports one file of a job for the job's user; its outcome is stored as it is. */
  importFile: (
    file: { userId: number; name: string; bytes: Uint8Array },
    onProgress: (progress: ImportProgress) => void,
  ) => Promise<Record<string, unknown>>;
  onError: (error: unknown) => void;
  /** How often an idle runner looks for work another server queued. */
  pollMs?: number;
  /** A running file whose heartbeat is older than this is taken to have lost its runner. */
  staleMs?: number;
  /**
   * Files imported at once: one per core, as reading a PDF runs in the PDF reader's pool of workers (one
   * per core) while the other file is checked and stored on this thread.
   */
  concurrency?: number;
}

/** This server's runner: `concurrency` loops, each claiming and importing one file at a time. */
export function startRunner(store: Store, options: RunnerOptions) {
  const instance = randomUUID();
  const pollMs = options.pollMs ?? 1000;
  const staleMs = options.staleMs ?? 30_000;
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  let stopped = false;
  const sleeping = new Set<() => void>();
  const importing = new Set<Promise<void>>();

  const claim = async () => {
    await store
      .updateTable('import_job_file')
      .set({ state: 'waiting', claimed_by: null, heartbeat_at: null, progress: null })
      .where('state', '=', 'running')
      .where('heartbeat_at', '<', new Date(Date.now() - staleMs))
      .execute();
    const claimed = await sql<{ job_id: string; position: number; name: string; bytes: Uint8Array }>`
      update import_job_file set state = 'running', claimed_by = ${instance}, heartbeat_at = now()
      where (job_id, position) = (
        select f.job_id, f.position from import_job_file f join import_job j on j.id = f.job_id
        where f.state = 'waiting' order by j.created_at, f.job_id, f.position
        limit 1 for update of f skip locked)
      returning job_id, position, name, bytes`.execute(store);
    return claimed.rows[0];
  };

  const runOne = async (file: { job_id: string; position: number; name: string; bytes: Uint8Array }) => {
    const mine = () =>
      store
        .updateTable('import_job_file')
        .where('job_id', '=', file.job_id)
        .where('position', '=', file.position)
        .where('claimed_by', '=', instance);
    const job = await store
      .selectFrom('import_job')
      .select('user_id')
      .where('id', '=', file.job_id)
      .executeTakeFirstOrThrow();
    // Progress is written at most twice a second, and it is the heartbeat too.
    let lastWrite = 0;
    let latest: ImportProgress = { stage: 'reading' };
    const write = () => {
      lastWrite = Date.now();
      return mine()
        .set({ progress: JSON.stringify(latest), heartbeat_at: new Date() })
        .execute()
        .catch(options.onError);
    };
    const heartbeat = setInterval(write, Math.min(5000, staleMs / 3));
    let outcome: Record<string, unknown>;
    try {
      outcome = await options.importFile(
        { userId: job.user_id, name: file.name, bytes: new Uint8Array(file.bytes) },
        (progress) => {
          const stageChanged = progress.stage !== latest.stage;
          latest = progress;
          if (stageChanged || Date.now() - lastWrite > 500) void write();
        },
      );
    } catch (e) {
      options.onError(e);
      outcome = { file: file.name, ok: false, error: `${file.name}：导入时出错，请重试或联系管理员` };
    } finally {
      clearInterval(heartbeat);
    }
    await mine()
      .set({
        state: 'finished',
        bytes: null,
        progress: null,
        outcome: JSON.stringify(outcome),
        finished_seq: sql<number>`(select count(*) + 1 from import_job_file f
          where f.job_id = ${file.job_id} and f.state = 'finished')`,
      })
      .execute();
  };

  const loop = async () => {
    while (!stopped) {
      try {
        const file = await claim();
        if (file) {
          const run = runOne(file);
          importing.add(run);
          await run.finally(() => importing.delete(run));
          continue;
        }
      } catch (e) {
        if (stopped) return;
        options.onError(e);
      }
      await new Promise<void>((resume) => {
        const wakeUp = () => {
          clearTimeout(timer);
          sleeping.delete(wakeUp);
          resume();
        };
        const timer = setTimeout(wakeUp, pollMs);
        sleeping.add(wakeUp);
      });
    }
  };
  const running = Promise.all(Array.from({ length: concurrency }, loop));
  const wakeAll = () => {
    for (const wakeUp of [...sleeping]) wakeUp();
  };

  return {
    /** A job was just queued here: look at once rather than at the next poll. */
    wake: wakeAll,
    /** Ends the runner after the files it is importing; nothing waiting is lost. */
    stop: async () => {
      stopped = true;
      wakeAll();
      await Promise.all([...importing].map((run) => run.catch(() => undefined)));
      await running;
    },
  };
}
