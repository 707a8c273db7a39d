// The `yusuan` command line. Chinese messages, English flags.
// `run(argv, io)` does the work and returns the exit code, so tests can call it in-process; the
// process only runs it when this module is the entry point (tsx src/cli/main.ts, or bin/yusuan.js).
// Each command's work is in commands/<name>.ts, imported only when that command runs, so `yusuan --help`
// loads commander and this file, and `yusuan check` none of the export, render or server code.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Help, Option } from 'commander';
import { profileNames } from '../check/profiles.ts';
import type { CheckOptions } from './commands/check.ts';
import type { ExportOptions } from './commands/export.ts';
import type { RenderOptions } from './commands/render.ts';
import type { ScoreOptions } from './commands/score.ts';
import type { ServeCommandOptions } from './commands/serve.ts';
import type { TemplateOptions } from './commands/template.ts';
import { configFileName, exitCodes, InputError, type Io, type SetCode } from './io.ts';

export { exitCodes, type Io } from './io.ts';

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

export function buildProgram(io: Io, setCode: SetCode): Command {
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
    .argument(
      '<文件...>',
      '公开文本文件（.txt .pdf .docx .xlsx .html .htm；.xls .et .doc .wps 经 LibreOffice 转换），或包含这些文件的目录',
    )
    .addOption(new Option('--format <格式>', '输出格式').choices(['json']).default('json'))
    .addHelpText(
      'after',
      '\n一个文件时输出该文件的文档；多个文件时输出 [{ "file", "document" }, …]。\n无法读取的文件输出“错误：…”，处理完其余文件后以退出码 2 结束。',
    )
    .action(async (args: string[]) => {
      const { parseCommand } = await import('./commands/parse.ts');
      await parseCommand(io, setCode, args);
    });

  program
    .command('export')
    .usage('[选项] <文件...>')
    .description('把公开文本中的表格导出为整理好的数据：CSV、JSON 或 XLSX')
    .argument(
      '<文件...>',
      '公开文本文件（.txt .pdf .docx .xlsx .html .htm；.xls .et .doc .wps 经 LibreOffice 转换），或包含这些文件的目录',
    )
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
    .action(async (args: string[], opts: ExportOptions) => {
      const { exportCommand } = await import('./commands/export.ts');
      await exportCommand(io, setCode, args, opts);
    });

  program
    .command('check')
    .usage('[选项] <文件...>')
    .description(
      '按规则目录检查公开文本：表内与表间勾稽、文字与表格、说明与数据、完整性、科目编码、项目绩效目标',
    )
    .argument(
      '<文件...>',
      '公开文本文件（.txt .pdf .docx .xlsx .html .htm；.xls .et .doc .wps 经 LibreOffice 转换），或包含这些文件的目录',
    )
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
    .action(async (args: string[], opts: CheckOptions) => {
      const { checkCommand } = await import('./commands/check.ts');
      await checkCommand(io, setCode, args, opts);
    });

  program
    .command('score')
    .usage('[选项] <文件...>')
    .description('按公开检查的五个维度（及时性、完整性、真实性、细化程度、公开形式）逐项评分，列出每项的依据')
    .argument('<文件...>', '公开文本文件，或包含这些文件的目录')
    .addOption(new Option('--format <格式>', '输出格式').choices(['text', 'json']).default('text'))
    .option('--score-profile <文件>', '评分规范（JSON，默认 score-profiles/national-2026.json）')
    .option('--out <路径>', '输出文件（默认写到标准输出）')
    .addHelpText(
      'after',
      '\n及时性需要批复和公开日期，所属单位公开需要数据库中的单位文本：命令行评分时这两项不适用。',
    )
    .action(async (args: string[], opts: ScoreOptions) => {
      const { scoreCommand } = await import('./commands/score.ts');
      await scoreCommand(io, setCode, args, opts);
    });

  program
    .command('render')
    .usage('[选项] <文件>')
    .description(
      '按标准格式输出公开文本：HTML、PDF（Chromium 打印）、Excel（每表一个工作表）或 Word（真实表格）',
    )
    .argument(
      '<文件>',
      '公开文本（.txt .pdf .docx .xlsx .html .htm；.xls .et .doc .wps 经 LibreOffice 转换），或 yusuan parse 输出的 JSON',
    )
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
      const { renderCommand } = await import('./commands/render.ts');
      await renderCommand(io, file, opts);
    });

  program
    .command('template')
    .usage('--year <年度> [选项]')
    .description('生成部门预算的Excel填报模板：每张预算表一个工作表，金额留空待填')
    .requiredOption('--year <年度>', '模板的预算年度，四位数字，如 2026')
    .option(
      '--from <文件>',
      '上年的部门预算公开文本（.txt .pdf .docx .xlsx .html 或 parse 的 JSON），沿用其部门、机构、科目与项目',
    )
    .option('--department <名称>', '部门名称（默认沿用 --from 文件中的部门）')
    .option('--out <路径>', '输出文件（默认：当前目录下的 <年度>年部门预算填报模板.xlsx）')
    .addHelpText(
      'after',
      '\n金额一律留空，包括"上年结转"：那是带入新年度的结转资金，不是上年的预算数。\n没有 --from 时只有标准表格及其合计行。填好后可直接检查：yusuan check 填报模板.xlsx',
    )
    .action(async (opts: TemplateOptions) => {
      const { templateCommand } = await import('./commands/template.ts');
      await templateCommand(io, opts);
    });

  program
    .command('serve')
    .description('启动网页应用（默认使用内嵌数据库；设置 DATABASE_URL 时使用 PostgreSQL）')
    .option('--data <目录>', '内嵌数据库的数据目录', 'data')
    .option('--port <端口>', '端口', '8080')
    .option('--host <地址>', '监听地址', '127.0.0.1')
    .option(
      '--trust-proxy',
      '位于反向代理（nginx、Caddy）之后：采信其 X-Forwarded-For/-Proto 头（也可设置 YUSUAN_TRUST_PROXY=1）',
    )
    .action(async (opts: ServeCommandOptions) => {
      const { serveCommand } = await import('./commands/serve.ts');
      await serveCommand(io, opts);
    });

  program
    .command('import')
    .usage('[选项] <文件...>')
    .description('把公开文本导入数据库（默认内嵌数据库；设置 DATABASE_URL 时使用 PostgreSQL），显示进度')
    .argument(
      '<文件...>',
      '公开文本文件（.txt .pdf .docx .xlsx .html .htm；.xls .et .doc .wps 经 LibreOffice 转换），或包含这些文件的目录',
    )
    .option('--data <目录>', '内嵌数据库的数据目录', 'data')
    .action(async (args: string[], opts: { data: string }) => {
      const { importCommand } = await import('./commands/import.ts');
      await importCommand(io, setCode, args, opts);
    });

  return program;
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
