// The HTTP API (fastify) and the built web app. Anonymous users read; 管理员/审核 import and correct
// anything, 填报 only their own department's documents; only 管理员 manages users and reads the audit log.

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifySchema,
} from 'fastify';
import { rules } from '../check/rules/index.ts';
import { EditError } from '../edit/apply.ts';
import { toCsv } from '../export/csv.ts';
import { toJson } from '../export/json.ts';
import type { Document } from '../model/document.ts';
import { ReadError } from '../parse.ts';
import { renderHtml } from '../render/html.ts';
import { kindNames } from '../report/findings.ts';
import { toHtml } from '../report/html.ts';
import { loadScoreProfile } from '../score/profile.ts';
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
import {
  compare,
  departmentAndUnits,
  type OverviewSort,
  originalFile,
  overview,
  pageOfOverview,
  storedDocument,
  type Visibility,
  visibleIds,
  visibleYears,
} from '../store/queries.ts';
import {
  addComment,
  type FindingStatus,
  moveReview,
  type ReviewAction,
  ReviewError,
  type ReviewState,
  setFindingStatus,
} from '../store/reviews.ts';
import {
  type DisclosureDates,
  disclosureDates,
  rankedDocuments,
  setDisclosureDates,
  storedScore,
} from '../store/scores.ts';
import { editorTasks, reviewTasks } from '../store/worklist.ts';
import {
  changePassword,
  createSession,
  createUser,
  defaultLoginPolicy,
  type LoginPolicy,
  login,
  logout,
  type Role,
  sessionUser,
  setDisabled,
  toUser,
  type User,
} from './auth.ts';
import { createJob, jobView, queuedFiles, type RunnerOptions, startRunner, userJobs } from './import-jobs.ts';
import { Busy, boundedQueue, hourlyAllowance, type QueueLimits } from './limits.ts';
import { type RouteSchema, routeSchemas, validationMessage } from './schemas.ts';

export interface ServerOptions {
  store: Store;
  /**
   * Behind a reverse proxy: take the client's address and protocol from its X-Forwarded-For and
   * X-Forwarded-Proto headers (never trusted otherwise, since any client can send them).
   */
  trustProxy?: boolean;
  /** Directory of the built web app; served at / when present. */
  webDir?: string;
  maxUploadBytes?: number;
  /** Where the server's log (JSON lines: errors with their request id, never cookies or bodies) goes. */
  log?: { stream: NodeJS.WritableStream; level?: string };
  login?: Partial<LoginPolicy>;
  /** PDF renders (each a page in one shared Chromium): at once, waiting, per client. */
  renderLimits?: Partial<QueueLimits>;
  /** Files one user may upload per hour. */
  uploadsPerHour?: number;
  /** The import job runner's polling and stale-heartbeat times (tests shorten them). */
  jobs?: Pick<RunnerOptions, 'pollMs' | 'staleMs' | 'concurrency'>;
  /** Files that may wait in the import queue; an upload beyond it is refused (429) rather than queued. */
  maxQueuedFiles?: number;
  /**
   * Anonymous readers see every document, approved or not (YUSUAN_PUBLIC_ON_UPLOAD=1); by default they see
   * only approved versions.
   */
  publicOnUpload?: boolean;
  /** The scoring profile's file (YUSUAN_SCORE_PROFILE); the shipped national profile by default. */
  scoreProfile?: string;
}

// Only the app's own scripts, styles, fonts and workers; images also from data: and blob: (charts, PDF
// pages); the app is never framed. React and the chart library set styles through the DOM, which the
// policy allows; no inline script or style attribute is needed.
const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // An intranet server may run on plain HTTP: upgrading its requests would break it.
  upgradeInsecureRequests: null,
};

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
  const policy: LoginPolicy = { ...defaultLoginPolicy, ...options.login };
  const app = Fastify({
    logger: options.log ? { level: options.log.level ?? 'warn', stream: options.log.stream } : false,
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Set below, and only on HTTPS: on plain HTTP it would mean nothing and mislead.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(rateLimit, { max: 1200, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'yusuan API',
        version: '0.1.0',
        description: '部门预算、绩效目标与决算公开文本的导入、检查与比较',
      },
    },
    // The error answers a route declares become its documented responses; validation ignores them.
    transform: ({ schema, url }) => {
      const { errors, ...rest } = (schema ?? {}) as RouteSchema;
      const error = {
        type: 'object',
        properties: { error: { type: 'string', description: '中文错误说明' } },
      };
      const response: Record<string, object> = { 200: { description: '成功' } };
      if (rest.params || rest.querystring || rest.body) response[400] = { description: '参数无效', ...error };
      for (const [status, description] of Object.entries(errors ?? {}))
        response[status] = { description, ...error };
      return { schema: { ...rest, response } as unknown as FastifySchema, url };
    },
  });
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 50, fields: 10 } });

  app.addHook('onRequest', async (request) => {
    const session = await sessionUser(store, request.cookies[sessionCookie], policy);
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
  // A password someone else chose (a new account, a reset, the demo accounts) is changed before anything
  // else, reading included: until then the session only reaches the session routes.
  app.addHook('preHandler', async (request) => {
    if (!request.user?.mustChangePassword || !request.url.startsWith('/api/')) return;
    const path = request.url.split('?')[0]!;
    if (['/api/session', '/api/session/password', '/api/health', '/api/rules'].includes(path)) return;
    throw new HttpError(403, '请先修改密码：初始密码或管理员重设的密码须在登录后修改');
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation)
      return reply.status(400).send({
        error: validationMessage(request.routeOptions.schema, error.validationContext, error.validation[0]),
      });
    if (error instanceof HttpError) return reply.status(error.status).send({ error: error.message });
    if (error instanceof Busy)
      return reply
        .status(429)
        .header('retry-after', String(error.retryAfterSeconds))
        .send({ error: error.message });
    if (error.code === 'FST_REQ_FILE_TOO_LARGE')
      return reply
        .status(413)
        .send({ error: `文件过大，上传上限为 ${Math.round(maxUploadBytes / 1024 / 1024)} MB` });
    if (error.statusCode === 429) return reply.status(429).send({ error: '请求过于频繁，请稍后再试' });
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send({ error: '请求内容过大（上限 1 MB）' });
    if (error.statusCode && error.statusCode < 500)
      return reply.status(error.statusCode).send({ error: error.message });
    // The request id ties the user's report to the log line.
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send({ error: `服务器内部错误（请求编号 ${request.id}）`, requestId: request.id });
  });

  // PDF renders share one Chromium, launched on the first and closed with the server; each is a page in
  // it, a few at a time, so that many renders at once wait their turn (or are refused) instead of each
  // starting a browser and starving every other request.
  const renderQueue = boundedQueue({ concurrency: 2, maxWaiting: 6, perClient: 2, ...options.renderLimits });
  let browser: Promise<Browser> | undefined;
  const pdfBrowser = () => {
    browser ??= import('../render/pdf.ts')
      .then((pdf) => pdf.launchChromium())
      .then((launched) => {
        launched.on('disconnected', () => {
          browser = undefined;
        });
        return launched;
      });
    browser.catch(() => {
      browser = undefined;
    });
    return browser;
  };
  app.addHook('onClose', async () => {
    if (browser) await (await browser.catch(() => undefined))?.close();
  });
  const takeUploads = hourlyAllowance(options.uploadsPerHour ?? 500);

  /** The largest id the store's integer columns hold. */
  const maxId = 2_147_483_647;
  const requireRole = (request: FastifyRequest, ...roles: Role[]): User => {
    if (!request.user) throw new HttpError(401, '请先登录');
    if (!roles.includes(request.user.role)) throw new HttpError(403, '当前用户没有此操作的权限');
    return request.user;
  };
  const publicOnUpload = options.publicOnUpload ?? process.env.YUSUAN_PUBLIC_ON_UPLOAD === '1';
  // Read at start: a malformed profile stops the server with its message, not the first score request.
  const scoreProfile = loadScoreProfile(options.scoreProfile ?? process.env.YUSUAN_SCORE_PROFILE);
  /** What the request's user may read: enforced here, in every route that answers with documents. */
  const visibleTo = async (request: FastifyRequest): Promise<Visibility> => {
    const user = request.user;
    if (!user) return publicOnUpload ? {} : { approvedOnly: true };
    if (user.role !== 'editor') return {};
    return { departmentIds: await departmentAndUnits(store, user.departmentId) };
  };
  /** The document's id when the reader may see it; 404 otherwise, as if it did not exist. */
  const visibleDocument = async (request: FastifyRequest): Promise<number> => {
    const id = idParam(request);
    if (!(await visibleIds(store, [id], await visibleTo(request))).has(id))
      throw new HttpError(404, '没有这个文档');
    return id;
  };
  const idParam = (
    request: FastifyRequest,
    invalid = '文档编号无效，应为正整数',
    missing = '没有这个文档',
  ): number => {
    const raw = (request.params as { id: string }).id;
    if (!/^\d{1,20}$/.test(raw) || Number(raw) <= 0) throw new HttpError(400, invalid);
    // Beyond the database's integer ids: no such document (not an overflow deep in the query).
    if (Number(raw) > maxId) throw new HttpError(404, missing);
    return Number(raw);
  };

  app.get('/api/openapi.json', { schema: routeSchemas.openApi }, async () => app.swagger());
  app.get('/api/health', { schema: routeSchemas.health }, async () => ({ ok: true }));
  app.get('/api/rules', { schema: routeSchemas.rules }, async () => rules.map((r) => r.meta));

  app.get('/api/session', { schema: routeSchemas.session }, async (request) => ({
    user: request.user ?? null,
    csrf: request.csrf ?? null,
  }));
  /** The session cookie: Secure whenever the request came over HTTPS, directly or per the trusted proxy. */
  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookie, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
    });
  app.post(
    '/api/session',
    { schema: routeSchemas.login, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = request.body as { name: string; password: string };
      const outcome = await login(store, body.name, body.password, request.ip, policy);
      if (!outcome.ok) {
        await audit(store, null, 'login-failed', {
          name: body.name,
          address: request.ip,
          locked: outcome.locked,
        });
        if (outcome.locked) {
          const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          throw new HttpError(
            429,
            `登录失败次数过多，该账户或地址已被暂时锁定，请 ${minutes} 分钟后再试（如忘记密码请联系管理员）`,
          );
        }
        throw new HttpError(401, '用户名或密码错误');
      }
      await audit(store, outcome.user.id, 'login', { address: request.ip });
      setSessionCookie(request, reply, outcome.token);
      return { user: outcome.user, csrf: outcome.csrf };
    },
  );
  // A user changes their own password: every session of theirs ends, this one continues with a new token.
  app.post('/api/session/password', { schema: routeSchemas.changePassword }, async (request, reply) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    const body = request.body as { oldPassword: string; newPassword: string };
    if (!(await changePassword(store, user.id, body.newPassword, body.oldPassword)))
      throw new HttpError(403, '原密码不正确');
    await audit(store, user.id, 'change-password', {});
    const session = await createSession(store, user.id, policy);
    setSessionCookie(request, reply, session.token);
    return { user, csrf: session.csrf };
  });
  app.delete('/api/session', { schema: routeSchemas.logout }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await logout(store, token);
    reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  type OverviewParams = { q?: string; year?: string; kind?: string; history?: string; state?: string };
  const overviewFilter = async (request: FastifyRequest) => {
    const q = request.query as OverviewParams;
    return {
      q: q.q || undefined,
      state: (q.state || undefined) as ReviewState | undefined,
      year: q.year ? Number(q.year) : undefined,
      kind: q.kind || undefined,
      history: q.history === '1',
      visible: await visibleTo(request),
    };
  };
  app.get('/api/documents', { schema: routeSchemas.documents }, async (request) =>
    overview(store, await overviewFilter(request)),
  );
  // The overview page: one page of departments (with their units) and their documents, and the years.
  app.get('/api/overview', { schema: routeSchemas.overview }, async (request) => {
    const q = request.query as { page?: number; pageSize?: number; sort?: OverviewSort };
    const filter = await overviewFilter(request);
    const [rows, years] = await Promise.all([overview(store, filter), visibleYears(store, filter.visible)]);
    return {
      ...pageOfOverview(rows, { page: q.page ?? 1, pageSize: q.pageSize ?? 50, sort: q.sort ?? 'name' }),
      years,
    };
  });
  app.get('/api/documents/:id', { schema: routeSchemas.document }, async (request) => {
    const doc = await storedDocument(store, idParam(request), await visibleTo(request));
    if (!doc) throw new HttpError(404, '没有这个文档');
    return doc;
  });
  app.get('/api/documents/:id/original', { schema: routeSchemas.original }, async (request, reply) => {
    const file = await originalFile(store, await visibleDocument(request));
    if (!file) throw new HttpError(404, '没有这个文档');
    return sendDownload(reply, file.name, 'application/octet-stream', Buffer.from(file.bytes));
  });
  app.get('/api/documents/:id/export', { schema: routeSchemas.export }, async (request, reply) => {
    const format = (request.query as { format?: string }).format ?? 'json';
    const stored = await storedDocument(store, idParam(request), await visibleTo(request));
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
    { schema: routeSchemas.render, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const format = (request.query as { format?: string }).format ?? 'html';
      const renderer = renderers[format];
      if (!renderer) throw new HttpError(400, `不支持的格式 ${format}（可用：html、pdf、xlsx、docx）`);
      const stored = await storedDocument(store, idParam(request), await visibleTo(request));
      if (!stored) throw new HttpError(404, '没有这个文档');
      const base = stored.summary.fileName.replace(/\.[^.]+$/, '');
      const bytes = renderer.queued
        ? await renderQueue(request.ip, async () => renderer.render(stored.document, pdfBrowser))
        : await renderer.render(stored.document, pdfBrowser);
      return sendDownload(
        reply,
        `${base}-第${stored.summary.version}版.${format}`,
        renderer.type,
        Buffer.from(bytes),
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
  app.patch('/api/documents/:id', { schema: routeSchemas.edit }, async (request) =>
    correct(request, (id, edits, refuse) =>
      editDocument(store, id, edits, { userId: request.user?.id ?? null, refuse }),
    ),
  );
  // The same corrections checked without saving: old → new of each, and the findings they add or clear.
  app.post('/api/documents/:id/preview', { schema: routeSchemas.preview }, async (request) =>
    correct(request, (id, edits, refuse) => previewEdits(store, id, edits, { refuse })),
  );
  // The review: a finding's status and thread, and the version's state (see store/reviews.ts).
  const reviewing = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (e instanceof ReviewError) throw new HttpError(e.status, e.message);
      throw e;
    }
  };
  /** A 填报 user works only on their own department's documents. */
  const ownDepartment = async (user: User, documentId: number) => {
    if (user.role !== 'editor') return;
    const row = await store
      .selectFrom('document')
      .select('department_id')
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (!row) throw new HttpError(404, '没有这个文档');
    if (!(await departmentAndUnits(store, user.departmentId)).includes(row.department_id))
      throw new HttpError(403, '填报用户只能处理本部门及其所属单位的文档');
  };
  app.post('/api/documents/:id/findings/status', { schema: routeSchemas.findingStatus }, async (request) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    const id = idParam(request);
    const body = request.body as { key: string; status: FindingStatus; reason?: string };
    await reviewing(() => setFindingStatus(store, id, body, user));
    await audit(store, user.id, 'finding-status', {
      document: id,
      key: body.key,
      status: body.status,
      reason: body.reason ?? null,
    });
    return { ok: true };
  });
  app.post(
    '/api/documents/:id/findings/comments',
    { schema: routeSchemas.findingComment },
    async (request) => {
      const user = requireRole(request, 'admin', 'reviewer', 'editor');
      const id = idParam(request);
      await ownDepartment(user, id);
      const body = request.body as { key: string; text: string };
      await reviewing(() => addComment(store, id, body, user.id));
      await audit(store, user.id, 'finding-comment', {
        document: id,
        key: body.key,
        length: body.text.length,
      });
      return { ok: true };
    },
  );
  app.post('/api/documents/:id/review', { schema: routeSchemas.review }, async (request) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    const id = idParam(request);
    const body = request.body as { action: ReviewAction; reason?: string; override?: boolean };
    const state = await reviewing(() => moveReview(store, id, body, user));
    await audit(store, user.id, 'review', {
      document: id,
      action: body.action,
      state,
      reason: body.reason ?? null,
    });
    return { state };
  });
  // The reviewer's opinion letter on a version: its confirmed findings, signed by whoever returned or
  // approved it. The department's own 填报 users may download it, as they are the ones to act on it.
  app.get(
    '/api/documents/:id/opinion',
    { schema: routeSchemas.opinion, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const user = requireRole(request, 'admin', 'reviewer', 'editor');
      const id = idParam(request);
      await ownDepartment(user, id);
      const format = (request.query as { format?: 'docx' | 'pdf' }).format ?? 'docx';
      const stored = await storedDocument(store, id);
      if (!stored) throw new HttpError(404, '没有这个文档');
      const [{ opinionLetter, opinionFileName }, { opinionSignature }] = await Promise.all([
        import('../report/opinion.ts'),
        import('../store/review-report.ts'),
      ]);
      const signed = await opinionSignature(store, id);
      const letter = opinionLetter(stored, {
        reviewer: signed.reviewer ?? (user.role === 'editor' ? null : user.name),
        at: signed.at ?? new Date(),
      });
      const bytes =
        format === 'pdf'
          ? await renderQueue(request.ip, async () => {
              const [{ printPdf }, { renderOpinionHtml }] = await Promise.all([
                import('../render/pdf.ts'),
                import('../render/opinion-html.ts'),
              ]);
              return printPdf(renderOpinionHtml(letter), { browser: await pdfBrowser() });
            })
          : await (await import('../render/opinion-docx.ts')).renderOpinionDocx(letter);
      await audit(store, user.id, 'opinion-download', { document: id, format, findings: letter.count });
      return sendDownload(
        reply,
        opinionFileName(letter, format),
        format === 'pdf' ? 'application/pdf' : renderers.docx!.type,
        Buffer.from(bytes),
      );
    },
  );
  // The region's summary of the review, one row per department's (or unit's) current document.
  app.get('/api/review/summary.xlsx', { schema: routeSchemas.reviewSummary }, async (request, reply) => {
    requireRole(request, 'admin', 'reviewer');
    const q = request.query as { year?: string; kind?: string };
    const filter = { ...(q.year ? { year: Number(q.year) } : {}), ...(q.kind ? { kind: q.kind } : {}) };
    const [{ reviewSummary }, { renderReviewSummaryXlsx }] = await Promise.all([
      import('../store/review-report.ts'),
      import('../render/review-summary-xlsx.ts'),
    ]);
    const rows = await reviewSummary(store, filter);
    for (const row of rows) {
      const score = await storedScore(store, row.documentId, scoreProfile);
      if (score)
        row.score = {
          total: score.total,
          lost: score.items.filter((i) => i.status === 'lost').map((i) => i.title),
        };
    }
    const bytes = await renderReviewSummaryXlsx(rows, filter);
    const scope = `${filter.year ? `${filter.year}年` : ''}${filter.kind ? (kindNames[filter.kind as Document['kind']] ?? '') : ''}`;
    return sendDownload(
      reply,
      `审核情况汇总${scope ? `（${scope}）` : ''}.xlsx`,
      renderers.xlsx!.type,
      Buffer.from(bytes),
    );
  });
  app.get('/api/documents/:id/score', { schema: routeSchemas.score }, async (request) => {
    const score = await storedScore(store, await visibleDocument(request), scoreProfile);
    if (!score) throw new HttpError(404, '没有这个文档');
    return score;
  });
  app.put('/api/documents/:id/dates', { schema: routeSchemas.setDates }, async (request) => {
    const user = requireRole(request, 'admin', 'reviewer');
    const id = idParam(request);
    const body = request.body as DisclosureDates;
    const real = (d: string | null) => d === null || new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
    if (!real(body.approvedOn) || !real(body.publishedOn)) throw new HttpError(400, '日期无效（没有这一天）');
    if (body.approvedOn && body.publishedOn && body.publishedOn < body.approvedOn)
      throw new HttpError(400, '公开日期不能早于批复日期');
    if (!(await setDisclosureDates(store, id, body, user.id))) throw new HttpError(404, '没有这个文档');
    await audit(store, user.id, 'disclosure-dates', { document: id, ...body });
    return disclosureDates(store, id);
  });
  app.get('/api/scores', { schema: routeSchemas.scores }, async (request) => {
    const q = request.query as { year?: string; kind?: string };
    return rankedDocuments(
      store,
      {
        ...(q.year ? { year: Number(q.year) } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        visible: await visibleTo(request),
      },
      scoreProfile,
    );
  });
  app.get('/api/compare', { schema: routeSchemas.compare }, async (request) => {
    const raw = (request.query as { ids?: string }).ids ?? '';
    const ids = raw.split(',').filter(Boolean).map(Number);
    if (ids.length === 0 || ids.length > 50 || ids.some((n) => !Number.isInteger(n) || n <= 0 || n > maxId))
      throw new HttpError(400, '请给出 1–50 个文档编号，如 ids=1,2');
    const visible = await visibleIds(store, ids, await visibleTo(request));
    if (ids.some((id) => !visible.has(id))) throw new HttpError(404, '没有这个文档');
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

  /** The uploaded files of a multipart request, whole, before any is imported (and counted against the limit). */
  const receiveFiles = async (request: FastifyRequest) => {
    if (!request.isMultipart()) throw new HttpError(400, '请以 multipart/form-data 上传文件');
    const files: { name: string; bytes: Uint8Array }[] = [];
    for await (const part of request.files())
      files.push({ name: part.filename || 'upload', bytes: new Uint8Array(await part.toBuffer()) });
    if (files.length === 0) throw new HttpError(400, '没有收到文件');
    return files;
  };
  app.post('/api/documents', { schema: routeSchemas.upload }, async (request) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    const editorDepartment = await editorDepartmentOf(user);
    const files = await receiveFiles(request);
    takeUploads(String(user.id), files.length);
    const results: Awaited<ReturnType<typeof importOne>>[] = [];
    for (const file of files) {
      const outcome = await importOne(user, editorDepartment, file.bytes, file.name);
      if ('refused' in outcome) throw new HttpError(403, outcome.error ?? '');
      results.push(outcome);
    }
    return { results };
  });

  // Import jobs: many files at once, stored in the database and imported in the background by this server
  // or another sharing the database, whether or not the page that started them stays open; the client polls
  // each file's progress. Each user sees only their own jobs.
  const runner = startRunner(store, {
    importFile: async ({ userId, name, bytes }, onProgress) => {
      const row = await store.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirst();
      if (!row) return { file: name, ok: false, error: `${name}：上传此文件的用户已不存在` };
      const user = toUser(row);
      return importOne(user, await editorDepartmentOf(user), bytes, name, onProgress);
    },
    onError: (e) => app.log.error({ err: e }, 'import job'),
    ...options.jobs,
  });
  app.addHook('onClose', async () => runner.stop());
  app.post('/api/imports', { schema: routeSchemas.startImport }, async (request, reply) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    const files = await receiveFiles(request);
    takeUploads(String(user.id), files.length);
    const queued = await queuedFiles(store);
    const maxQueued = options.maxQueuedFiles ?? 1000;
    if (queued + files.length > maxQueued)
      throw new Busy(
        `导入队列已满（${queued} 个文件正在等待，上限 ${maxQueued} 个），请稍后再上传`,
        Math.max(5, Math.ceil(queued / 10)),
      );
    const id = await createJob(store, user.id, files);
    runner.wake();
    await audit(store, user.id, 'import-job', { job: id, files: files.map((f) => f.name) });
    return reply.status(202).send({ id, total: files.length });
  });
  app.get('/api/imports', { schema: routeSchemas.imports }, async (request) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    return userJobs(store, user.id);
  });
  app.get('/api/imports/:id', { schema: routeSchemas.importJob }, async (request) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    const job = await jobView(store, (request.params as { id: string }).id, {
      id: user.id,
      admin: user.role === 'admin',
    });
    if (!job) throw new HttpError(404, '没有这个导入任务');
    return job;
  });

  app.post('/api/users', { schema: routeSchemas.createUser }, async (request) => {
    const admin = requireRole(request, 'admin');
    const body = request.body as { name: string; password: string; role: Role; departmentId?: number | null };
    if (body.name.trim() === '') throw new HttpError(400, '请填写用户名');
    const departmentId = body.departmentId ?? null;
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
      mustChangePassword: true,
    });
    await audit(store, admin.id, 'create-user', { user: id, role: body.role });
    return { id };
  });
  app.get('/api/users', { schema: routeSchemas.users }, async (request) => {
    requireRole(request, 'admin');
    const rows = await store
      .selectFrom('app_user')
      .leftJoin('department', 'department.id', 'app_user.department_id')
      .select([
        'app_user.id',
        'app_user.name',
        'app_user.role',
        'app_user.department_id',
        'app_user.disabled',
        'app_user.must_change_password',
        'department.name as department',
      ])
      .orderBy('app_user.id')
      .execute();
    return rows.map((r) => ({ ...toUser(r), department: r.department, disabled: r.disabled }));
  });
  app.get('/api/worklist', { schema: routeSchemas.worklist }, async (request) => {
    const user = requireRole(request, 'admin', 'reviewer', 'editor');
    if (user.role !== 'editor') return { review: await reviewTasks(store), returned: [], threads: [] };
    return { review: [], ...(await editorTasks(store, await departmentAndUnits(store, user.departmentId))) };
  });
  app.get('/api/departments', { schema: routeSchemas.departments }, async (request) => {
    requireRole(request, 'admin', 'reviewer');
    return store.selectFrom('department').select(['id', 'name', 'code']).orderBy('name').execute();
  });
  // 管理员 resets a password, disables a user or changes their role; each ends that user's sessions.
  app.patch('/api/users/:id', { schema: routeSchemas.updateUser }, async (request) => {
    const admin = requireRole(request, 'admin');
    const id = idParam(request, '用户编号无效，应为正整数', '没有这个用户');
    const body = request.body as {
      disabled?: boolean;
      password?: string;
      role?: Role;
      departmentId?: number | null;
    };
    if ([body.disabled, body.password, body.role, body.departmentId].every((v) => v === undefined))
      throw new HttpError(400, '请给出要修改的 disabled、password、role 或 departmentId');
    if ((body.role !== undefined || body.departmentId !== undefined) && id === admin.id)
      throw new HttpError(400, '不能修改自己的角色或部门');
    if (body.disabled === true && id === admin.id) throw new HttpError(400, '不能停用自己的账户');
    const exists = await store.selectFrom('app_user').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw new HttpError(404, '没有这个用户');
    if (body.role !== undefined || body.departmentId !== undefined) {
      const current = await store
        .selectFrom('app_user')
        .select(['role', 'department_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const role = body.role ?? (current.role as Role);
      const departmentId = body.departmentId !== undefined ? body.departmentId : current.department_id;
      if (role === 'editor' && departmentId === null) throw new HttpError(400, '填报用户须指定所属部门');
      if (departmentId !== null) {
        const known = await store
          .selectFrom('department')
          .select('id')
          .where('id', '=', departmentId)
          .executeTakeFirst();
        if (!known) throw new HttpError(400, '没有这个部门');
      }
      await store
        .updateTable('app_user')
        .set({ role, department_id: departmentId })
        .where('id', '=', id)
        .execute();
      // A new role takes effect at once: the user's sessions end.
      await store.deleteFrom('session').where('user_id', '=', id).execute();
    }
    if (body.disabled !== undefined) await setDisabled(store, id, body.disabled);
    if (body.password !== undefined) await changePassword(store, id, body.password);
    await audit(store, admin.id, 'update-user', {
      user: id,
      ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
      ...(body.password !== undefined ? { password: 'reset' } : {}),
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.departmentId !== undefined ? { departmentId: body.departmentId } : {}),
    });
    return { ok: true };
  });
  app.get('/api/audit', { schema: routeSchemas.audit }, async (request) => {
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

type Browser = import('playwright-core').Browser;
// The writers of PDF (the server's shared browser), XLSX (exceljs) and DOCX are loaded on the first download
// in that format. A queued renderer runs through the server's render queue.
const renderers: Record<
  string,
  {
    type: string;
    queued?: boolean;
    render: (doc: Document, browser: () => Promise<Browser>) => Promise<string | Uint8Array>;
  }
> = {
  html: { type: 'text/html; charset=utf-8', render: async (doc) => renderHtml(doc) },
  pdf: {
    type: 'application/pdf',
    queued: true,
    render: async (doc, browser) =>
      (await import('../render/pdf.ts')).renderPdf(doc, { browser: await browser() }),
  },
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
