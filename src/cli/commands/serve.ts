// `yusuan serve`: the web app until SIGINT or SIGTERM.
import { resolve } from 'node:path';
import { serve } from '../../server/start.ts';
import { InputError, type Io } from '../io.ts';

export interface ServeCommandOptions {
  data: string;
  port: string;
  host: string;
  trustProxy?: boolean;
}

export async function serveCommand(io: Io, opts: ServeCommandOptions): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`端口 ${opts.port} 无效`);
  const server = await serve({
    dataDir: resolve(io.cwd, opts.data),
    port,
    host: opts.host,
    databaseUrl: process.env.DATABASE_URL,
    trustProxy: opts.trustProxy === true || /^(1|true|yes)$/i.test(process.env.YUSUAN_TRUST_PROXY ?? ''),
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
}
