// The disclosure score of stored documents: what the store adds to the document itself — the findings as the
// review left them (不是问题 left out), the units of the department whose own disclosures are stored, and the
// 批复 and publication dates a reviewer entered.

import { chooseProfile } from '../check/profiles.ts';
import type { Finding } from '../check/types.ts';
import { type DocumentScore, scoreDocument } from '../score/index.ts';
import type { ScoreProfile } from '../score/profile.ts';
import type { Store } from './db.ts';
import { modelOf } from './model.ts';
import { overview, type Visibility } from './queries.ts';
import { documentReview, findingKey } from './reviews.ts';

export interface DisclosureDates {
  approvedOn: string | null;
  publishedOn: string | null;
}

/** A YYYY-MM-DD date as either driver returns it. */
const day = (value: Date | string | null): string | null =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

async function chainOf(store: Store, documentId: number) {
  return store
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select([
      'document.department_id',
      'document.kind',
      'document.year',
      'document.unit_code',
      'department.code',
      'document.model',
    ])
    .where('document.id', '=', documentId)
    .executeTakeFirst();
}

export async function disclosureDates(
  store: Store,
  documentId: number,
): Promise<DisclosureDates | undefined> {
  const chain = await chainOf(store, documentId);
  if (!chain) return undefined;
  const row = await store
    .selectFrom('disclosure_date')
    .select(['approved_on', 'published_on'])
    .where('department_id', '=', chain.department_id)
    .where('kind', '=', chain.kind)
    .where('year', '=', chain.year ?? 0)
    .executeTakeFirst();
  return { approvedOn: day(row?.approved_on ?? null), publishedOn: day(row?.published_on ?? null) };
}

/** Sets the dates of the document's department, kind and year (every version shares them). */
export async function setDisclosureDates(
  store: Store,
  documentId: number,
  dates: DisclosureDates,
  userId: number,
): Promise<boolean> {
  const chain = await chainOf(store, documentId);
  if (!chain) return false;
  const values = {
    department_id: chain.department_id,
    kind: chain.kind,
    year: chain.year ?? 0,
    approved_on: dates.approvedOn,
    published_on: dates.publishedOn,
    set_by: userId,
  };
  await store
    .insertInto('disclosure_date')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['department_id', 'kind', 'year']).doUpdateSet({
        approved_on: dates.approvedOn,
        published_on: dates.publishedOn,
        set_by: userId,
        set_at: new Date(),
      }),
    )
    .execute();
  return true;
}

/** The score of one stored version; undefined when there is none. */
export async function storedScore(
  store: Store,
  documentId: number,
  profile: ScoreProfile,
): Promise<(DocumentScore & { dates: DisclosureDates }) | undefined> {
  const chain = await chainOf(store, documentId);
  if (!chain) return undefined;
  const doc = modelOf(chain.model);
  const [rows, review, dates] = await Promise.all([
    store
      .selectFrom('finding')
      .select(['rule', 'severity', 'message', 'where', findingKey.as('key')])
      .where('document_id', '=', documentId)
      .execute(),
    documentReview(store, documentId),
    disclosureDates(store, documentId),
  ]);
  const findings: Finding[] = rows
    .filter((f) => review.findings.get(f.key)?.status !== 'dismissed')
    .map((f) => ({
      rule: f.rule,
      severity: f.severity as Finding['severity'],
      message: f.message,
      where: (typeof f.where === 'string' ? JSON.parse(f.where) : f.where) as Finding['where'],
      anchor: { kind: 'document' },
    }));
  let publishedUnits: string[] | undefined;
  if (chain.code && !chain.unit_code && chain.year !== null) {
    const units = await store
      .selectFrom('document')
      .innerJoin('department', 'department.id', 'document.department_id')
      .select('document.model')
      .where('department.code', '=', chain.code)
      .where('document.unit_code', 'like', `${chain.code}%`)
      .where('document.kind', '=', chain.kind)
      .where('document.year', '=', chain.year)
      .where('document.superseded_by', 'is', null)
      .execute();
    publishedUnits = units.map((u) => modelOf(u.model).department.name);
  }
  const score = scoreDocument(
    doc,
    {
      findings,
      profile: chooseProfile(doc),
      ...(publishedUnits ? { publishedUnits } : {}),
      dates: {
        ...(dates?.approvedOn ? { approved: dates.approvedOn } : {}),
        ...(dates?.publishedOn ? { published: dates.publishedOn } : {}),
      },
    },
    profile,
  );
  return { ...score, dates: dates ?? { approvedOn: null, publishedOn: null } };
}

export interface RankedDocument {
  id: number;
  department: string;
  year: number | null;
  kind: string;
  total: number | null;
  dimensions: DocumentScore['dimensions'];
  /** The items it lost points on, with their evidence. */
  lost: { id: string; title: string; points: number; evidence: string }[];
}

/** The current documents a reader may see, best score first (no score last). */
export async function rankedDocuments(
  store: Store,
  filter: { year?: number; kind?: string; visible?: Visibility },
  profile: ScoreProfile,
): Promise<RankedDocument[]> {
  const documents = await overview(store, {
    ...(filter.year !== undefined ? { year: filter.year } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.visible ? { visible: filter.visible } : {}),
  });
  const ranked: RankedDocument[] = [];
  for (const d of documents) {
    const score = await storedScore(store, d.id, profile);
    if (!score) continue;
    ranked.push({
      id: d.id,
      department: d.department,
      year: d.year,
      kind: d.kind,
      total: score.total,
      dimensions: score.dimensions,
      lost: score.items
        .filter((i) => i.status === 'lost')
        .map((i) => ({ id: i.id, title: i.title, points: i.points, evidence: i.evidence })),
    });
  }
  return ranked.sort(
    (a, b) => (b.total ?? -1) - (a.total ?? -1) || a.department.localeCompare(b.department, 'zh'),
  );
}
