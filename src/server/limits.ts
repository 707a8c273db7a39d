// Limits on expensive requests: a bounded queue for renders, a per-user hourly count for uploads. A request
// over a limit is refused at once with the seconds to wait, never left to starve the others.

export class Busy extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export interface QueueLimits {
  /** Tasks run at once. */
  concurrency: number;
  /** Tasks that may wait for a slot; one more is refused. */
  maxWaiting: number;
  /** Tasks one client may have running or waiting. */
  perClient: number;
}

/** Runs tasks at most `concurrency` at a time, with a bounded wait list and a per-client share. */
export function boundedQueue(limits: QueueLimits) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const byClient = new Map<string, number>();
  // The mean task time so far, to tell a refused client how long to wait.
  let finished = 0;
  let totalMs = 0;
  const retryAfter = () => {
    const meanMs = finished > 0 ? totalMs / finished : 5000;
    return Math.max(1, Math.ceil((meanMs * (waiting.length + 1)) / limits.concurrency / 1000));
  };
  return async function run<T>(client: string, task: () => Promise<T>): Promise<T> {
    const mine = byClient.get(client) ?? 0;
    if (mine >= limits.perClient)
      throw new Busy(`您已有 ${mine} 个生成任务在进行，请等它们完成后再试`, retryAfter());
    if (running >= limits.concurrency && waiting.length >= limits.maxWaiting)
      throw new Busy('生成任务已排满，请稍后再试', retryAfter());
    byClient.set(client, mine + 1);
    try {
      // A finishing task hands its slot to the first waiter, so no newcomer can slip in between.
      if (running >= limits.concurrency) await new Promise<void>((start) => waiting.push(start));
      else running++;
      const started = performance.now();
      try {
        return await task();
      } finally {
        finished++;
        totalMs += performance.now() - started;
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    } finally {
      const left = (byClient.get(client) ?? 1) - 1;
      if (left === 0) byClient.delete(client);
      else byClient.set(client, left);
    }
  };
}

/** Counts events per key over the last hour; `take` refuses once a key reached `perHour`. */
export function hourlyAllowance(perHour: number) {
  const events = new Map<string, number[]>();
  return function take(key: string, count = 1): void {
    const now = Date.now();
    const recent = (events.get(key) ?? []).filter((t) => t > now - 3600_000);
    if (recent.length + count > perHour) {
      const seconds = recent.length > 0 ? Math.ceil((recent[0]! + 3600_000 - now) / 1000) : 3600;
      events.set(key, recent);
      throw new Busy(
        `每小时最多上传 ${perHour} 个文件，本小时已上传 ${recent.length} 个，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
        Math.max(1, seconds),
      );
    }
    for (let i = 0; i < count; i++) recent.push(now);
    events.set(key, recent);
  };
}
