// `yusuan check`: the rule catalogue over each document, reported as text, JSON or HTML.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConfig } from '../../check/config.ts';
import { type CheckConfig, checkDocument, hasErrors } from '../../check/engine.ts';
import { chooseProfile, profiles } from '../../check/profiles.ts';
import type { ProfileName } from '../../check/types.ts';
import type { CheckedFile } from '../../report/findings.ts';
import { describeFsError, loadAll, outputPath, parseFile, printProblems, writeOutput } from '../files.ts';
import { configFileName, exitCodes, InputError, type Io, type SetCode } from '../io.ts';

export interface CheckOptions {
  format: 'text' | 'json' | 'html';
  profile?: ProfileName;
  config?: string;
  out?: string;
  previous?: string;
  units?: string[];
}

export async function checkCommand(
  io: Io,
  setCode: SetCode,
  args: string[],
  opts: CheckOptions,
): Promise<void> {
  const config = loadConfig(opts.config, io.cwd);
  if (opts.profile) config.profile = opts.profile;
  if (opts.previous) config.previous = await parseFile(opts.previous, io.cwd);
  if (opts.units) config.units = await Promise.all(opts.units.map((u) => parseFile(u, io.cwd)));
  const loaded = await loadAll(args, io, (entry) => printProblems(io, entry));
  const checked: CheckedFile[] = loaded.entries.map(({ file, document }) => ({
    file,
    document,
    profile: (config.profile ? profiles[config.profile] : chooseProfile(document)).name,
    findings: checkDocument(document, config),
  }));
  const text = await report(opts.format, checked);
  const out = outputPath(opts.out, io.cwd);
  if (out === undefined) io.stdout(text);
  else {
    writeOutput(out, text);
    io.stderr(`已写入 ${out}\n`);
  }
  if (checked.some((c) => hasErrors(c.findings))) setCode(exitCodes.findings);
  if (loaded.failed) setCode(exitCodes.unreadable);
}

/** The report in the format asked for; only that format's module is loaded. */
async function report(format: CheckOptions['format'], checked: CheckedFile[]): Promise<string> {
  if (format === 'json') return (await import('../../report/json.ts')).toFindingsJson(checked);
  if (format === 'html') return (await import('../../report/html.ts')).toHtml(checked);
  return (await import('../../report/text.ts')).toText(checked);
}

/** The --config file, or yusuan.config.json in the working directory when there is one. */
function loadConfig(path: string | undefined, cwd: string): CheckConfig {
  const file = resolve(cwd, path ?? configFileName);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (path === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new InputError(describeFsError(path ?? configFileName, e));
  }
  try {
    return readConfig(text, path ?? configFileName);
  } catch (e) {
    throw new InputError(e instanceof Error ? e.message : String(e));
  }
}
