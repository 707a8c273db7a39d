// 我的待办: what waits for the signed-in user. A reviewer's documents to check (待审 and 审核中, the most
// unreviewed errors first); a 填报 user's documents returned to them and the threads waiting for their answer.
import type { Store } from './db.ts';
import { type DocumentSummary, overview } from './queries.ts';
import { findingKey } from './reviews.ts';

export interface ReviewTask {
  summary: DocumentSummary;
  /** Errors whose status is still 待核实. */
  unreviewedErrors: number;
  /** Findings of any severity still 待核实. */
  unreviewed: number;
}

export interface ReturnedTask {
  summary: DocumentSummary;
  /** The reviewer's note on returning it. */
  note: string | null;
  /** Confirmed findings to fix. */
  confirmed: number;
}

/** A finding's thread whose last comment is a reviewer's: the department is to answer. */
export interface WaitingThread {
  summary: DocumentSummary;
  key: string;
  rule: string;
  message: string;
  last: { user: string | null; at: string; text: string };
}

export interface Worklist {
  review: ReviewTask[];
  returned: ReturnedTask[];
  threads: WaitingThread[];
}

const chainOf = (d: { departmentId: number; kind: string; year: number | null }) =>
  `${d.departmentId}|${d.kind}|${d.year ?? 0}`;

/** Each listed document's findings (severity and key) and its chain's statuses by key. */
async function findingsOf(store: Store, documents: DocumentSummary[]) {
  const ids = documents.map((d) => d.id);
  const departments = [...new Set(documents.map((d) => d.departmentId))];
  if (ids.length === 0) return { findings: [], statuses: new Map<string, string>() };
  const [findings, reviews] = await Promise.all([
    store
      .selectFrom('finding')
      .select(['document_id', 'severity', 'rule', 'message', findingKey.as('key')])
      .where('document_id', 'in', ids)
      .execute(),
    store
      .selectFrom('finding_review')
      .select(['department_id', 'kind', 'year', 'key', 'status'])
      .where('department_id', 'in', departments)
      .execute(),
  ]);
  const statuses = new Map<string, string>();
  for (const r of reviews)
    statuses.set(
      `${chainOf({ departmentId: r.department_id, kind: r.kind, year: r.year })}|${r.key}`,
      r.status,
    );
  return { findings, statuses };
}

/** The documents a reviewer has to check, the most unreviewed errors first. */
export async function reviewTasks(store: Store): Promise<ReviewTask[]> {
  const open = (await overview(store)).filter(
    (d) => d.reviewState === 'pending' || d.reviewState === 'reviewing',
  );
  const { findings, statuses } = await findingsOf(store, open);
  const byId = new Map(open.map((d) => [d.id, { summary: d, unreviewedErrors: 0, unreviewed: 0 }]));
  for (const f of findings) {
    const task = byId.get(f.document_id)!;
    if ((statuses.get(`${chainOf(task.summary)}|${f.key}`) ?? 'new') !== 'new') continue;
    task.unreviewed++;
    if (f.severity === 'error') task.unreviewedErrors++;
  }
  return [...byId.values()].sort(
    (a, b) =>
      b.unreviewedErrors - a.unreviewedErrors ||
      b.unreviewed - a.unreviewed ||
      a.summary.department.localeCompare(b.summary.department, 'zh-CN') ||
      a.summary.id - b.summary.id,
  );
}

/** A 填报 user's returned documents and waiting threads, in the departments they may see. */
export async function editorTasks(
  store: Store,
  departmentIds: number[],
): Promise<Pick<Worklist, 'returned' | 'threads'>> {
  if (departmentIds.length === 0) return { returned: [], threads: [] };
  const current = await overview(store, { visible: { departmentIds } });
  const { findings, statuses } = await findingsOf(store, current);
  const byId = new Map(current.map((d) => [d.id, d]));
  const notes = await store
    .selectFrom('document')
    .select(['id', 'review_note'])
    .where(
      'id',
      'in',
      current.map((d) => d.id),
    )
    .execute();
  const noteOf = new Map(notes.map((n) => [n.id, n.review_note]));
  const returned = current
    .filter((d) => d.reviewState === 'returned')
    .map((summary) => ({
      summary,
      note: noteOf.get(summary.id) ?? null,
      confirmed: findings.filter(
        (f) => f.document_id === summary.id && statuses.get(`${chainOf(summary)}|${f.key}`) === 'confirmed',
      ).length,
    }));

  // The last comment of every thread of these chains, with its author's role.
  const comments = await store
    .selectFrom('finding_comment')
    .leftJoin('app_user', 'app_user.id', 'finding_comment.user_id')
    .select([
      'finding_comment.id',
      'finding_comment.department_id',
      'finding_comment.kind',
      'finding_comment.year',
      'finding_comment.key',
      'finding_comment.at',
      'finding_comment.text',
      'app_user.name',
      'app_user.role',
    ])
    .where('finding_comment.department_id', 'in', departmentIds)
    .orderBy('finding_comment.id')
    .execute();
  const last = new Map<string, (typeof comments)[number]>();
  for (const c of comments)
    last.set(`${chainOf({ departmentId: c.department_id, kind: c.kind, year: c.year })}|${c.key}`, c);
  const threads: WaitingThread[] = [];
  for (const f of findings) {
    const summary = byId.get(f.document_id)!;
    if (summary.reviewState === 'approved') continue;
    const c = last.get(`${chainOf(summary)}|${f.key}`);
    if (!c || (c.role !== 'reviewer' && c.role !== 'admin')) continue;
    threads.push({
      summary,
      key: f.key,
      rule: f.rule,
      message: f.message,
      last: { user: c.name, at: new Date(c.at).toISOString(), text: c.text },
    });
  }
  threads.sort((a, b) => b.last.at.localeCompare(a.last.at));
  return { returned, threads };
}
