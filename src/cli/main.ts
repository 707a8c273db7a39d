// The `yusuan` command line. Chinese messages, English flags.
// `run(argv, io)` does the work and returns the exit code, so tests can call it in-process; the
// process only runs it when this module is the entry point (tsx src/cli/main.ts, or bin/yusuan.js).
import { readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Help, Option } from 'commander';
import { configFileName, readConfig } from '../check/config.ts';
import { type CheckConfig, checkDocument, hasErrors } from '../check/engine.ts';
import { chooseProfile, profileNames, profiles } from '../check/profiles.ts';
import type { ProfileName } from '../check/types.ts';
import { toCsv } from '../export/csv.ts';
import { type FileDocument, toJson } from '../export/json.ts';
import { toXlsxBuffer } from '../export/xlsx.ts';
import type { Document } from '../model/document.ts';
import { parseDocument, readableExtensions } from '../parse.ts';
import { ReadError } from '../read/layout.ts';
import type { CheckedFile } from '../report/findings.ts';
import { toHtml } from '../report/html.ts';
import { toFindingsJson } from '../report/json.ts';
import { toText } from '../report/text.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Directory for relative output paths and the default XLSX file name. */
  cwd: string;
}

/**
 * Exit codes: 0 all files done (check: and no error-level finding); 1 check found an error;
 * 2 a file could not be read, or the command line was wrong.
 */
export const exitCodes = { ok: 0, findings: 1, unreadable: 2, usage: 2 } as const;

const titles: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Commander's help, with its English headings and annotations in Chinese. */
const chineseHelp: Partial<Help> = {
  styleTitle(str: string): string {
    return titles[str] ?? str;
  },
  optionDescription(this: Help, option: Option): string {
    return translateExtra(Help.prototype.optionDescription.call(this, option));
  },
  subcommandTerm(this: Help, cmd: Command): string {
    return Help.prototype.subcommandTerm.call(this, cmd).replace(' [options]', ' [选项]');
  },
  displayWidth(str: string): number {
    return displayWidth(str);
  },
};

/** Commander takes `<x...>` as variadic only when x is a \w character, which a Chinese name is not. */
function variadic(option: Option): Option {
  option.variadic = true;
  return option;
}

/** "(choices: "a", "b", default: "a")" → "（可选值："a", "b"；默认："a"）" */
function translateExtra(text: string): string {
  return text.replace(/ \((choices: .*|default: .*)\)$/, (_, inner: string) => {
    const translated = inner.replace(/, default: /, '；默认：').replace(/^choices: /, '可选值：');
    return `（${translated.replace(/^default: /, '默认：')}）`;
  });
}

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Terminal columns: CJK and full-width characters take two. */
export function displayWidth(str: string): number {
  let width = 0;
  for (const ch of str.replace(ansi, '')) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Commander's own error messages, translated by error code. */
function usageMessage(err: CommanderError): string {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownOption':
      return `未知选项 ${quoted}`;
    case 'commander.unknownCommand':
      return `未知命令 ${quoted}（可用命令见 yusuan --help）`;
    case 'commander.missingArgument':
      return `缺少参数 ${quoted}`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 缺少取值`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必需的选项 ${quoted}`;
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.*)\./.exec(err.message)?.[1];
      const value = /argument '([^']*)'/.exec(err.message)?.[1] ?? quoted;
      return allowed ? `取值 ${value} 无效，可选值：${allowed}` : `取值 ${value} 无效`;
    }
    case 'commander.excessArguments':
      return '参数过多';
    default:
      return err.message.replace(/^error: /, '');
  }
}

const packageVersion = (): string => {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
};

/** A failure to find or read an input, reported as `错误：…` without a stack trace. */
class InputError extends Error {}

/** Arguments → files: a directory stands for the readable files (.txt .pdf .docx .xlsx) directly inside it, in name order. */
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

function describeFsError(file: string, e: unknown): string {
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
async function parseFile(file: string, cwd: string): Promise<Document> {
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

interface Loaded {
  entries: FileDocument[];
  /** How many files the arguments stood for (a single file prints a bare document). */
  count: number;
  failed: boolean;
}

async function loadAll(args: string[], io: Io, onDocument?: (entry: FileDocument) => void): Promise<Loaded> {
  const { files, errors } = expandInputs(args, io.cwd);
  for (const message of errors) io.stderr(`错误：${message}\n`);
  const entries: FileDocument[] = [];
  let failed = errors.length > 0;
  for (const file of files) {
    try {
      const entry = { file, document: await parseFile(file, io.cwd) };
      entries.push(entry);
      onDocument?.(entry);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr(`错误：${e.message}\n`);
      failed = true;
    }
  }
  return { entries, count: files.length + errors.length, failed };
}

function printProblems(io: Io, { file, document }: FileDocument): void {
  for (const p of document.problems) {
    const where = p.source ? `（第 ${p.source.line} 行）` : '';
    io.stderr(`提示：${file}${where}：${p.message}\n`);
  }
}

function jsonOf(loaded: Loaded): string {
  // One argument that is one file → the document itself; otherwise [{ file, document }, …].
  if (loaded.count === 1) return loaded.entries.length === 1 ? toJson(loaded.entries) : '';
  return `${JSON.stringify(loaded.entries, null, 2)}\n`;
}

/** Writes an output file; a failure becomes an InputError with a Chinese message. */
function writeOutput(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'ENOENT' ? '目录不存在' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code;
    throw new InputError(`无法写入 ${path}（${why ?? String(e)}）`);
  }
}

function outputPath(out: string | undefined, cwd: string): string | undefined {
  return out === undefined ? undefined : resolve(cwd, out);
}

export function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('yusuan');
  program
    .description('读取、检查并比较政府部门预算、绩效目标与决算公开文本')
    .usage('[选项] [命令]')
    .version(packageVersion(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp(chineseHelp)
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: () => {},
    })
    .exitOverride()
    .showSuggestionAfterError(false)
    .addHelpText(
      'after',
      '\n示例：\n  yusuan check 部门预算.txt\n  yusuan check 公开文本目录 --format html --out 检查报告.html\n  yusuan parse 部门预算.txt\n  yusuan export 公开文本目录 --format csv --out 预算.csv\n  yusuan export 部门预算.txt --format xlsx',
    );

  program
    .command('parse')
    .usage('[选项] <文件...>')
    .description('读取公开文本，输出识别出的文档模型（JSON）；识别中的问题以“提示：”输出到标准错误')
    .argument('<文件...>', '公开文本文件（.txt .pdf .docx .xlsx），或包含这些文件的目录')
    .addOption(new Option('--format <格式>', '输出格式').choices(['json']).default('json'))
    .addHelpText(
      'after',
      '\n一个文件时输出该文件的文档；多个文件时输出 [{ "file", "document" }, …]。\n无法读取的文件输出“错误：…”，处理完其余文件后以退出码 2 结束。',
    )
    .action(async (args: string[]) => {
      const loaded = await loadAll(args, io, (entry) => printProblems(io, entry));
      io.stdout(jsonOf(loaded));
      if (loaded.failed) setCode(exitCodes.unreadable);
    });

  program
    .command('export')
    .usage('[选项] <文件...>')
    .description('把公开文本中的表格导出为整理好的数据：CSV、JSON 或 XLSX')
    .argument('<文件...>', '公开文本文件（.txt .pdf .docx .xlsx），或包含这些文件的目录')
    .addOption(new Option('--format <格式>', '导出格式').choices(['csv', 'json', 'xlsx']).default('csv'))
    .option(
      '--out <路径>',
      '输出文件；CSV 和 JSON 默认写到标准输出，XLSX 默认写为当前目录下的 <第一个文件名>.xlsx',
    )
    .option('--bom', 'CSV 开头写入 UTF-8 BOM，便于 Excel 识别编码')
    .addHelpText(
      'after',
      '\nCSV 每个表格行一行：file,table,row_code,row_name,amount_1,…（金额按表格列的顺序，空单元格为空）。\n收支总表的两侧分别记为 summary:income 与 summary:expenditure。',
    )
    .action(
      async (args: string[], opts: { format: 'csv' | 'json' | 'xlsx'; out?: string; bom?: boolean }) => {
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
      },
    );

  program
    .command('check')
    .usage('[选项] <文件...>')
    .description(
      '按规则目录检查公开文本：表内与表间勾稽、文字与表格、说明与数据、完整性、科目编码、项目绩效目标',
    )
    .argument('<文件...>', '公开文本文件（.txt .pdf .docx .xlsx），或包含这些文件的目录')
    .addOption(new Option('--format <格式>', '输出格式').choices(['text', 'json', 'html']).default('text'))
    .addOption(new Option('--profile <规范>', '检查规范（默认按文档自动选择）').choices(profileNames))
    .option('--config <路径>', `规则配置文件（默认读取当前目录下的 ${configFileName}，如存在）`)
    .option('--out <路径>', '输出文件（默认写到标准输出）')
    .option('--previous <文件>', '同一部门上年的公开文本，用于核对"比上年增减"金额')
    .addOption(
      variadic(new Option('--units <文件...>', '所属各单位同年的单位预算（决算）文本，用于核对部门汇总数')),
    )
    .addHelpText(
      'after',
      `
退出码：0 没有错误级问题；1 有错误级问题；2 有文件无法读取。
${configFileName} 示例：{ "rules": { "code-name": "off", "project-indicator-value": "info" } }
规则说明见 docs/rules.md。`,
    )
    .action(
      async (
        args: string[],
        opts: {
          format: 'text' | 'json' | 'html';
          profile?: ProfileName;
          config?: string;
          out?: string;
          previous?: string;
          units?: string[];
        },
      ) => {
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
        const render = opts.format === 'json' ? toFindingsJson : opts.format === 'html' ? toHtml : toText;
        const text = render(checked);
        const out = outputPath(opts.out, io.cwd);
        if (out === undefined) io.stdout(text);
        else {
          writeOutput(out, text);
          io.stderr(`已写入 ${out}\n`);
        }
        if (checked.some((c) => hasErrors(c.findings))) setCode(exitCodes.findings);
        if (loaded.failed) setCode(exitCodes.unreadable);
      },
    );

  program
    .command('render')
    .usage('[选项] <文件>')
    .description(
      '按标准格式输出公开文本：HTML、PDF（Chromium 打印）、Excel（每表一个工作表）或 Word（真实表格）',
    )
    .argument('<文件>', '公开文本（.txt .pdf .docx .xlsx），或 yusuan parse 输出的 JSON')
    .addOption(
      new Option('--format <格式>', '输出格式').choices(['html', 'pdf', 'xlsx', 'docx']).default('html'),
    )
    .option('--out <路径>', '输出文件（默认：当前目录下的 <文件名>.<格式>）')
    .option(
      '--generate-text',
      '用按表格生成的标准段落（收支、机关运行经费、"三公"经费）替换情况说明中的相应部分',
    )
    .option('--charts', '附图：支出树图与"三公"经费对比图（HTML、PDF）')
    .option(
      '--previous <文件>',
      '同一部门上年的公开文本（或 JSON）：--generate-text 用于写"三公"经费比上年增减，--charts 用于上年对比',
    )
    .action(async (file: string, opts: RenderOptions) => {
      if (opts.charts && opts.format !== 'html' && opts.format !== 'pdf')
        throw new InputError('--charts 只用于 html 和 pdf 格式');
      if (opts.previous !== undefined && !opts.charts && !opts.generateText)
        throw new InputError('--previous 需与 --generate-text 或 --charts 一起使用');
      const load = (f: string) => (/\.json$/i.test(f) ? readModel(f, io.cwd) : parseFile(f, io.cwd));
      let document = await load(file);
      const previous = opts.previous === undefined ? undefined : await load(opts.previous);
      if (opts.generateText) {
        const { generateParagraphs, withGeneratedSections } = await import('../generate/paragraphs.ts');
        document = withGeneratedSections(document, generateParagraphs(document, { previous }));
      }
      const path =
        outputPath(opts.out, io.cwd) ?? resolve(io.cwd, `${basename(file, extname(file))}.${opts.format}`);
      const html = opts.charts ? { appendix: await chartsAppendixFor(document, previous) } : {};
      if (opts.format === 'html') {
        const { renderHtml } = await import('../render/html.ts');
        writeOutput(path, renderHtml(document, html));
      } else if (opts.format === 'pdf') {
        const { renderPdf } = await import('../render/pdf.ts');
        writeOutput(path, await renderPdf(document, { html }));
      } else if (opts.format === 'xlsx') {
        const { renderXlsx } = await import('../render/xlsx.ts');
        writeOutput(path, await renderXlsx(document));
      } else {
        const { renderDocx } = await import('../render/docx.ts');
        writeOutput(path, await renderDocx(document));
      }
      io.stderr(`已写入 ${path}\n`);
    });

  program
    .command('template')
    .usage('--year <年度> [选项]')
    .description('生成部门预算的Excel填报模板：每张预算表一个工作表，金额留空待填')
    .requiredOption('--year <年度>', '模板的预算年度，四位数字，如 2026')
    .option(
      '--from <文件>',
      '上年的部门预算公开文本（.txt .pdf .docx .xlsx 或 parse 的 JSON），沿用其部门、机构、科目与项目',
    )
    .option('--department <名称>', '部门名称（默认沿用 --from 文件中的部门）')
    .option('--out <路径>', '输出文件（默认：当前目录下的 <年度>年部门预算填报模板.xlsx）')
    .addHelpText(
      'after',
      '\n金额一律留空，包括"上年结转"：那是带入新年度的结转资金，不是上年的预算数。\n没有 --from 时只有标准表格及其合计行。填好后可直接检查：yusuan check 填报模板.xlsx',
    )
    .action(async (opts: { year: string; from?: string; department?: string; out?: string }) => {
      const { readBudgetYear, templateDocument, unusableSource } = await import('../template/model.ts');
      const { renderXlsx } = await import('../render/xlsx.ts');
      const year = readBudgetYear(opts.year);
      if (year === null) throw new InputError(`年度 ${opts.year} 无效，应为四位数字的年份，如 2026`);
      let from: Document | undefined;
      if (opts.from !== undefined) {
        from = /\.json$/i.test(opts.from) ? readModel(opts.from, io.cwd) : await parseFile(opts.from, io.cwd);
        const why = unusableSource(from);
        if (why) throw new InputError(`${opts.from}：${why}`);
        if (from.year !== undefined && from.year !== year - 1)
          io.stderr(`提示：${opts.from} 是 ${from.year} 年的文本，模板年度为 ${year}\n`);
      }
      const department = opts.department?.trim() || undefined;
      const path = outputPath(opts.out, io.cwd) ?? resolve(io.cwd, `${year}年部门预算填报模板.xlsx`);
      writeOutput(path, await renderXlsx(templateDocument(year, { from, department }), { blank: true }));
      io.stderr(`已写入 ${path}\n`);
    });

  program
    .command('serve')
    .description('启动网页应用（默认使用内嵌数据库；设置 DATABASE_URL 时使用 PostgreSQL）')
    .option('--data <目录>', '内嵌数据库的数据目录', 'data')
    .option('--port <端口>', '端口', '8080')
    .option('--host <地址>', '监听地址', '127.0.0.1')
    .action(async (opts: { data: string; port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`端口 ${opts.port} 无效`);
      const { serve } = await import('../server/start.ts');
      const server = await serve({
        dataDir: resolve(io.cwd, opts.data),
        port,
        host: opts.host,
        databaseUrl: process.env.DATABASE_URL,
        log: (line) => io.stderr(`${line}\n`),
      });
      io.stdout(`yusuan 已启动：${server.url}\n`);
      await new Promise<void>((done) => {
        const stop = () => {
          void server.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  program
    .command('import')
    .usage('[选项] <文件...>')
    .description('把公开文本导入数据库（默认内嵌数据库；设置 DATABASE_URL 时使用 PostgreSQL），显示进度')
    .argument('<文件...>', '公开文本文件（.txt .pdf .docx .xlsx），或包含这些文件的目录')
    .option('--data <目录>', '内嵌数据库的数据目录', 'data')
    .action(async (args: string[], opts: { data: string }) => {
      const { files, errors } = expandInputs(args, io.cwd);
      for (const message of errors) io.stderr(`错误：${message}\n`);
      if (errors.length > 0) setCode(exitCodes.unreadable);
      const { openStore } = await import('../store/db.ts');
      const { importFile, NotADisclosure } = await import('../store/documents.ts');
      const url = process.env.DATABASE_URL;
      const store = await openStore(url ? { url } : { dataDir: resolve(io.cwd, opts.data) });
      try {
        let done = 0;
        for (const file of files) {
          let line: string;
          try {
            const bytes = readFileSync(resolve(io.cwd, file));
            const r = await importFile(store, bytes, basename(file));
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
    });

  return program;
}

interface RenderOptions {
  format: 'html' | 'pdf' | 'xlsx' | 'docx';
  out?: string;
  generateText?: boolean;
  charts?: boolean;
  previous?: string;
}

/** The 附图 appendix. */
async function chartsAppendixFor(document: Document, previous: Document | undefined): Promise<string> {
  const { chartsAppendix } = await import('../render/charts.ts');
  return chartsAppendix(document, previous ? { previous } : {});
}

/** [██████░░░░] 6/10 */
function progressBar(done: number, total: number): string {
  const width = 20;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`;
}

/** A Document saved by `yusuan parse` (one file's document). */
function readModel(file: string, cwd: string): Document {
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
    return value;
  } catch (e) {
    throw new InputError(`${file}：${e instanceof Error ? e.message : String(e)}`);
  }
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

const defaultIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});

/** Runs the CLI on the user's arguments (without node and the script) and returns the exit code. */
export async function run(argv: string[], io: Partial<Io> = {}): Promise<number> {
  const full: Io = { ...defaultIo(), ...io };
  let code: number = exitCodes.ok;
  const program = buildProgram(full, (c) => {
    code = Math.max(code, c);
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return exitCodes.ok; // --help, --version
      full.stderr(`错误：${usageMessage(e)}\n`);
      return exitCodes.usage;
    }
    if (e instanceof InputError) {
      full.stderr(`错误：${e.message}\n`);
      return exitCodes.unreadable;
    }
    const detail = e instanceof Error ? e.message : String(e);
    const where = (e as NodeJS.ErrnoException | undefined)?.path;
    full.stderr(`错误：${where ? `${where}：` : ''}${detail}\n`);
    if (process.env.YUSUAN_DEBUG && e instanceof Error) full.stderr(`${e.stack}\n`);
    return exitCodes.unreadable;
  }
  return code;
}

/** True when this module was started as the program: directly, or through bin/yusuan.js. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    const started = realpathSync(script);
    const self = fileURLToPath(import.meta.url);
    const bin = realpathSync(fileURLToPath(new URL('../../bin/yusuan.js', import.meta.url)));
    return started === realpathSync(self) || started === bin;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // A reader that stops early (`yusuan parse … | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await run(process.argv.slice(2));
}
