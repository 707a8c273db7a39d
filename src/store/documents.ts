// Importing documents into the store and reading them back. An import is one transaction; the same
// bytes imported twice change nothing; a newer document for a department, year and kind supersedes the
// older one, which stays in history. A user's correction of a document is stored the same way: a new
// version, re-checked, made from the same file.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { disclosureVerdict } from '../check/disclosure.ts';
import { checkDocument } from '../check/engine.ts';
import { chooseProfile } from '../check/profiles.ts';
import type { Finding } from '../check/types.ts';
import { type AppliedEdit, applyEdits } from '../edit/apply.ts';
import { type Document, tablesInOrder } from '../model/document.ts';
import { parseDocument } from '../parse.ts';
import type { Store } from './db.ts';
import { modelOf } from './model.ts';
import { settleReviews } from './reviews.ts';

export interface ImportResult {
  id: number;
  status: 'imported' | 'unchanged' | 'edited';
  department: string;
  year: number | null;
  version: number;
  errors: number;
  warnings: number;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An import the user may not make (an editor uploading another department's document). */
export class RefusedImport extends Error {}

/** A file in which no disclosure is recognised, or a blank template: nothing is stored. */
export class NotADisclosure extends Error {
  constructor(
    message: string,
    readonly template: boolean,
  ) {
    super(message);
  }
}

/** An edit the user may not make: another department's document for an editor, or a superseded version. */
export class RefusedEdit extends Error {
  constructor(
    message: string,
    readonly reason: 'department' | 'superseded',
  ) {
    super(message);
  }
}

export interface ImportOptions {
  userId?: number | null;
  /** Returns a refusal message when the user may not store this document. */
  refuse?: (doc: Document) => string | null;
  /** Told what the import is doing: reading (a PDF's page N of M), checking, storing. */
  onProgress?: (progress: ImportProgress) => void;
  /** The file already parsed (read ahead while an earlier one was stored); parsed here when absent. */
  document?: Document;
}

export type ImportProgress =
  | { stage: 'reading'; page?: number; pages?: number }
  | { stage: 'checking' }
  | { stage: 'storing' };

/**
 * Parses, checks and stores one file. Throws ReadError for a file that cannot be read and NotADisclosure for
 * one that is no disclosure; stores nothing then.
 */
export async function importFile(
  store: Store,
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const userId = options.userId ?? null;
  const hash = contentHash(bytes);
  const onProgress = options.onProgress;
  onProgress?.({ stage: 'reading' });
  const doc =
    options.document ??
    (await parseDocument(
      bytes,
      fileName,
      // The page only: the OCR's times are the bench's, not the import's progress.
      onProgress && (({ page, pages }) => onProgress({ stage: 'reading', page, pages })),
    ));
  const verdict = disclosureVerdict(doc);
  if (verdict.is !== 'disclosure')
    throw new NotADisclosure(`${fileName}：${verdict.message}`, verdict.is === 'template');
  const refusal = options.refuse?.(doc);
  if (refusal) throw new RefusedImport(refusal);
  const known = (await existing(store, hash)) ?? (await sameAsCurrent(store, doc));
  if (known) return known;
  onProgress?.({ stage: 'checking' });
  const findings = await checkAgainstStore(store, doc);
  onProgress?.({ stage: 'storing' });
  try {
    return await store
      .transaction()
      .execute((trx) =>
        insertDocument(trx, { file: { hash, name: fileName, bytes }, doc, findings, userId }),
      );
  } catch (e) {
    // Another import of the same bytes won the race: the document is stored once.
    const raced = await existing(store, hash);
    if (raced) return raced;
    throw e;
  }
}

/** Checks a document with what the store holds of its history and, for a department, of its units. */
async function checkAgainstStore(store: Store, doc: Document): Promise<Finding[]> {
  const previous = await priorYear(store, doc);
  const units = await unitDocuments(store, doc);
  return checkDocument(doc, { ...(previous ? { previous } : {}), ...(units.length ? { units } : {}) });
}

/** The department of a document whose department is not recognised (a fragment such as one table). */
const unnamedDepartment = '（未识别部门）';

/**
 * The current documents of the same year and kind of a department's units: their own disclosures
 * (单位预算), whose unit code starts with the department code.
 */
async function unitDocuments(store: Store, doc: Document): Promise<Document[]> {
  const code = doc.department.code;
  if (!code || doc.department.unitCode || doc.year === undefined) return [];
  const rows = await store
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select('document.model')
    .where('department.code', '=', code)
    .where('document.unit_code', 'like', `${code}%`)
    .where('document.kind', '=', doc.kind)
    .where('document.year', '=', doc.year)
    .where('document.superseded_by', 'is', null)
    .execute();
  return rows.map((r) => modelOf(r.model));
}

/**
 * A unit's document changes its department's sums: the department's current document, if stored, is
 * checked again and its findings replaced (in the import's transaction).
 */
async function recheckDepartment(trx: Store, unit: Document): Promise<void> {
  const code = unit.department.code;
  if (!unit.department.unitCode || !code || unit.year === undefined) return;
  const rows = await trx
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select(['document.id', 'document.model'])
    .where('department.code', '=', code)
    .where('document.unit_code', 'is', null)
    .where('document.kind', '=', unit.kind)
    .where('document.year', '=', unit.year)
    .where('document.superseded_by', 'is', null)
    .execute();
  const department = rows[0];
  if (!department) return;
  const findings = await checkAgainstStore(trx, modelOf(department.model));
  await trx.deleteFrom('finding').where('document_id', '=', department.id).execute();
  await storeFindings(trx, department.id, findings);
  await trx.updateTable('document').set(countsOf(findings)).where('id', '=', department.id).execute();
}

function countsOf(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) counts[`${f.severity}s` as const]++;
  return counts;
}

async function storeFindings(trx: Store, documentId: number, findings: Finding[]): Promise<void> {
  if (findings.length === 0) return;
  await trx
    .insertInto('finding')
    .values(
      findings.map((f) => ({
        document_id: documentId,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        where: JSON.stringify(f.where),
        anchor: JSON.stringify(f.anchor),
        expected: f.expected === undefined ? null : String(f.expected),
        actual: f.actual === undefined ? null : String(f.actual),
      })),
    )
    .execute();
}

export interface EditOptions {
  userId?: number | null;
  /** Returns a refusal message when the user may not edit a document of this department. */
  refuse?: (departmentId: number) => string | null;
}

/**
 * Applies a user's edits (see src/edit/apply.ts) to the current version of a stored document, checks the
 * result as an import would, and stores it as the next version; the edited version stays in history.
 * Undefined when there is no such document; throws EditError for edits that cannot be applied and
 * RefusedEdit for an edit the user may not make.
 */
export async function editDocument(
  store: Store,
  id: number,
  edits: unknown,
  options: EditOptions = {},
): Promise<(ImportResult & { supersedes: number; applied: AppliedEdit[] }) | undefined> {
  const row = await store
    .selectFrom('document')
    .select(['department_id', 'superseded_by', 'model', 'file_hash', 'file_name'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const refusal = options.refuse?.(row.department_id);
  if (refusal) throw new RefusedEdit(refusal, 'department');
  if (row.superseded_by !== null) throw staleEdit();
  const { document, applied } = applyEdits(modelOf(row.model), edits);
  const findings = await checkAgainstStore(store, document);
  const result = await store.transaction().execute((trx) =>
    insertDocument(trx, {
      file: { hash: row.file_hash, name: row.file_name },
      doc: document,
      findings,
      userId: options.userId ?? null,
      edit: { from: id, applied },
    }),
  );
  return { ...result, supersedes: id, applied };
}

/** What a set of edits would change, before anything is stored. */
export interface EditPreview {
  applied: AppliedEdit[];
  /** Findings the edited document would have that the stored one has not, and the other way round. */
  added: Finding[];
  cleared: Finding[];
}

/**
 * Applies the edits to a copy of the stored document and checks it as saving would, storing nothing.
 * Undefined when there is no such document; throws as editDocument does.
 */
export async function previewEdits(
  store: Store,
  id: number,
  edits: unknown,
  options: Pick<EditOptions, 'refuse'> = {},
): Promise<EditPreview | undefined> {
  const row = await store
    .selectFrom('document')
    .select(['department_id', 'superseded_by', 'model'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const refusal = options.refuse?.(row.department_id);
  if (refusal) throw new RefusedEdit(refusal, 'department');
  if (row.superseded_by !== null) throw staleEdit();
  const original = modelOf(row.model);
  const { document, applied } = applyEdits(original, edits);
  const [before, after] = await Promise.all([
    checkAgainstStore(store, original),
    checkAgainstStore(store, document),
  ]);
  const key = (f: Finding) => canonicalJson([f.rule, f.severity, f.message, f.where]);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return {
    applied,
    added: after.filter((f) => !had.has(key(f))),
    cleared: before.filter((f) => !has.has(key(f))),
  };
}

const staleEdit = () => new RefusedEdit('这一版已被新版本替代，请打开现行版本后再修改', 'superseded');

/** The current document of the same department and kind for the year before, if stored. */
async function priorYear(store: Store, doc: Document): Promise<Document | undefined> {
  if (doc.year === undefined || !doc.department.name) return undefined;
  const row = await store
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select('document.model')
    .where('department.name', '=', doc.department.name)
    .where('document.kind', '=', doc.kind)
    .where('document.year', '=', doc.year - 1)
    .where('document.superseded_by', 'is', null)
    .executeTakeFirst();
  return row ? modelOf(row.model) : undefined;
}

/**
 * The current version of the document's department, year and kind when its model equals this one: the same
 * disclosure again, with other trailing bytes or under another name, is no new version.
 */
async function sameAsCurrent(store: Store, doc: Document): Promise<ImportResult | undefined> {
  const row = await store
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select(['document.id', 'document.model'])
    .where('department.name', '=', doc.department.name || unnamedDepartment)
    .where('document.kind', '=', doc.kind)
    .where((eb) =>
      doc.year === undefined ? eb('document.year', 'is', null) : eb('document.year', '=', doc.year),
    )
    .where('document.superseded_by', 'is', null)
    .executeTakeFirst();
  if (!row || canonicalJson(modelOf(row.model)) !== canonicalJson(doc)) return undefined;
  return resultOf(store, row.id);
}

/** JSON with object keys sorted: jsonb does not keep the order they were written in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

async function existing(store: Store, hash: string): Promise<ImportResult | undefined> {
  const row = await store
    .selectFrom('document')
    .select('id')
    .where('file_hash', '=', hash)
    .where('edited_from', 'is', null)
    .executeTakeFirst();
  return row ? resultOf(store, row.id) : undefined;
}

/** A stored document as an import's result that changed nothing. */
async function resultOf(store: Store, id: number): Promise<ImportResult> {
  const row = await store
    .selectFrom('document')
    .innerJoin('department', 'department.id', 'document.department_id')
    .select([
      'document.id',
      'department.name',
      'document.year',
      'document.version',
      'document.errors',
      'document.warnings',
    ])
    .where('document.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    status: 'unchanged',
    department: row.name,
    year: row.year,
    version: row.version,
    errors: row.errors,
    warnings: row.warnings,
  };
}

interface NewDocument {
  /** The file the document was read from; without bytes when it is stored already (an edit). */
  file: { hash: string; name: string; bytes?: Uint8Array };
  doc: Document;
  findings: Finding[];
  userId: number | null;
  /** For a user's correction: the version it corrects, which must still be the current one. */
  edit?: { from: number; applied: AppliedEdit[] };
}

async function insertDocument(trx: Store, n: NewDocument): Promise<ImportResult> {
  const { doc, findings } = n;
  const name = doc.department.name || unnamedDepartment;
  const department = await trx
    .insertInto('department')
    .values({ name, code: doc.department.code ?? null })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ code: sql`coalesce(excluded.code, department.code)` }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  // Serialise imports of one department so that versions are numbered without gaps.
  await sql`select id from department where id = ${department.id} for update`.execute(trx);
  const { file, edit } = n;
  if (file.bytes)
    await trx
      .insertInto('file')
      .values({ hash: file.hash, name: file.name, size: file.bytes.length, bytes: file.bytes })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
  const previous = await trx
    .selectFrom('document')
    .select(['id', 'version'])
    .where('department_id', '=', department.id)
    .where('kind', '=', doc.kind)
    .where((eb) => (doc.year === undefined ? eb('year', 'is', null) : eb('year', '=', doc.year)))
    .where('superseded_by', 'is', null)
    .executeTakeFirst();
  // Another edit or import got in first: this edit would silently drop it.
  if (edit && previous?.id !== edit.from) throw staleEdit();
  const counts = countsOf(findings);
  const version = (previous?.version ?? 0) + 1;
  const inserted = await trx
    .insertInto('document')
    .values({
      department_id: department.id,
      year: doc.year ?? null,
      kind: doc.kind,
      unit: doc.unit,
      file_hash: file.hash,
      file_name: file.name,
      version,
      superseded_by: null,
      profile: chooseProfile(doc).name,
      ...counts,
      model: JSON.stringify(doc),
      imported_by: n.userId,
      edited_from: edit?.from ?? null,
      edits: edit ? JSON.stringify(edit.applied) : null,
      unit_code: doc.department.unitCode ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = inserted.id;
  const unitNames = [...new Set(doc.units.map((u) => u.name).filter((name) => name !== ''))];
  if (unitNames.length > 0)
    await trx
      .insertInto('org_unit')
      .values(unitNames.map((name) => ({ document_id: id, name })))
      .execute();
  if (previous)
    await trx.updateTable('document').set({ superseded_by: id }).where('id', '=', previous.id).execute();

  const cells = tablesInOrder(doc).flatMap((table) =>
    table.rows.flatMap((row, rowIndex) => {
      const columns = row.side === 'income' ? (table.incomeColumns ?? table.columns) : table.columns;
      return row.amounts.flatMap((amount, c) =>
        amount === null
          ? []
          : [
              {
                document_id: id,
                table_key: table.key,
                side: row.side ?? null,
                row_index: rowIndex,
                row_code: row.code ?? null,
                row_name: row.name,
                column_index: c,
                column_name: columns[c] ?? '',
                amount: amount.value,
              },
            ],
      );
    }),
  );
  for (let i = 0; i < cells.length; i += 500)
    await trx
      .insertInto('cell')
      .values(cells.slice(i, i + 500))
      .execute();
  for (const p of doc.projects) {
    const project = await trx
      .insertInto('project')
      .values({ document_id: id, code: p.code, name: p.name, budget: p.budget?.value ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (p.indicators.length > 0) {
      await trx
        .insertInto('indicator')
        .values(
          p.indicators.map((i) => ({
            project_id: project.id,
            level1: i.level1,
            level2: i.level2,
            level3: i.level3,
            description: i.description,
            value: i.value,
            basis: i.basis,
          })),
        )
        .execute();
    }
  }
  await storeFindings(trx, id, findings);
  await settleReviews(trx, id);
  await recheckDepartment(trx, doc);
  await trx
    .insertInto('audit')
    .values({
      user_id: n.userId,
      action: edit ? 'edit' : 'import',
      detail: JSON.stringify({
        document: id,
        file: file.name,
        hash: file.hash,
        version,
        supersedes: previous?.id ?? null,
        ...(edit ? { edits: edit.applied, errors: counts.errors, warnings: counts.warnings } : {}),
      }),
    })
    .execute();
  return {
    id,
    status: edit ? 'edited' : 'imported',
    department: name,
    year: doc.year ?? null,
    version,
    errors: counts.errors,
    warnings: counts.warnings,
  };
}
