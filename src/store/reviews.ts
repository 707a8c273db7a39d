// The review of a disclosure. A finding (identified by its rule and place: its key) has a status —
// new 待核实 → confirmed 确认 / dismissed 不是问题 (with a reason) → fixed 已整改 — and a thread of
// comments, both kept for the department's document of that kind and year, so every version shares them.
// A version has a review state: pending 待审 → reviewing 审核中 → returned 退回修改 (a new version is
// pending again) … → approved 通过.
import { sql } from 'kysely';
import {
  type FindingStatus,
  findingStatuses,
  findingStatusNames,
  type ReviewState,
  reviewStateNames,
  reviewStates,
} from '../model/names.ts';
import type { Store } from './db.ts';

export {
  type FindingStatus,
  findingStatuses,
  findingStatusNames,
  type ReviewState,
  reviewStateNames,
  reviewStates,
};

export type ReviewAction = 'start' | 'return' | 'approve';

/** A review step the user may not take, or bad input: a Chinese message for a 400/403/409. */
export class ReviewError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** A finding's key, computed by the database from its stored rule and place (jsonb text is canonical). */
export const findingKey = sql<string>`finding.rule || '|' || finding."where"::text`;

export interface FindingReview {
  status: FindingStatus;
  reason: string | null;
  /** The version (document id) in which a confirmed finding no longer occurred. */
  fixedIn: number | null;
  comments: { user: string | null; at: string; text: string }[];
}

interface Chain {
  id: number;
  department_id: number;
  kind: string;
  year: number;
  superseded_by: number | null;
  review_state: string;
}

async function chainOf(store: Store, documentId: number): Promise<Chain> {
  const row = await store
    .selectFrom('document')
    .select(['id', 'department_id', 'kind', 'year', 'superseded_by', 'review_state'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw new ReviewError(404, '没有这个文档');
  return { ...row, year: row.year ?? 0 };
}

const inChain = (chain: Chain) => ({
  department_id: chain.department_id,
  kind: chain.kind,
  year: chain.year,
});

/** The review of a version: its state and, by finding key, each finding's status and thread. */
export async function documentReview(store: Store, documentId: number) {
  const chain = await chainOf(store, documentId);
  const where = inChain(chain);
  const [statuses, comments, note] = await Promise.all([
    store
      .selectFrom('finding_review')
      .selectAll()
      .where('department_id', '=', where.department_id)
      .where('kind', '=', where.kind)
      .where('year', '=', where.year)
      .execute(),
    store
      .selectFrom('finding_comment')
      .leftJoin('app_user', 'app_user.id', 'finding_comment.user_id')
      .select(['finding_comment.key', 'finding_comment.at', 'finding_comment.text', 'app_user.name'])
      .where('finding_comment.department_id', '=', where.department_id)
      .where('finding_comment.kind', '=', where.kind)
      .where('finding_comment.year', '=', where.year)
      .orderBy('finding_comment.id')
      .execute(),
    store.selectFrom('document').select('review_note').where('id', '=', documentId).executeTakeFirstOrThrow(),
  ]);
  const findings = new Map<string, FindingReview>();
  const of = (key: string) => {
    let review = findings.get(key);
    if (!review) {
      review = { status: 'new', reason: null, fixedIn: null, comments: [] };
      findings.set(key, review);
    }
    return review;
  };
  for (const s of statuses)
    Object.assign(of(s.key), { status: s.status as FindingStatus, reason: s.reason, fixedIn: s.fixed_in });
  for (const c of comments)
    of(c.key).comments.push({ user: c.name, at: new Date(c.at).toISOString(), text: c.text });
  return { state: chain.review_state as ReviewState, note: note.review_note, findings };
}

async function keysOf(store: Store, documentId: number): Promise<string[]> {
  const rows = await store
    .selectFrom('finding')
    .select(findingKey.as('key'))
    .where('document_id', '=', documentId)
    .execute();
  return rows.map((r) => r.key);
}

const reviewer = (role: string) => role === 'admin' || role === 'reviewer';

/** Sets a finding's status on the current version; a pending version is then 审核中. */
export async function setFindingStatus(
  store: Store,
  documentId: number,
  change: { key: string; status: FindingStatus; reason?: string },
  user: { id: number; role: string },
): Promise<void> {
  if (!reviewer(user.role)) throw new ReviewError(403, '只有审核和管理员可以核实问题');
  if (!findingStatuses.includes(change.status))
    throw new ReviewError(400, `问题状态无效，应为 ${findingStatuses.join('、')} 之一`);
  if (change.status === 'dismissed' && !change.reason?.trim())
    throw new ReviewError(400, '标为"不是问题"须说明理由');
  const chain = await chainOf(store, documentId);
  if (chain.superseded_by !== null) throw new ReviewError(409, '这是旧版本，请在最新版本上核实');
  if (chain.review_state === 'approved') throw new ReviewError(409, '文档已通过审核，不能再更改问题状态');
  if (!(await keysOf(store, documentId)).includes(change.key))
    throw new ReviewError(404, '本文档没有这个问题');
  await store.transaction().execute(async (trx) => {
    await trx
      .insertInto('finding_review')
      .values({
        ...inChain(chain),
        key: change.key,
        status: change.status,
        reason: change.reason?.trim() || null,
        fixed_in: null,
        updated_by: user.id,
      })
      .onConflict((oc) =>
        oc.columns(['department_id', 'kind', 'year', 'key']).doUpdateSet({
          status: change.status,
          reason: change.reason?.trim() || null,
          fixed_in: null,
          updated_by: user.id,
          updated_at: new Date(),
        }),
      )
      .execute();
    if (chain.review_state === 'pending')
      await trx
        .updateTable('document')
        .set({ review_state: 'reviewing' })
        .where('id', '=', documentId)
        .execute();
  });
}

export const maxCommentLength = 5000;

/** A comment in a finding's thread, by any user who may see the document and work on it. */
export async function addComment(
  store: Store,
  documentId: number,
  comment: { key: string; text: string },
  userId: number,
): Promise<void> {
  const text = comment.text.trim();
  if (!text) throw new ReviewError(400, '请填写意见内容');
  if (text.length > maxCommentLength) throw new ReviewError(400, `意见最长 ${maxCommentLength} 字`);
  const chain = await chainOf(store, documentId);
  if (!(await keysOf(store, documentId)).includes(comment.key))
    throw new ReviewError(404, '本文档没有这个问题');
  await store
    .insertInto('finding_comment')
    .values({ ...inChain(chain), key: comment.key, user_id: userId, text })
    .execute();
}

/**
 * Moves the current version: start (待审 → 审核中), return (→ 退回修改) or approve (→ 通过). Approving
 * while findings are 待核实 or 确认 needs `override` with a reason.
 */
export async function moveReview(
  store: Store,
  documentId: number,
  step: { action: ReviewAction; reason?: string; override?: boolean },
  user: { role: string },
): Promise<ReviewState> {
  if (!reviewer(user.role)) throw new ReviewError(403, '只有审核和管理员可以退回或通过文档');
  const chain = await chainOf(store, documentId);
  if (chain.superseded_by !== null) throw new ReviewError(409, '这是旧版本，请在最新版本上操作');
  const state = chain.review_state as ReviewState;
  const allowed: Record<ReviewAction, ReviewState[]> = {
    start: ['pending'],
    return: ['pending', 'reviewing'],
    approve: ['pending', 'reviewing'],
  };
  const targets: Record<ReviewAction, ReviewState> = {
    start: 'reviewing',
    return: 'returned',
    approve: 'approved',
  };
  if (!allowed[step.action]?.includes(state))
    throw new ReviewError(
      409,
      `文档当前为"${reviewStateNames[state]}"，不能${{ start: '开始审核', return: '退回修改', approve: '通过' }[step.action]}`,
    );
  if (step.action === 'approve') {
    const { findings } = await documentReview(store, documentId);
    const open = (await keysOf(store, documentId)).filter((key) => {
      const status = findings.get(key)?.status ?? 'new';
      return status === 'new' || status === 'confirmed';
    });
    if (open.length > 0 && !(step.override && step.reason?.trim()))
      throw new ReviewError(
        409,
        `还有 ${open.length} 个问题待核实或已确认未整改；如仍要通过，请勾选"仍然通过"并说明理由`,
      );
  }
  await store
    .updateTable('document')
    .set({ review_state: targets[step.action], review_note: step.reason?.trim() || null })
    .where('id', '=', documentId)
    .execute();
  return targets[step.action];
}

/**
 * After a new version's findings are stored: confirmed findings it no longer has are 已整改, fixed in it.
 * Statuses and threads of the findings it still has carry over by their keys.
 */
export async function settleReviews(trx: Store, documentId: number): Promise<void> {
  const chain = await chainOf(trx, documentId);
  const keys = await keysOf(trx, documentId);
  let fixed = trx
    .updateTable('finding_review')
    .set({ status: 'fixed', fixed_in: documentId, updated_at: new Date(), updated_by: null })
    .where('department_id', '=', chain.department_id)
    .where('kind', '=', chain.kind)
    .where('year', '=', chain.year)
    .where('status', '=', 'confirmed');
  if (keys.length > 0) fixed = fixed.where('key', 'not in', keys);
  await fixed.execute();
}
