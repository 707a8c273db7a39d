// `yusuan template`: a blank Excel budget template for a year, optionally carrying last year's structure.
import { resolve } from 'node:path';
import type { Document } from '../../model/document.ts';
import { renderXlsx } from '../../render/xlsx.ts';
import { readBudgetYear, templateDocument, unusableSource } from '../../template/model.ts';
import { loadModelOrFile, outputPath, writeOutput } from '../files.ts';
import { InputError, type Io } from '../io.ts';

export interface TemplateOptions {
  year: string;
  from?: string;
  department?: string;
  out?: string;
}

export async function templateCommand(io: Io, opts: TemplateOptions): Promise<void> {
  const year = readBudgetYear(opts.year);
  if (year === null) throw new InputError(`年度 ${opts.year} 无效，应为四位数字的年份，如 2026`);
  let from: Document | undefined;
  if (opts.from !== undefined) {
    from = await loadModelOrFile(opts.from, io.cwd);
    const why = unusableSource(from);
    if (why) throw new InputError(`${opts.from}：${why}`);
    if (from.year !== undefined && from.year !== year - 1)
      io.stderr(`提示：${opts.from} 是 ${from.year} 年的文本，模板年度为 ${year}\n`);
  }
  const department = opts.department?.trim() || undefined;
  const path = outputPath(opts.out, io.cwd) ?? resolve(io.cwd, `${year}年部门预算填报模板.xlsx`);
  writeOutput(path, await renderXlsx(templateDocument(year, { from, department }), { blank: true }));
  io.stderr(`已写入 ${path}\n`);
}
