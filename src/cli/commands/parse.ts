// `yusuan parse`: the document model as JSON.
import { jsonOf, loadAll, printProblems } from '../files.ts';
import { exitCodes, type Io, type SetCode } from '../io.ts';

export async function parseCommand(io: Io, setCode: SetCode, args: string[]): Promise<void> {
  const loaded = await loadAll(args, io, (entry) => printProblems(io, entry));
  io.stdout(jsonOf(loaded));
  if (loaded.failed) setCode(exitCodes.unreadable);
}
