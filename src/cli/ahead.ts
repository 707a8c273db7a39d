// Files are read a few ahead of the one being used: reading a PDF runs in the PDF reader's pool of workers
// (one per core), so while one document is checked or stored here the next ones are being read.
import { availableParallelism } from 'node:os';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** `read` of each item, at most `limit` at once, yielded in the items' order. */
export async function* readAhead<I, T>(
  items: readonly I[],
  read: (item: I) => Promise<T>,
  limit = availableParallelism(),
): AsyncGenerator<Settled<T>> {
  const started: Promise<Settled<T>>[] = [];
  const start = (i: number) => {
    if (i < items.length && started[i] === undefined)
      started[i] = read(items[i]!).then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error }),
      );
  };
  for (let i = 0; i < items.length; i++) {
    for (let j = i; j < i + Math.max(1, limit); j++) start(j);
    yield await started[i]!;
    delete started[i];
  }
}
