// Reading the store for the API: the overview, one document, history, comparisons.

import { sql } from 'kysely';
import { anchorOf } from '../check/anchor.ts';
import {
  type Figure,
  functionClassTotals,
  type KeyFigureName,
  keyFigureNames,
  keyFigures,
} from '../check/figures.ts';
import type { Finding } from '../check/types.ts';
import type { AppliedEdit } from '../edit/apply.ts';
import { scaledToDecimal } from '../model/decimal.ts';
import type { Decimal, Document, MoneyUnit } from '../model/document.ts';
import type { Store } from './db.ts';
import { modelOf } from './model.ts';
import { documentReview, type FindingReview, findingKey, type ReviewState } from './reviews.ts';

export interface DocumentSummary {
  id: number;
  department: string;
  departmentId: number;
  year: number | null;
  kind: string;
  version: number;
  current: boolean;
  errors: number;
  warnings: number;
  infos: number;
  fileName: string;
  importedAt: string;
  /** For a version a user corrected online: the version it corrects. */
  editedFrom: number | null;
  /** The version's review state: 待审 … 通过. */
  reviewState: ReviewState;
  /** A unit's (单位) own department (主管部门), from the unit code or the department's 机构设置 table. */
  parentDepartmentId: number | null;
}

/**
 * What a reader may see: anonymous readers only approved versions (the latest approved one of each
 * department, kind and year stands for it), a 填报 user only the listed departments (theirs and its units).
 */
export interface Visibility {
  approvedOnly?: boolean;
  departmentIds?: number[];
}

export interface OverviewFilter {
  /** Department name, project name or project code (substring). */
  q?: string;
  year?: number;
  kind?: string;
  /** Include superseded versions. */
  history?: boolean;
  /** Only versions in this review state. */
  state?: ReviewState;
  visible?: Visibility;
}

export async function overview(store: Store, filter: OverviewFilter = {}): Promise<DocumentSummary[]> {
  let query = store
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select([
      'document.id',
      'department.name as department',
      'department.id as departmentId',
      'document.year',
      'document.kind',
      'document.version',
      'document.superseded_by',
      'document.errors',
      'document.warnings',
      'document.infos',
      'document.file_name',
      'document.imported_at',
      'document.edited_from',
      'document.review_state',
    ]);
  const visible = filter.visible ?? {};
  if (visible.departmentIds) {
    if (visible.departmentIds.length === 0) return [];
    query = query.where('document.department_id', 'in', visible.departmentIds);
  }
  if (visible.approvedOnly) {
    query = query.where('document.review_state', '=', 'approved');
    // The current public version is the latest approved one, even when a newer version is under review.
    if (!filter.history)
      query = query.where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('document as later')
              .select('later.id')
              .whereRef('later.department_id', '=', 'document.department_id')
              .whereRef('later.kind', '=', 'document.kind')
              .where(sql<boolean>`later.year is not distinct from document.year`)
              .whereRef('later.version', '>', 'document.version')
              .where('later.review_state', '=', 'approved'),
          ),
        ),
      );
  } else if (!filter.history) query = query.where('document.superseded_by', 'is', null);
  if (filter.year !== undefined) query = query.where('document.year', '=', filter.year);
  if (filter.kind) query = query.where('document.kind', '=', filter.kind);
  if (filter.state) query = query.where('document.review_state', '=', filter.state);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('department.name', 'like', like),
        eb.exists(
          eb
            .selectFrom('project')
            .select('project.id')
            .whereRef('project.document_id', '=', 'document.id')
            .where((p) => p.or([p('project.name', 'like', like), p('project.code', 'like', like)])),
        ),
      ]),
    );
  }
  const [rows, parents] = await Promise.all([
    query
      .orderBy('department.name')
      .orderBy('document.year', 'desc')
      .orderBy('document.version', 'desc')
      .execute(),
    parentDepartments(store),
  ]);
  return rows.map((r) => ({
    id: r.id,
    department: r.department,
    departmentId: r.departmentId,
    year: r.year,
    kind: r.kind,
    version: r.version,
    current: r.superseded_by === null,
    errors: r.errors,
    warnings: r.warnings,
    infos: r.infos,
    fileName: r.file_name,
    importedAt: new Date(r.imported_at).toISOString(),
    editedFrom: r.edited_from,
    reviewState: r.review_state as ReviewState,
    parentDepartmentId: parents.get(r.departmentId) ?? null,
  }));
}

/** One page of the overview: departments (each with its units) in order, and the documents of them. */
export interface OverviewPage {
  documents: DocumentSummary[];
  /** Top-level departments matching the filter, on every page. */
  departments: number;
  /** The documents matching the filter, on every page, and their findings. */
  totals: { documents: number; errors: number; warnings: number; infos: number };
  page: number;
  pageSize: number;
  /** The years of every document the reader may see (the filter's choices), newest first. */
  years: number[];
}

export type OverviewSort = 'name' | 'errors';

/**
 * Cuts the overview into pages of departments, never between a department and its units: a unit sits under
 * its department when that one is listed too, otherwise on its own. Sorted by name, or by the department's
 * own errors (most first, then by name), as the page sorts the units under it. A page past the end is the
 * last page.
 */
export function pageOfOverview(
  rows: DocumentSummary[],
  options: { page: number; pageSize: number; sort: OverviewSort },
): Omit<OverviewPage, 'years'> {
  const errors = new Map<number, number>();
  const names = new Map<number, string>();
  const parents = new Map<number, number | null>();
  for (const d of rows) {
    errors.set(d.departmentId, (errors.get(d.departmentId) ?? 0) + d.errors);
    names.set(d.departmentId, d.department);
    parents.set(d.departmentId, d.parentDepartmentId);
  }
  const topOf = (id: number) => {
    const parent = parents.get(id) ?? null;
    return parent !== null && parents.has(parent) ? parent : id;
  };
  const top = [...names.keys()].filter((id) => topOf(id) === id);
  const withUnits = (id: number) => [id, ...[...names.keys()].filter((u) => u !== id && topOf(u) === id)];
  top.sort(
    (a, b) =>
      (options.sort === 'errors' ? errors.get(b)! - errors.get(a)! : 0) ||
      names.get(a)!.localeCompare(names.get(b)!, 'zh-CN'),
  );
  const pageSize = Math.max(1, options.pageSize);
  const pages = Math.max(1, Math.ceil(top.length / pageSize));
  const page = Math.min(Math.max(1, options.page), pages);
  const shown = new Set(top.slice((page - 1) * pageSize, page * pageSize).flatMap(withUnits));
  return {
    documents: rows.filter((d) => shown.has(d.departmentId)),
    departments: top.length,
    totals: rows.reduce(
      (t, d) => ({
        documents: t.documents + 1,
        errors: t.errors + d.errors,
        warnings: t.warnings + d.warnings,
        infos: t.infos + d.infos,
      }),
      { documents: 0, errors: 0, warnings: 0, infos: 0 },
    ),
    page,
    pageSize,
  };
}

/** The years of the documents a reader may see, superseded versions included, newest first. */
export async function visibleYears(store: Store, visible: Visibility = {}): Promise<number[]> {
  if (visible.departmentIds?.length === 0) return [];
  let query = store.selectFrom('document').select('year').distinct().where('year', 'is not', null);
  if (visible.departmentIds) query = query.where('department_id', 'in', visible.departmentIds);
  if (visible.approvedOnly) query = query.where('review_state', '=', 'approved');
  const rows = await query.execute();
  return rows.map((r) => r.year as number).sort((a, b) => b - a);
}

/**
 * Each unit's department (主管部门 → 单位): a department whose documents carry a unit code belongs to the
 * department of the same code whose documents do not; a department named in another's 机构设置 table
 * (units disclosed without codes) belongs to that one.
 */
export async function parentDepartments(store: Store): Promise<Map<number, number>> {
  const [coded, named] = await Promise.all([
    store
      .selectFrom('document')
      .innerJoin('department', 'department.id', 'document.department_id')
      .select(['department.id', 'department.code', 'document.unit_code'])
      .distinct()
      .where('department.code', 'is not', null)
      .where('document.superseded_by', 'is', null)
      .execute(),
    store
      .selectFrom('org_unit')
      .innerJoin('document', 'document.id', 'org_unit.document_id')
      .innerJoin('department as child', 'child.name', 'org_unit.name')
      .select(['document.department_id as parent', 'child.id as child'])
      .distinct()
      .where('document.superseded_by', 'is', null)
      .whereRef('child.id', '!=', 'document.department_id')
      .execute(),
  ]);
  const parents = new Map<number, number>();
  const departmentOfCode = new Map<string, number>();
  for (const d of coded) if (d.unit_code === null && d.code) departmentOfCode.set(d.code, d.id);
  for (const d of coded) {
    const parent = d.unit_code !== null && d.code ? departmentOfCode.get(d.code) : undefined;
    if (parent !== undefined && parent !== d.id) parents.set(d.id, parent);
  }
  for (const n of named) if (!parents.has(n.child)) parents.set(n.child, n.parent);
  // A department is never its own ancestor: drop what would close a loop.
  for (const [child] of parents) {
    const seen = new Set<number>([child]);
    for (let at = parents.get(child); at !== undefined; at = parents.get(at)) {
      if (seen.has(at)) {
        parents.delete(child);
        break;
      }
      seen.add(at);
    }
  }
  return parents;
}

/** A stored finding with its key (rule and place) and its review status and thread. */
export type ReviewedFinding = Finding & { key: string; review: FindingReview };

export interface StoredDocument {
  summary: DocumentSummary;
  /** The profile it was checked with (national-budget …). */
  profile: string;
  document: Document;
  /** Each finding with its key (rule and place) and its status and thread in the review. */
  findings: ReviewedFinding[];
  /** The version's review state (待审 …) and the reviewer's note on the last step. */
  review: { state: ReviewState; note: string | null };
  /** Findings of earlier versions that were confirmed and no longer occur (已整改), with their thread. */
  resolved: { key: string; rule: string; message: string; review: FindingReview }[];
  history: DocumentSummary[];
  /** What a user changed to make this version (empty for an imported one). */
  edits: AppliedEdit[];
}

/** A stored document as the reader may see it: undefined when it does not exist or is not visible. */
export async function storedDocument(
  store: Store,
  id: number,
  visible: Visibility = {},
): Promise<StoredDocument | undefined> {
  const row = await store.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const all = await overview(store, { history: true, visible });
  const summary = all.find((d) => d.id === id);
  if (!summary) return undefined;
  const history = all.filter(
    (d) => d.departmentId === summary.departmentId && d.year === summary.year && d.kind === summary.kind,
  );
  const findings = await store
    .selectFrom('finding')
    .selectAll()
    .select(findingKey.as('key'))
    .where('document_id', '=', id)
    .execute();
  const review = await documentReview(store, id);
  const document = modelOf(row.model);
  return {
    summary,
    profile: row.profile,
    document,
    history,
    edits: ((typeof row.edits === 'string' ? JSON.parse(row.edits) : row.edits) ?? []) as AppliedEdit[],
    findings: findings.map((f) => {
      const where = (typeof f.where === 'string' ? JSON.parse(f.where) : f.where) as Finding['where'];
      const anchor = (typeof f.anchor === 'string' ? JSON.parse(f.anchor) : f.anchor) as
        | Finding['anchor']
        | null;
      const out: Finding = {
        rule: f.rule,
        severity: f.severity as Finding['severity'],
        message: f.message,
        where,
        anchor: anchor ?? anchorOf(document, { where, message: f.message }),
      };
      if (f.expected !== null) out.expected = Number(f.expected);
      if (f.actual !== null) out.actual = Number(f.actual);
      const status = review.findings.get(f.key) ?? {
        status: 'new',
        reason: null,
        fixedIn: null,
        comments: [],
      };
      return { ...out, key: f.key, review: status };
    }),
    review: { state: review.state, note: review.note },
    resolved: await resolvedFindings(store, row, review.findings, new Set(findings.map((f) => f.key))),
  };
}

/** The 已整改 findings of a document's earlier versions, as their last version stated them. */
async function resolvedFindings(
  store: Store,
  row: { department_id: number; kind: string; year: number | null },
  reviews: Map<string, FindingReview>,
  current: Set<string>,
): Promise<StoredDocument['resolved']> {
  const keys = [...reviews]
    .filter(([key, r]) => r.status === 'fixed' && !current.has(key))
    .map(([key]) => key);
  if (keys.length === 0) return [];
  const rows = await store
    .selectFrom('finding')
    .innerJoin('document', 'document.id', 'finding.document_id')
    .select(['finding.rule', 'finding.message', findingKey.as('key')])
    .where('document.department_id', '=', row.department_id)
    .where('document.kind', '=', row.kind)
    .where((eb) => (row.year === null ? eb('document.year', 'is', null) : eb('document.year', '=', row.year)))
    .where(findingKey, 'in', keys)
    .orderBy('document.id', 'desc')
    .execute();
  const seen = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!seen.has(r.key)) seen.set(r.key, r);
  return [...seen.values()].map((r) => ({
    key: r.key,
    rule: r.rule,
    message: r.message,
    review: reviews.get(r.key)!,
  }));
}

/** Those of the ids the reader may see. */
export async function visibleIds(store: Store, ids: number[], visible: Visibility): Promise<Set<number>> {
  if (!visible.approvedOnly && !visible.departmentIds) return new Set(ids);
  const seen = await overview(store, { history: true, visible });
  const wanted = new Set(ids);
  return new Set(seen.filter((d) => wanted.has(d.id)).map((d) => d.id));
}

export async function originalFile(
  store: Store,
  id: number,
): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const row = await store
    .selectFrom('document')
    .innerJoin('file', 'file.hash', 'document.file_hash')
    .select(['file.name', 'file.bytes'])
    .where('document.id', '=', id)
    .executeTakeFirst();
  return row ? { name: row.name, bytes: row.bytes } : undefined;
}

/**
 * The figures a comparison shows, per document, as exact decimal strings in the comparison's one unit
 * (元 when every figure of every document is printed in 元, else 万元); null where the document has no
 * such figure. Read from the stored models, so that every table layout gives the same figures.
 */
export interface ComparedDocument {
  id: number;
  department: string;
  year: number | null;
  kind: string;
  /** The unit of `figures` and `classes`, the same for all documents of one comparison. */
  unit: MoneyUnit;
  /** The unit the document itself is printed in. */
  documentUnit: string;
  /**
   * null where the document does not print the figure (no such table, or a 三公 part its table leaves out:
   * the page shows —, no bar); a printed row's empty cell is 0.
   */
  figures: Record<KeyFigureName, Decimal | null>;
  /** 合计 by functional 类. */
  classes: { code: string; name: string; amount: Decimal }[];
}

export async function compare(store: Store, ids: number[]): Promise<ComparedDocument[]> {
  if (ids.length === 0) return [];
  const rows = await store
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select([
      'document.id',
      'department.name',
      'document.year',
      'document.kind',
      'document.unit',
      'document.model',
    ])
    .where('document.id', 'in', ids)
    .execute();
  const read = ids.flatMap((id) => {
    const row = rows.find((d) => d.id === id);
    if (!row) return [];
    const doc = modelOf(row.model);
    return [{ row, figures: keyFigures(doc), classes: functionClassTotals(doc) }];
  });
  const units = read.flatMap((d) => [
    ...Object.values(d.figures).flatMap((f) => (f ? [f.unit] : [])),
    ...d.classes.map((c) => c.figure.unit),
  ]);
  const unit: MoneyUnit = units.length > 0 && units.every((u) => u === '元') ? '元' : '万元';
  const inUnit = (f: Figure) => scaledToDecimal(f.value, f.unit, unit);
  return read.map(({ row, figures, classes }) => ({
    id: row.id,
    department: row.name,
    year: row.year,
    kind: row.kind,
    unit,
    documentUnit: row.unit,
    figures: Object.fromEntries(
      keyFigureNames.map((k) => [k, figures[k] ? inUnit(figures[k]) : null]),
    ) as Record<KeyFigureName, Decimal | null>,
    classes: classes.map((c) => ({ code: c.code, name: c.name, amount: inUnit(c.figure) })),
  }));
}

/**
 * A department and its units: the departments of the same code whose documents are unit disclosures
 * (单位预算, with a unit code). A unit's own department has no units.
 */
export async function departmentAndUnits(store: Store, departmentId: number | null): Promise<number[]> {
  if (departmentId === null) return [];
  const own = await store
    .selectFrom('department')
    .select(['id', 'code'])
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!own) return [];
  if (!own.code) return [own.id];
  const withUnitCode = await store
    .selectFrom('department')
    .innerJoin('document', 'document.department_id', 'department.id')
    .select('department.id')
    .distinct()
    .where('department.code', '=', own.code)
    .where('document.unit_code', 'is not', null)
    .execute();
  const units = withUnitCode.map((u) => u.id);
  if (units.includes(own.id)) return [own.id];
  return [own.id, ...units];
}
