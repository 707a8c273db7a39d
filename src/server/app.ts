// The HTTP API (fastify) and the built web app. Anonymous users read; 管理员/审核 import and correct
// anything, 填报 only their own department's documents; only 管理员 manages users and reads the audit log.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { rules } from '../check/rules/index.ts';
import { EditError } from '../edit/apply.ts';
import { toCsv } from '../export/csv.ts';
import { toJson } from '../export/json.ts';
import type { Document } from '../model/document.ts';
import { ReadError } from '../read/layout.ts';
import { renderHtml } from '../render/html.ts';
import { toHtml } from '../report/html.ts';
import type { Store } from '../store/db.ts';
import {
  editDocument,
  type ImportProgress,
  importFile,
  NotADisclosure,
  previewEdits,
  RefusedEdit,
  RefusedImport,
} from '../store/documents.ts';
import { compare, originalFile, overview, storedDocument } from '../store/queries.ts';
import { createUser, login, logout, type Role, sessionUser, type User } from './auth.ts';
import { openApi } from './openapi.ts';

export interface ServerOptions {
  store: Store;
  /** Secure cookies (behind HTTPS). */
  secureCookies?: boolean;
  /** Directory of the built web app; served at / when present. */
  webDir?: string;
  maxUploadBytes?: number;
  logger?: boolean;
}

const sessionCookie = 'yusuan_session';
export const defaultWebDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
    csrf?: string;
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const maxUploadBytes = options.maxUploadBytes ?? 50 * 1024 * 1024;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });
  await app.register(cookie);
  await app.register(rateLimit, { max: 1200, timeWindow: '1 minute' });
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 50, fields: 10 } });

  app.addHook('onRequest', async (request) => {
    const session = await sessionUser(store, request.cookies[sessionCookie]);
    if (session) {
      request.user = session.user;
      request.csrf = session.csrf;
    }
  });
  // Every change needs a session and the CSRF token of that session in a header.
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (request.url === '/api/session' && request.method === 'POST') return;
    if (!request.user) throw new HttpError(401, '请先登录');
    if (request.headers['x-csrf-token'] !== request.csrf)
      throw new HttpError(403, 'CSRF 校验失败，请刷新页面后重试');
  });
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    if (error instanceof HttpError) return reply.status(error.status).send({ error: error.message });
    if (error.code === 'FST_REQ_FILE_TOO_LARGE')
      return reply
        .status(413)
        .send({ error: `文件过大，上传上限为 ${Math.round(maxUploadBytes / 1024 / 1024)} MB` });
    if (error.statusCode === 429) return reply.status(429).send({ error: '请求过于频繁，请稍后再试' });
    if (error.statusCode && error.statusCode < 500)
      return reply.status(error.statusCode).send({ error: error.message });
    app.log.error(error);
    return reply.status(500).send({ error: '服务器内部错误' });
  });

  /** The largest id the store's integer columns hold. */
  const maxId = 2_147_483_647;
  const documentKinds = ['budget', 'performance', 'final'];
  const requireRole = (request: FastifyRequest, ...roles: Role[]): User => {
    if (!request.user) throw new HttpError(401, '请先登录');
    if (!roles.includes(request.user.role)) throw new HttpError(403, '当前用户没有此操作的权限');
    return request.user;
  };
  const idParam = (request: FastifyRequest): number => {
    const raw = (request.params as { id: string }).id;
    if (!/^\d{1,20}$/.test(raw) || Number(raw) <= 0) throw new HttpError(400, '文档编号无效，应为正整数');
    // Beyond the database's integer ids: no such document (not an overflow deep in the query).
    if (Number(raw) > maxId) throw new HttpError(404, '没有这个文档');
    return Number(raw);
  };

  app.get('/api/openapi.json', async () => openApi);
  app.get('/api/health', async () => ({ ok: true }));
  app.get('/api/rules', async () => rules.map((r) => r.meta));

  app.get('/api/session', async (request) => ({ user: request.user ?? null, csrf: request.csrf ?? null }));
  app.post(
    '/api/session',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = (request.body ?? {}) as { name?: unknown; password?: unknown };
      if (typeof body.name !== 'string' || typeof body.password !== 'string')
        throw new HttpError(400, '请填写用户名和密码');
      const session = await login(store, body.name, body.password);
      if (!session) throw new HttpError(401, '用户名或密码错误');
      await audit(store, session.user.id, 'login', {});
      reply.setCookie(sessionCookie, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies ?? false,
      });
      return { user: session.user, csrf: session.csrf };
    },
  );
  app.delete('/api/session', async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await logout(store, token);
    reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  app.get('/api/documents', async (request) => {
    const q = request.query as { q?: string; year?: string; kind?: string; history?: string };
    const year = q.year ? Number(q.year) : undefined;
    if (year !== undefined && !(/^\d{4}$/.test(q.year!) && year >= 1900 && year <= 2100))
      throw new HttpError(400, '年度无效，应为 1900–2100 之间的四位年份');
    if (q.kind && !documentKinds.includes(q.kind))
      throw new HttpError(400, `文档类型无效，应为 ${documentKinds.join('、')} 之一`);
    return overview(store, {
      q: q.q || undefined,
      year,
      kind: q.kind || undefined,
      history: q.history === '1',
    });
  });
  app.get('/api/documents/:id', async (request) => {
    const doc = await storedDocument(store, idParam(request));
    if (!doc) throw new HttpError(404, '没有这个文档');
    return doc;
  });
  app.get('/api/documents/:id/original', async (request, reply) => {
    const file = await originalFile(store, idParam(request));
    if (!file) throw new HttpError(404, '没有这个文档');
    return sendDownload(reply, file.name, 'application/octet-stream', Buffer.from(file.bytes));
  });
  app.get('/api/documents/:id/export', async (request, reply) => {
    const format = (request.query as { format?: string }).format ?? 'json';
    const stored = await storedDocument(store, idParam(request));
    if (!stored) throw new HttpError(404, '没有这个文档');
    const entry = { file: stored.summary.fileName, document: stored.document };
    const base = stored.summary.fileName.replace(/\.[^.]+$/, '');
    switch (format) {
      case 'csv':
        return sendDownload(reply, `${base}.csv`, 'text/csv; charset=utf-8', toCsv([entry], { bom: true }));
      case 'json':
        return sendDownload(reply, `${base}.json`, 'application/json; charset=utf-8', toJson([entry]));
      case 'xlsx':
        return sendDownload(
          reply,
          `${base}.xlsx`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          Buffer.from(await (await import('../export/xlsx.ts')).toXlsxBuffer([entry])),
        );
      case 'html':
        return sendDownload(
          reply,
          `${base}-检查报告.html`,
          'text/html; charset=utf-8',
          toHtml([{ ...entry, profile: stored.profile, findings: stored.findings }]),
        );
      default:
        throw new HttpError(400, `不支持的导出格式 ${format}（可用：csv、json、xlsx、html）`);
    }
  });
  // The standard disclosure written out from the stored model (an edited version as corrected).
  app.get(
    '/api/documents/:id/render',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const format = (request.query as { format?: string }).format ?? 'html';
      const renderer = renderers[format];
      if (!renderer) throw new HttpError(400, `不支持的格式 ${format}（可用：html、pdf、xlsx、docx）`);
      const stored = await storedDocument(store, idParam(request));
      if (!stored) throw new HttpError(404, '没有这个文档');
      const base = stored.summary.fileName.replace(/\.[^.]+$/, '');
      return sendDownload(
        reply,
        `${base}-第${stored.summary.version}版.${format}`,
        renderer.type,
        Buffer.from(await renderer.render(stored.document)),
      );
    },
  );
  /** Saves (PATCH) or previews (POST …/preview) a user's corrections, as the user may. */
  const correct = async <T>(
    request: FastifyRequest,
    run: (id: number, edits: unknown, refuse: (departmentId: number) => string | null) => Promise<T>,
  ): Promise<T> => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    const id = idParam(request);
    const body = (request.body ?? {}) as { edits?: unknown };
    try {
      const result = await run(id, body.edits, (departmentId) =>
        user.role === 'editor' && departmentId !== user.departmentId ? '填报用户只能修改本部门的文档' : null,
      );
      if (!result) throw new HttpError(404, '没有这个文档');
      return result;
    } catch (e) {
      if (e instanceof EditError) throw new HttpError(400, e.message);
      if (e instanceof RefusedEdit) throw new HttpError(e.reason === 'department' ? 403 : 409, e.message);
      throw e;
    }
  };
  app.patch('/api/documents/:id', async (request) =>
    correct(request, (id, edits, refuse) =>
      editDocument(store, id, edits, { userId: request.user?.id ?? null, refuse }),
    ),
  );
  // The same corrections checked without saving: old → new of each, and the findings they add or clear.
  app.post('/api/documents/:id/preview', async (request) =>
    correct(request, (id, edits, refuse) => previewEdits(store, id, edits, { refuse })),
  );
  app.get('/api/compare', async (request) => {
    const raw = (request.query as { ids?: string }).ids ?? '';
    const ids = raw.split(',').filter(Boolean).map(Number);
    if (ids.length === 0 || ids.length > 50 || ids.some((n) => !Number.isInteger(n) || n <= 0 || n > maxId))
      throw new HttpError(400, '请给出 1–50 个文档编号，如 ids=1,2');
    return compare(store, ids);
  });

  /** The department an editor may import for; undefined for other roles. */
  const editorDepartmentOf = async (user: User) =>
    user.role === 'editor' && user.departmentId !== null
      ? (
          await store
            .selectFrom('department')
            .select('name')
            .where('id', '=', user.departmentId)
            .executeTakeFirst()
        )?.name
      : undefined;

  /** One file into the store, as the user may; a refusal or an unreadable file is a result, not a throw. */
  const importOne = async (
    user: User,
    editorDepartment: string | undefined,
    bytes: Uint8Array,
    file: string,
    onProgress?: (progress: ImportProgress) => void,
  ) => {
    try {
      const result = await importFile(store, bytes, file, {
        userId: user.id,
        ...(onProgress ? { onProgress } : {}),
        refuse: (doc) =>
          user.role === 'editor' && doc.department.name !== editorDepartment
            ? `填报用户只能上传本部门（${editorDepartment ?? '未指定'}）的文档，此文件属于"${doc.department.name}"`
            : null,
      });
      return { file, ok: true as const, result };
    } catch (e) {
      if (e instanceof RefusedImport) return { file, ok: false as const, refused: true, error: e.message };
      if (e instanceof ReadError || e instanceof NotADisclosure)
        return { file, ok: false as const, error: e.message };
      throw e;
    }
  };

  app.post('/api/documents', async (request) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    if (!request.isMultipart()) throw new HttpError(400, '请以 multipart/form-data 上传文件');
    const editorDepartment = await editorDepartmentOf(user);
    const results: Awaited<ReturnType<typeof importOne>>[] = [];
    for await (const part of request.files()) {
      const outcome = await importOne(
        user,
        editorDepartment,
        new Uint8Array(await part.toBuffer()),
        part.filename || 'upload',
      );
      if ('refused' in outcome) throw new HttpError(403, outcome.error ?? '');
      results.push(outcome);
    }
    if (results.length === 0) throw new HttpError(400, '没有收到文件');
    return { results };
  });

  // Import jobs: many files at once, imported in the background whether or not the page that started them
  // stays open; the client polls each file's progress. Each user sees only their own jobs.
  type Outcome = Awaited<ReturnType<typeof importOne>>;
  interface JobFile {
    file: string;
    stage: 'waiting' | ImportProgress['stage'] | 'finished';
    page?: number;
    pages?: number;
  }
  interface Job {
    id: string;
    userId: number;
    created: string;
    total: number;
    done: number;
    state: 'running' | 'finished' | 'failed';
    files: JobFile[];
    results: Outcome[];
  }
  const jobs = new Map<string, Job>();
  const maxJobs = 200;
  app.post('/api/imports', async (request, reply) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    if (!request.isMultipart()) throw new HttpError(400, '请以 multipart/form-data 上传文件');
    const files: { name: string; bytes: Uint8Array }[] = [];
    for await (const part of request.files())
      files.push({ name: part.filename || 'upload', bytes: new Uint8Array(await part.toBuffer()) });
    if (files.length === 0) throw new HttpError(400, '没有收到文件');
    const job: Job = {
      id: randomUUID(),
      userId: user.id,
      created: new Date().toISOString(),
      total: files.length,
      done: 0,
      state: 'running',
      files: files.map((f) => ({ file: f.name, stage: 'waiting' })),
      results: [],
    };
    jobs.set(job.id, job);
    if (jobs.size > maxJobs) jobs.delete(jobs.keys().next().value!);
    const editorDepartment = await editorDepartmentOf(user);
    void (async () => {
      try {
        for (const [i, f] of files.entries()) {
          const progress = job.files[i]!;
          const outcome = await importOne(user, editorDepartment, f.bytes, f.name, (p) => {
            job.files[i] = { file: progress.file, ...p };
          });
          job.files[i] = { ...job.files[i]!, stage: 'finished' };
          job.results.push(outcome);
          job.done++;
        }
        job.state = 'finished';
      } catch (e) {
        job.state = 'failed';
        app.log.error(e);
      }
    })();
    await audit(store, user.id, 'import-job', { job: job.id, files: files.map((f) => f.name) });
    return reply.status(202).send({ id: job.id, total: job.total });
  });
  const jobView = ({ userId: _, ...job }: Job) => job;
  app.get('/api/imports', async (request) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    return [...jobs.values()]
      .filter((job) => job.userId === user.id)
      .reverse()
      .map(jobView);
  });
  app.get('/api/imports/:id', async (request) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    const job = jobs.get((request.params as { id: string }).id);
    if (!job || (job.userId !== user.id && user.role !== 'admin'))
      throw new HttpError(404, '没有这个导入任务');
    return jobView(job);
  });

  app.post('/api/users', async (request) => {
    const admin = requireRole(request, 'admin');
    const body = (request.body ?? {}) as {
      name?: unknown;
      password?: unknown;
      role?: unknown;
      departmentId?: unknown;
    };
    if (typeof body.name !== 'string' || body.name.trim() === '') throw new HttpError(400, '请填写用户名');
    if (typeof body.password !== 'string' || body.password.length < 8)
      throw new HttpError(400, '密码至少 8 位');
    if (body.role !== 'admin' && body.role !== 'reviewer' && body.role !== 'editor')
      throw new HttpError(400, '角色应为 admin、reviewer 或 editor');
    const departmentId = typeof body.departmentId === 'number' ? body.departmentId : null;
    if (body.role === 'editor' && departmentId === null) throw new HttpError(400, '填报用户须指定所属部门');
    const exists = await store
      .selectFrom('app_user')
      .select('id')
      .where('name', '=', body.name)
      .executeTakeFirst();
    if (exists) throw new HttpError(409, '用户名已存在');
    const id = await createUser(store, {
      name: body.name,
      password: body.password,
      role: body.role,
      departmentId,
    });
    await audit(store, admin.id, 'create-user', { user: id, role: body.role });
    return { id };
  });
  app.get('/api/audit', async (request) => {
    requireRole(request, 'admin');
    return store.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(500).execute();
  });

  const webDir = options.webDir ?? defaultWebDir;
  if (existsSync(webDir)) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/' });
    // Client-side routes fall back to the app.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/')) return reply.status(404).send({ error: '没有这个接口' });
      return reply.sendFile('index.html');
    });
  }
  return app;
}

async function audit(store: Store, userId: number | null, action: string, detail: Record<string, unknown>) {
  await store
    .insertInto('audit')
    .values({ user_id: userId, action, detail: JSON.stringify(detail) })
    .execute();
}

// The writers of PDF (a browser), XLSX (exceljs) and DOCX are loaded on the first download in that format.
const renderers: Record<string, { type: string; render: (doc: Document) => string | Promise<Uint8Array> }> = {
  html: { type: 'text/html; charset=utf-8', render: renderHtml },
  pdf: { type: 'application/pdf', render: async (doc) => (await import('../render/pdf.ts')).renderPdf(doc) },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: async (doc) => (await import('../render/xlsx.ts')).renderXlsx(doc),
  },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: async (doc) => (await import('../render/docx.ts')).renderDocx(doc),
  },
};

function sendDownload(reply: FastifyReply, name: string, type: string, body: string | Buffer) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(body);
}
