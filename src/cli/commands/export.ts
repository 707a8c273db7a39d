// `yusuan export`: the tables as CSV, JSON or XLSX (exceljs is loaded only for XLSX).
import { basename, extname, resolve } from 'node:path';
import { toCsv } from '../../export/csv.ts';
import { jsonOf, loadAll, outputPath, writeOutput } from '../files.ts';
import { exitCodes, type Io, type SetCode } from '../io.ts';

export interface ExportOptions {
  format: 'csv' | 'json' | 'xlsx';
  out?: string;
  bom?: boolean;
}

export async function exportCommand(
  io: Io,
  setCode: SetCode,
  args: string[],
  opts: ExportOptions,
): Promise<void> {
  const loaded = await loadAll(args, io);
  if (loaded.failed) setCode(exitCodes.unreadable);
  const out = outputPath(opts.out, io.cwd);
  if (opts.format === 'xlsx') {
    const first = loaded.entries[0];
    if (!first) {
      io.stderr('错误：没有可以导出的文件\n');
      setCode(exitCodes.unreadable);
      return;
    }
    const path = out ?? resolve(io.cwd, `${basename(first.file, extname(first.file))}.xlsx`);
    const { toXlsxBuffer } = await import('../../export/xlsx.ts');
    writeOutput(path, await toXlsxBuffer(loaded.entries));
    io.stderr(`已写入 ${path}\n`);
    return;
  }
  const text = opts.format === 'csv' ? toCsv(loaded.entries, { bom: opts.bom }) : jsonOf(loaded);
  if (out === undefined) io.stdout(text);
  else {
    writeOutput(out, text);
    io.stderr(`已写入 ${out}\n`);
  }
}
