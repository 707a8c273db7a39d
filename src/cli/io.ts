// What every command shares and `yusuan --help` may load: no parsing, checking or heavy libraries here.

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Directory for relative output paths and the default XLSX file name. */
  cwd: string;
}

/** Records an exit code; the highest one recorded wins. */
export type SetCode = (code: number) => void;

/**
 * Exit codes: 0 all files done (check: and no error-level finding); 1 check found an error;
 * 2 a file could not be read, or the command line was wrong.
 */
export const exitCodes = { ok: 0, findings: 1, unreadable: 2, usage: 2 } as const;

/** A failure to find or read an input, reported as `错误：…` without a stack trace. */
export class InputError extends Error {}

/** The rule configuration `yusuan check` reads from the working directory when there is one. */
export const configFileName = 'yusuan.config.json';
