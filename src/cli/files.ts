// Inputs and outputs of the commands that read disclosures: arguments → files → documents, output files.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { type FileDocument, toJson } from '../export/json.ts';
import type { Document } from '../model/document.ts';
import { withRowRoles } from '../model/roles.ts';
import { parseDocument, ReadError, readableExtensions } from '../parse.ts';
import { readAhead } from './ahead.ts';
import { InputError, type Io } from './io.ts';

/** Arguments → files: a directory stands for the readable files (.txt .pdf .docx .xlsx .html .htm .xls .et .doc .wps) directly inside it, in name order. */
export function expandInputs(args: string[], cwd: string): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const arg of args) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(resolve(cwd, arg)).isDirectory();
    } catch (e) {
      errors.push(describeFsError(arg, e));
      continue;
    }
    if (!isDirectory) {
      files.push(arg);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(resolve(cwd, arg));
    } catch (e) {
      errors.push(describeFsError(arg, e));
      continue;
    }
    const txt = names.filter((n) => readableExtensions.includes(extname(n).toLowerCase())).sort();
    if (txt.length === 0) errors.push(`${arg}：目录中没有可读取的文件（${readableExtensions.join(' ')}）`);
    for (const n of txt) files.push(join(arg, n));
  }
  return { files, errors };
}

export function describeFsError(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `${file}：文件不存在`;
    case 'EACCES':
    case 'EPERM':
      return `${file}：没有读取权限`;
    case 'EISDIR':
      return `${file}：是目录，不是文件`;
    default:
      return `${file}：无法读取（${code ?? String(e)}）`;
  }
}

/** Reads and parses one file; throws InputError with a Chinese message naming the file. */
export async function parseFile(file: string, cwd: string): Promise<Document> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(cwd, file));
  } catch (e) {
    throw new InputError(describeFsError(file, e));
  }
  try {
    return await parseDocument(bytes, file);
  } catch (e) {
    if (e instanceof ReadError) throw new InputError(e.message);
    const detail = e instanceof Error ? e.message : String(e);
    throw new InputError(`${file}：解析时出现内部错误（${detail}），请报告此问题`);
  }
}

export interface Loaded {
  entries: FileDocument[];
  /** How many files the arguments stood for (a single file prints a bare document). */
  count: number;
  failed: boolean;
}

export async function loadAll(
  args: string[],
  io: Io,
  onDocument?: (entry: FileDocument) => void,
): Promise<Loaded> {
  const { files, errors } = expandInputs(args, io.cwd);
  for (const message of errors) io.stderr(`错误：${message}\n`);
  const entries: FileDocument[] = [];
  let failed = errors.length > 0;
  let i = 0;
  for await (const read of readAhead(files, (file) => parseFile(file, io.cwd))) {
    const file = files[i++]!;
    if (read.ok) {
      const entry = { file, document: read.value };
      entries.push(entry);
      onDocument?.(entry);
    } else {
      if (!(read.error instanceof InputError)) throw read.error;
      io.stderr(`错误：${read.error.message}\n`);
      failed = true;
    }
  }
  return { entries, count: files.length + errors.length, failed };
}

export function printProblems(io: Io, { file, document }: FileDocument): void {
  for (const p of document.problems) {
    const where = p.source ? `（第 ${p.source.line} 行）` : '';
    io.stderr(`提示：${file}${where}：${p.message}\n`);
  }
}

/** Writes an output file; a failure becomes an InputError with a Chinese message. */
export function writeOutput(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'ENOENT' ? '目录不存在' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code;
    throw new InputError(`无法写入 ${path}（${why ?? String(e)}）`);
  }
}

export function outputPath(out: string | undefined, cwd: string): string | undefined {
  return out === undefined ? undefined : resolve(cwd, out);
}

/** A Document saved by `yusuan parse` (one file's document). */
export function readModel(file: string, cwd: string): Document {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new InputError(describeFsError(file, e));
  }
  try {
    const value = JSON.parse(text) as Document;
    if (typeof value !== 'object' || value === null || !('tables' in value) || !('kind' in value))
      throw new Error('不是 yusuan parse 输出的文档');
    // A file written before rows had roles gets them as the recogniser sets them.
    return withRowRoles(value);
  } catch (e) {
    throw new InputError(`${file}：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A document file, or the JSON `yusuan parse` wrote. */
export function loadModelOrFile(file: string, cwd: string): Promise<Document> {
  return /\.json$/i.test(file) ? Promise.resolve(readModel(file, cwd)) : parseFile(file, cwd);
}

export function jsonOf(loaded: Loaded): string {
  // One argument that is one file → the document itself; otherwise [{ file, document }, …].
  if (loaded.count === 1) return loaded.entries.length === 1 ? toJson(loaded.entries) : '';
  return `${JSON.stringify(loaded.entries, null, 2)}\n`;
}
