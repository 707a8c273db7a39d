// Older office formats — .xls and WPS .et workbooks, .doc and WPS .wps documents (OLE compound files) —
// converted by LibreOffice headless to .xlsx / .docx, which the office reader then reads. LibreOffice is a
// system package (see the README's apt-get line); without it the message says what to install.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReadError } from './layout.ts';

export type LegacyKind = 'workbook' | 'document';

/** The start of every OLE compound file (the container of .xls, .doc, .et, .wps). */
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const isOleFile = (bytes: Uint8Array): boolean => oleMagic.every((b, i) => bytes[i] === b);

/**
 * Which kind of office file an OLE container holds, by the name of its main stream (stored in UTF-16LE in
 * the container's directory): WordDocument for Word and WPS 文字, Workbook/Book for Excel and WPS 表格.
 */
export function legacyKindOf(bytes: Uint8Array): LegacyKind | undefined {
  const has = (name: string) => {
    const needle = new Uint8Array([...name].flatMap((c) => [c.charCodeAt(0), 0]));
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
      for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  if (has('WordDocument')) return 'document';
  if (has('Workbook') || has('Book')) return 'workbook';
  return undefined;
}

/** How long one conversion may take. */
export const conversionTimeoutMs = 60_000;
const installHint = 'apt-get install libreoffice-calc-nogui libreoffice-writer-nogui';

// One conversion at a time: LibreOffice is heavy, and one profile directory serves them in turn.
let queue: Promise<unknown> = Promise.resolve();
let profile: Promise<string> | undefined;

/** The bytes of the file converted to .xlsx (a workbook) or .docx (a document). */
export function convertLegacy(
  bytes: Uint8Array,
  file: string,
  kind: LegacyKind,
  timeoutMs = conversionTimeoutMs,
): Promise<Uint8Array> {
  const run = queue.then(() => convert(bytes, file, kind, timeoutMs));
  queue = run.catch(() => {});
  return run;
}

async function convert(
  bytes: Uint8Array,
  file: string,
  kind: LegacyKind,
  timeoutMs: number,
): Promise<Uint8Array> {
  profile ??= mkdtemp(join(tmpdir(), 'yusuan-libreoffice-profile-'));
  const dir = await mkdtemp(join(tmpdir(), 'yusuan-convert-'));
  try {
    const input = join(dir, kind === 'workbook' ? 'input.xls' : 'input.doc');
    await writeFile(input, bytes);
    const target = kind === 'workbook' ? 'xlsx' : 'docx';
    await soffice(
      [
        '--headless',
        '--norestore',
        '--nolockcheck',
        `-env:UserInstallation=${pathToFileURL(await profile).href}`,
        '--convert-to',
        target,
        '--outdir',
        dir,
        input,
      ],
      file,
      timeoutMs,
    );
    const output = (await readdir(dir)).find((n) => n.endsWith(`.${target}`));
    if (!output)
      throw new ReadError(
        file,
        'corrupt',
        `${file}：LibreOffice 无法转换此文件，文件可能已损坏或不是${kindName(kind)}`,
      );
    return new Uint8Array(await readFile(join(dir, output)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const kindName = (kind: LegacyKind) => (kind === 'workbook' ? '表格（.xls/.et）' : '文档（.doc/.wps）');

function soffice(args: string[], file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('soffice', args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error) => {
      if (!error) return resolve();
      const e = error as NodeJS.ErrnoException & { killed?: boolean };
      if (e.code === 'ENOENT')
        return reject(
          new ReadError(
            file,
            'unsupported',
            `${file}：读取旧版 Office/WPS 文件（.xls、.et、.doc、.wps）需要 LibreOffice，本机未安装。请安装：${installHint}；或将文件另存为 .xlsx/.docx 后上传`,
          ),
        );
      if (e.killed)
        return reject(
          new ReadError(
            file,
            'corrupt',
            `${file}：LibreOffice 转换超时（超过 ${Math.round(timeoutMs / 1000)} 秒），文件可能已损坏`,
          ),
        );
      reject(
        new ReadError(file, 'corrupt', `${file}：LibreOffice 无法转换此文件（${e.message.split('\n')[0]}）`),
      );
    });
  });
}
