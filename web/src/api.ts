// The JSON API of `yusuan serve` (src/server/app.ts), relative to the page: /api/…
import type { Finding, RuleMeta, Severity } from '../../src/check/types.ts';
import type { AppliedEdit, Edit } from '../../src/edit/apply.ts';
import type { Document, DocumentKind } from '../../src/model/document.ts';
import type {
  Account,
  DepartmentEntry,
  DisclosureDates,
  DocumentSummary,
  FindingReview,
  FindingStatus,
  ImportJob,
  ImportJobFile,
  ImportResult,
  OverviewPage,
  OverviewQuery,
  RankedDocument,
  ReturnedTask,
  ReviewedFinding,
  ReviewState,
  ReviewTask,
  Role,
  ScoredItem,
  Session,
  StoredDocument,
  StoredScore,
  UploadResult,
  User,
  WaitingThread,
  Worklist,
} from '../../src/server/contract.ts';
import type { EditPreview } from '../../src/store/documents.ts';
import type { ComparedDocument } from '../../src/store/queries.ts';

export {
  findingStatusNames,
  kindName,
  kindNames,
  reviewStateNames,
  roleNames,
  severities,
  severityNames,
} from '../../src/model/names.ts';
export type {
  Account,
  AppliedEdit,
  ComparedDocument,
  DepartmentEntry,
  DisclosureDates,
  Document,
  DocumentKind,
  DocumentSummary,
  Edit,
  EditPreview,
  Finding,
  FindingReview,
  FindingStatus,
  ImportJob,
  ImportJobFile,
  ImportResult,
  OverviewPage,
  RankedDocument,
  ReturnedTask,
  ReviewedFinding,
  ReviewState,
  ReviewTask,
  Role,
  RuleMeta,
  ScoredItem,
  Session,
  Severity,
  StoredDocument,
  StoredScore,
  UploadResult,
  User,
  WaitingThread,
  Worklist,
};

/** An answer other than 2xx, with the server's Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrf: string | null = null;

async function errorOf(response: Response): Promise<ApiError> {
  let message = `请求失败（HTTP ${response.status}）`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') message = body.error;
  } catch {
    // not JSON: keep the generic message
  }
  return new ApiError(response.status, message);
}

// GETs started while the app script is still starting (see requestEarly): each is handed, once, to the
// first call for the same address, so the first screen's data is on its way before React has rendered.
const early = new Map<string, Promise<unknown>>();
let recordingEarly = false;

/** Runs `start` (calls of this module's GET functions) now, keeping their answers for the screen's own calls. */
export function requestEarly(start: () => void): void {
  recordingEarly = true;
  try {
    start();
  } finally {
    recordingEarly = false;
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  if (method === 'GET') {
    const pending = early.get(url);
    if (recordingEarly) {
      const started = send<T>(method, url, body);
      early.set(url, started);
      started.catch(() => {}); // an early answer nobody asks for again must not be an unhandled rejection
      return started;
    }
    if (pending) {
      early.delete(url);
      return pending as Promise<T>;
    }
  }
  return send<T>(method, url, body);
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

export async function getSession(): Promise<Session> {
  const session = await request<Session>('GET', '/api/session');
  csrf = session.csrf;
  return session;
}

export async function login(name: string, password: string): Promise<Session> {
  const session = await request<Session>('POST', '/api/session', { name, password });
  csrf = session.csrf;
  return session;
}

export async function logout(): Promise<void> {
  await request('DELETE', '/api/session');
  csrf = null;
}

/** Changes the signed-in user's password; the session goes on with a new token. */
export async function changePassword(oldPassword: string, newPassword: string): Promise<Session> {
  const session = await request<Session>('POST', '/api/session/password', { oldPassword, newPassword });
  csrf = session.csrf;
  return session;
}

export const listUsers = (): Promise<Account[]> => request('GET', '/api/users');
export const listDepartments = (): Promise<DepartmentEntry[]> => request('GET', '/api/departments');
export const createAccount = (account: {
  name: string;
  password: string;
  role: Role;
  departmentId: number | null;
}): Promise<{ id: number }> => request('POST', '/api/users', account);
export const updateAccount = (
  id: number,
  change: { disabled?: boolean; password?: string; role?: Role; departmentId?: number | null },
): Promise<{ ok: true }> => request('PATCH', `/api/users/${id}`, change);

/** 我的待办 of the signed-in user. */
export const getWorklist = (): Promise<Worklist> => request('GET', '/api/worklist');

export const getScore = (id: number): Promise<StoredScore> => request('GET', `/api/documents/${id}/score`);
export const setDates = (id: number, dates: DisclosureDates): Promise<DisclosureDates> =>
  request('PUT', `/api/documents/${id}/dates`, dates);
export function getScores(filter: { year?: string; kind?: string } = {}): Promise<RankedDocument[]> {
  const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();
  return request('GET', `/api/scores${q ? `?${q}` : ''}`);
}

export type OverviewFilter = OverviewQuery;

export function listDocuments(filter: OverviewFilter = {}): Promise<DocumentSummary[]> {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.year) params.set('year', filter.year);
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.state) params.set('state', filter.state);
  if (filter.history) params.set('history', '1');
  const query = params.toString();
  return request('GET', `/api/documents${query ? `?${query}` : ''}`);
}

/** The overview page's request, read from its address (?q=&year=&kind=&state=&history=1&sort=errors&page=). */
export function overviewRequest(query: URLSearchParams): string {
  const params = new URLSearchParams();
  for (const name of ['q', 'year', 'kind', 'state']) if (query.get(name)) params.set(name, query.get(name)!);
  if (query.get('history') === '1') params.set('history', '1');
  if (query.get('sort') === 'errors') params.set('sort', 'errors');
  const page = Number(query.get('page'));
  if (Number.isInteger(page) && page > 1) params.set('page', String(page));
  const text = params.toString();
  return `/api/overview${text ? `?${text}` : ''}`;
}

export const getOverview = (query: URLSearchParams): Promise<OverviewPage> =>
  request('GET', overviewRequest(query));

export const getDocument = (id: number): Promise<StoredDocument> => request('GET', `/api/documents/${id}`);

/** The documents a comparison's address names: ?ids=1,2,3. */
export const compareIds = (query: URLSearchParams): number[] =>
  (query.get('ids') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

export const compare = (ids: number[]): Promise<ComparedDocument[]> =>
  request('GET', `/api/compare?ids=${ids.join(',')}`);

let rulesCache: Promise<RuleMeta[]> | undefined;
export function getRules(): Promise<RuleMeta[]> {
  rulesCache ??= request<RuleMeta[]>('GET', '/api/rules').catch((e: unknown) => {
    rulesCache = undefined;
    throw e;
  });
  return rulesCache;
}

export const exportUrl = (id: number, format: 'csv' | 'json' | 'xlsx' | 'html') =>
  `/api/documents/${id}/export?format=${format}`;
export const originalUrl = (id: number) => `/api/documents/${id}/original`;
/** The standard disclosure written from the stored model. */
export const renderUrl = (id: number, format: 'html' | 'pdf' | 'xlsx' | 'docx') =>
  `/api/documents/${id}/render?format=${format}`;

/** The reviewer's opinion letter on a version: its confirmed findings. */
export const opinionUrl = (id: number, format: 'docx' | 'pdf') =>
  `/api/documents/${id}/opinion?format=${format}`;
/** 审核 and 管理员, and the department's own 填报 users, may download a version's opinion letter. */
export const mayReadOpinion = (user: User | null, summary: DocumentSummary): boolean =>
  user !== null && (user.role !== 'editor' || user.departmentId === summary.departmentId);

/** Saves corrections as a new version of the document; resolves to that version. */
export const saveEdits = (id: number, edits: Edit[]): Promise<ImportResult & { supersedes: number }> =>
  request('PATCH', `/api/documents/${id}`, { edits });

/** The corrections checked without saving: each one's old and new value, the findings added and cleared. */
export const previewEdits = (id: number, edits: Edit[]): Promise<EditPreview> =>
  request('POST', `/api/documents/${id}/preview`, { edits });

/** Whether the user may correct this version: 管理员 and 审核 any current one, 填报 their department's. */
/** 审核 and 管理员 review the current version of any document. */
export const mayReview = (user: User | null, summary: DocumentSummary): boolean =>
  user !== null && summary.current && (user.role === 'admin' || user.role === 'reviewer');

export const setFindingStatus = (id: number, key: string, status: FindingStatus, reason?: string) =>
  request<{ ok: true }>('POST', `/api/documents/${id}/findings/status`, {
    key,
    status,
    ...(reason ? { reason } : {}),
  });

export const addFindingComment = (id: number, key: string, text: string) =>
  request<{ ok: true }>('POST', `/api/documents/${id}/findings/comments`, { key, text });

export const moveReview = (
  id: number,
  action: 'start' | 'return' | 'approve',
  options: { reason?: string; override?: boolean } = {},
) => request<{ state: ReviewState }>('POST', `/api/documents/${id}/review`, { action, ...options });

export const mayEdit = (user: User | null, summary: DocumentSummary): boolean =>
  user !== null && summary.current && (user.role !== 'editor' || user.departmentId === summary.departmentId);

/** Sends files as one import job (XMLHttpRequest, for upload progress); resolves once the server took them. */
export function startImport(
  files: File[],
  onProgress: (fraction: number) => void,
): Promise<{ id: string; total: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { id?: string; total?: number; error?: string } | null;
      if (xhr.status === 202 && body?.id) resolve({ id: body.id, total: body.total ?? files.length });
      else reject(new ApiError(xhr.status, body?.error ?? `上传失败（HTTP ${xhr.status}）`));
    };
    xhr.onerror = () => reject(new ApiError(0, '网络错误，上传未完成'));
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The signed-in user's import jobs, newest first. */
export const listImports = (): Promise<ImportJob[]> => request('GET', '/api/imports');
