// `yusuan score`: the disclosure score of each document, item by item with its evidence.
import { resolve } from 'node:path';
import { checkDocument } from '../../check/engine.ts';
import { chooseProfile } from '../../check/profiles.ts';
import { type DocumentScore, scoreDocument, scoreText } from '../../score/index.ts';
import { loadScoreProfile, ScoreProfileError } from '../../score/profile.ts';
import { loadAll, outputPath, printProblems, writeOutput } from '../files.ts';
import { exitCodes, InputError, type Io, type SetCode } from '../io.ts';

export interface ScoreOptions {
  format: 'text' | 'json';
  scoreProfile?: string;
  out?: string;
}

export async function scoreCommand(
  io: Io,
  setCode: SetCode,
  args: string[],
  opts: ScoreOptions,
): Promise<void> {
  let profile: ReturnType<typeof loadScoreProfile>;
  try {
    profile = loadScoreProfile(opts.scoreProfile && resolve(io.cwd, opts.scoreProfile));
  } catch (e) {
    if (e instanceof ScoreProfileError) throw new InputError(e.message);
    throw e;
  }
  const loaded = await loadAll(args, io, (entry) => printProblems(io, entry));
  const scores: { file: string; score: DocumentScore }[] = loaded.entries.map(({ file, document }) => ({
    file,
    score: scoreDocument(
      document,
      { findings: checkDocument(document), profile: chooseProfile(document) },
      profile,
    ),
  }));
  const text =
    opts.format === 'json'
      ? `${JSON.stringify({ files: scores }, null, 2)}\n`
      : scores.map(({ file, score }) => scoreText(file, score)).join('\n');
  const out = outputPath(opts.out, io.cwd);
  if (out === undefined) io.stdout(text);
  else {
    writeOutput(out, text);
    io.stderr(`已写入 ${out}\n`);
  }
  if (loaded.failed) setCode(exitCodes.unreadable);
}
