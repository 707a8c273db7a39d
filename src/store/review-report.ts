// What the review's reports read from the store: who signs a version's opinion letter and when, and the
// region summary — the current version of every department's (and unit's) document with its review state,
// its findings counted by status and severity, and the dates of its steps. The dates come from the audit
// log (each review step and finding status is an entry naming its document) and the documents' import
// times, so nothing beyond what the review already records is needed.
import { sql } from 'kysely';
import type { Store } from './db.ts';
import { type FindingStatus, findingKey, type ReviewState } from './reviews.ts';

/** The document id an audit entry of a review step or a finding status names. */
const auditDocument = sql<number>`(audit.detail->>'document')::integer`;
/** The review step (start / return / approve) of a 'review' entry. */
const auditStep = sql<string | null>`audit.detail->>'action'`;

/**
 * Who signs the letter of a version and when: the user who returned or approved it, at that step; else the
 * last user who took any review step or set a finding's status on it, with no date (the letter's is then
 * the day it is written). Nulls when no one has reviewed it yet.
 */
export async function opinionSignature(
  store: Store,
  documentId: number,
): Promise<{ reviewer: string | null; at: Date | null }> {
  const rows = await store
    .selectFrom('audit')
    .leftJoin('app_user', 'app_user.id', 'audit.user_id')
    .select(['audit.action', auditStep.as('step'), 'audit.at', 'app_user.name'])
    .where('audit.action', 'in', ['review', 'finding-status'])
    .where(auditDocument, '=', documentId)
    .orderBy('audit.id', 'desc')
    .execute();
  const decided = rows.find((r) => r.action === 'review' && (r.step === 'return' || r.step === 'approve'));
  if (decided) return { reviewer: decided.name, at: new Date(decided.at) };
  return { reviewer: rows[0]?.name ?? null, at: null };
}

export interface SummaryRow {
  documentId: number;
  department: string;
  /** The unit's code for a unit's own disclosure, else the department's code. */
  code: string | null;
  year: number | null;
  kind: string;
  version: number;
  state: ReviewState;
  /** Findings of the current version by status; 已整改 counts every finding of the chain marked fixed. */
  statuses: Record<FindingStatus, number>;
  severities: { error: number; warning: number; info: number };
  firstUploaded: Date;
  uploaded: Date;
  /** The first review step or finding status on the current version. */
  reviewStarted: Date | null;
  /** The last time any version of the chain was returned. */
  returned: Date | null;
  approved: Date | null;
  /** The disclosure score (out of 100, null when no item applies) and the titles of the items it lost. */
  score?: { total: number | null; lost: string[] };
}

export interface SummaryFilter {
  year?: number;
  kind?: string;
}

const chainKey = (departmentId: number, kind: string, year: number | null) =>
  `${departmentId}|${kind}|${year ?? 0}`;

export async function reviewSummary(store: Store, filter: SummaryFilter = {}): Promise<SummaryRow[]> {
  let documents = store
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select([
      'document.id',
      'document.department_id',
      'department.name',
      'department.code',
      'document.unit_code',
      'document.year',
      'document.kind',
      'document.version',
      'document.superseded_by',
      'document.review_state',
      'document.errors',
      'document.warnings',
      'document.infos',
      'document.imported_at',
    ]);
  if (filter.year !== undefined) documents = documents.where('document.year', '=', filter.year);
  if (filter.kind) documents = documents.where('document.kind', '=', filter.kind);
  const all = await documents
    .orderBy('department.name')
    .orderBy('document.year', 'desc')
    .orderBy('document.kind')
    .execute();
  const current = all.filter((d) => d.superseded_by === null);
  if (current.length === 0) return [];

  const chains = new Map<string, number[]>();
  const firstUpload = new Map<string, Date>();
  for (const d of all) {
    const key = chainKey(d.department_id, d.kind, d.year);
    chains.set(key, [...(chains.get(key) ?? []), d.id]);
    const at = new Date(d.imported_at);
    const first = firstUpload.get(key);
    if (!first || at < first) firstUpload.set(key, at);
  }

  const [statusCounts, fixedCounts, steps] = await Promise.all([
    // Each current finding's status by its key in the chain's reviews (待核实 when it has none).
    store
      .selectFrom('finding')
      .innerJoin('document', 'document.id', 'finding.document_id')
      .leftJoin('finding_review', (join) =>
        join
          .onRef('finding_review.department_id', '=', 'document.department_id')
          .onRef('finding_review.kind', '=', 'document.kind')
          .on('finding_review.year', '=', sql<number>`coalesce(document.year, 0)`)
          .on('finding_review.key', '=', findingKey),
      )
      .select([
        'finding.document_id',
        sql<string>`coalesce(finding_review.status, 'new')`.as('status'),
        sql<string>`count(*)`.as('count'),
      ])
      .where('document.superseded_by', 'is', null)
      .$if(filter.year !== undefined, (q) => q.where('document.year', '=', filter.year!))
      .$if(Boolean(filter.kind), (q) => q.where('document.kind', '=', filter.kind!))
      .groupBy(['finding.document_id', sql`coalesce(finding_review.status, 'new')`])
      .execute(),
    store
      .selectFrom('finding_review')
      .select(['department_id', 'kind', 'year', sql<string>`count(*)`.as('count')])
      .where('status', '=', 'fixed')
      .groupBy(['department_id', 'kind', 'year'])
      .execute(),
    store
      .selectFrom('audit')
      .select([
        auditDocument.as('document_id'),
        'audit.action',
        auditStep.as('step'),
        sql<Date | string>`min(audit.at)`.as('first'),
        sql<Date | string>`max(audit.at)`.as('last'),
      ])
      .where('audit.action', 'in', ['review', 'finding-status'])
      .groupBy([auditDocument, 'audit.action', auditStep])
      .execute(),
  ]);

  const statusesOf = new Map<number, Record<FindingStatus, number>>();
  for (const r of statusCounts) {
    const counts = statusesOf.get(r.document_id) ?? { new: 0, confirmed: 0, dismissed: 0, fixed: 0 };
    // A current finding marked fixed is counted once, with the chain's fixed findings below.
    if (r.status !== 'fixed') counts[r.status as FindingStatus] += Number(r.count);
    statusesOf.set(r.document_id, counts);
  }
  const fixedOf = new Map(
    fixedCounts.map((r) => [chainKey(r.department_id, r.kind, r.year), Number(r.count)]),
  );
  const stepsOf = new Map<number, typeof steps>();
  for (const s of steps) stepsOf.set(s.document_id, [...(stepsOf.get(s.document_id) ?? []), s]);
  const earliest = (dates: (Date | string)[]) =>
    dates.length === 0 ? null : new Date(Math.min(...dates.map((d) => new Date(d).getTime())));
  const latest = (dates: (Date | string)[]) =>
    dates.length === 0 ? null : new Date(Math.max(...dates.map((d) => new Date(d).getTime())));

  return current.map((d) => {
    const key = chainKey(d.department_id, d.kind, d.year);
    const own = stepsOf.get(d.id) ?? [];
    const chainSteps = (chains.get(key) ?? []).flatMap((id) => stepsOf.get(id) ?? []);
    const statuses = statusesOf.get(d.id) ?? { new: 0, confirmed: 0, dismissed: 0, fixed: 0 };
    return {
      documentId: d.id,
      department: d.name,
      code: d.unit_code ?? d.code,
      year: d.year,
      kind: d.kind,
      version: d.version,
      state: d.review_state as ReviewState,
      statuses: { ...statuses, fixed: fixedOf.get(key) ?? 0 },
      severities: { error: d.errors, warning: d.warnings, info: d.infos },
      firstUploaded: firstUpload.get(key)!,
      uploaded: new Date(d.imported_at),
      reviewStarted: earliest(own.map((s) => s.first)),
      returned: latest(
        chainSteps.filter((s) => s.action === 'review' && s.step === 'return').map((s) => s.last),
      ),
      approved: latest(own.filter((s) => s.action === 'review' && s.step === 'approve').map((s) => s.last)),
    };
  });
}
