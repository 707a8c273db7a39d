// `yusuan import`: documents into the store, with a progress bar.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseDocument, ReadError } from '../../parse.ts';
import { openStore } from '../../store/db.ts';
import { importFile, NotADisclosure } from '../../store/documents.ts';
import { readAhead } from '../ahead.ts';
import { describeFsError, expandInputs } from '../files.ts';
import { exitCodes, type Io, type SetCode } from '../io.ts';

export async function importCommand(
  io: Io,
  setCode: SetCode,
  args: string[],
  opts: { data: string },
): Promise<void> {
  const { files, errors } = expandInputs(args, io.cwd);
  for (const message of errors) io.stderr(`错误：${message}\n`);
  if (errors.length > 0) setCode(exitCodes.unreadable);
  const url = process.env.DATABASE_URL;
  const store = await openStore(url ? { url } : { dataDir: resolve(io.cwd, opts.data) });
  try {
    let done = 0;
    // Read ahead; stored one after another in the files' order, so each is checked against the ones before.
    const reads = readAhead(files, async (file) => {
      const bytes = readFileSync(resolve(io.cwd, file));
      return { bytes, document: await parseDocument(bytes, basename(file)) };
    });
    for await (const read of reads) {
      const file = files[done]!;
      let line: string;
      try {
        if (!read.ok) throw read.error;
        const { bytes, document } = read.value;
        const r = await importFile(store, bytes, basename(file), { document });
        line = `${r.status === 'imported' ? '已导入' : '未变化'} ${file}：${r.department} ${r.year ?? ''} 第 ${r.version} 版，错误 ${r.errors}，警告 ${r.warnings}`;
      } catch (e) {
        const known = e instanceof ReadError || e instanceof NotADisclosure;
        if (!known && (e as NodeJS.ErrnoException).code === undefined) throw e;
        line = `错误：${known ? (e as Error).message : describeFsError(file, e)}`;
        setCode(exitCodes.unreadable);
      }
      done++;
      io.stderr(`${progressBar(done, files.length)} ${line}\n`);
    }
  } finally {
    await store.destroy();
  }
}

/** [██████░░░░] 6/10 */
function progressBar(done: number, total: number): string {
  const width = 20;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`;
}
