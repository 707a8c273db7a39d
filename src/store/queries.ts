// Reading the store for the API: the overview, one document, history, comparisons.
import { sql } from 'kysely';
import type { Finding } from '../check/types.ts';
import type { AppliedEdit } from '../edit/apply.ts';
import type { Document } from '../model/document.ts';
import type { Store } from './db.ts';

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
}

export interface OverviewFilter {
  /** Department name, project name or project code (substring). */
  q?: string;
  year?: number;
  kind?: string;
  /** Include superseded versions. */
  history?: boolean;
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
    ]);
  if (!filter.history) query = query.where('document.superseded_by', 'is', null);
  if (filter.year !== undefined) query = query.where('document.year', '=', filter.year);
  if (filter.kind) query = query.where('document.kind', '=', filter.kind);
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
  const rows = await query
    .orderBy('department.name')
    .orderBy('document.year', 'desc')
    .orderBy('document.version', 'desc')
    .execute();
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
  }));
}

export interface StoredDocument {
  summary: DocumentSummary;
  document: Document;
  findings: Finding[];
  history: DocumentSummary[];
  /** What a user changed to make this version (empty for an imported one). */
  edits: AppliedEdit[];
}

export async function storedDocument(store: Store, id: number): Promise<StoredDocument | undefined> {
  const row = await store.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const all = await overview(store, { history: true });
  const summary = all.find((d) => d.id === id)!;
  const history = all.filter(
    (d) => d.departmentId === summary.departmentId && d.year === summary.year && d.kind === summary.kind,
  );
  const findings = await store.selectFrom('finding').selectAll().where('document_id', '=', id).execute();
  const document = (typeof row.model === 'string' ? JSON.parse(row.model) : row.model) as Document;
  return {
    summary,
    document,
    history,
    edits: ((typeof row.edits === 'string' ? JSON.parse(row.edits) : row.edits) ?? []) as AppliedEdit[],
    findings: findings.map((f) => {
      const where = (typeof f.where === 'string' ? JSON.parse(f.where) : f.where) as Finding['where'];
      const out: Finding = {
        rule: f.rule,
        severity: f.severity as Finding['severity'],
        message: f.message,
        where,
      };
      if (f.expected !== null) out.expected = Number(f.expected);
      if (f.actual !== null) out.actual = Number(f.actual);
      return out;
    }),
  };
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

/** The figures a comparison shows, per document, as decimal strings in the document's unit. */
export interface ComparedDocument {
  id: number;
  department: string;
  year: number | null;
  unit: string;
  figures: Record<string, string>;
  /** 合计 by functional 类: code → [name, amount]. */
  classes: { code: string; name: string; amount: string }[];
}

const figureRows: { key: string; table: string; row: RegExp; column: string }[] = [
  { key: '支出合计', table: 'expenditure', row: /^合计$/, column: '合计' },
  { key: '基本支出', table: 'expenditure', row: /^合计$/, column: '基本支出' },
  { key: '项目支出', table: 'expenditure', row: /^合计$/, column: '项目支出' },
  { key: '人员经费', table: 'general-basic', row: /^合计$/, column: '人员经费' },
  { key: '公用经费', table: 'general-basic', row: /^合计$/, column: '公用经费' },
  { key: '"三公"经费', table: 'three-public', row: /三公.*小计/, column: '合计' },
  { key: '因公出国（境）费', table: 'three-public', row: /^一、因公出国/, column: '合计' },
  { key: '公务用车购置及运行维护费', table: 'three-public', row: /^二、公务用车/, column: '合计' },
  { key: '公务接待费', table: 'three-public', row: /^三、公务接待/, column: '合计' },
];

export async function compare(store: Store, ids: number[]): Promise<ComparedDocument[]> {
  if (ids.length === 0) return [];
  const docs = await store
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select(['document.id', 'department.name', 'document.year', 'document.unit'])
    .where('document.id', 'in', ids)
    .execute();
  const cells = await store
    .selectFrom('cell')
    .select([
      'document_id',
      'table_key',
      'row_code',
      'row_name',
      'column_name',
      sql<string>`amount::text`.as('amount'),
    ])
    .where('document_id', 'in', ids)
    .where('table_key', 'in', ['expenditure', 'general-basic', 'three-public'])
    .where((eb) => eb.or([eb('row_code', 'is', null), sql<boolean>`length(row_code) = 3`]))
    .execute();
  return ids.flatMap((id) => {
    const doc = docs.find((d) => d.id === id);
    if (!doc) return [];
    const mine = cells.filter((c) => c.document_id === id);
    const figures: Record<string, string> = {};
    for (const f of figureRows) {
      const cell = mine.find(
        (c) => c.table_key === f.table && !c.row_code && f.row.test(c.row_name) && c.column_name === f.column,
      );
      figures[f.key] = cell?.amount ?? '0';
    }
    const classes = mine
      .filter((c) => c.table_key === 'expenditure' && c.row_code?.length === 3 && c.column_name === '合计')
      .map((c) => ({ code: c.row_code!, name: c.row_name, amount: c.amount }));
    return [{ id, department: doc.name, year: doc.year, unit: doc.unit, figures, classes }];
  });
}
