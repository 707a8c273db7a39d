// The database as Kysely sees it. Amounts are PostgreSQL numeric: they come back as strings, read in
// one place (src/store/documents.ts), never summed as floats.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date | string, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface DepartmentTable {
  id: Generated<number>;
  name: string;
  code: string | null;
}

/** Every uploaded file, kept whole and addressed by the SHA-256 of its bytes: nothing uploaded is lost. */
export interface FileTable {
  hash: string;
  name: string;
  size: number;
  bytes: Uint8Array;
  stored_at: Timestamp;
}

export interface DocumentTable {
  id: Generated<number>;
  department_id: number;
  year: number | null;
  kind: string;
  unit: string;
  file_hash: string;
  file_name: string;
  /** 1 for the first document of a department, year and kind; a newer one supersedes it. */
  version: number;
  superseded_by: number | null;
  profile: string;
  errors: number;
  warnings: number;
  infos: number;
  model: Json<unknown>;
  imported_at: Timestamp;
  imported_by: number | null;
  /** For a version a user corrected online: the version it corrects (same file), and the edits made. */
  edited_from: ColumnType<number | null, number | null | undefined, number | null>;
  edits: ColumnType<unknown[] | null, string | null | undefined, string | null>;
  /** pending 待审 · reviewing 审核中 · returned 退回修改 · approved 通过 (see store/reviews.ts). */
  review_state: ColumnType<string, string | undefined, string>;
  /** The reviewer's note on the last step (the reason of an approval despite open findings). */
  review_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** A unit's own disclosure (单位): its unit code, as in the model; null for a department's. */
  unit_code: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A unit named in a document's 机构设置 table: how units without codes find their department. */
export interface OrgUnitTable {
  document_id: number;
  name: string;
}

/** One table cell as a fact: the unit of comparison across departments and years. */
export interface CellTable {
  document_id: number;
  table_key: string;
  side: string | null;
  row_index: number;
  row_code: string | null;
  row_name: string;
  column_index: number;
  column_name: string;
  amount: string;
}

export interface ProjectTable {
  id: Generated<number>;
  document_id: number;
  code: string;
  name: string;
  budget: string | null;
}

export interface IndicatorTable {
  project_id: number;
  level1: string;
  level2: string;
  level3: string;
  description: string;
  value: string;
  basis: string;
}

export interface FindingTable {
  document_id: number;
  rule: string;
  severity: string;
  message: string;
  where: Json<Record<string, unknown>>;
  /** Null for findings stored before 0009. */
  anchor: Json<Record<string, unknown> | null>;
  expected: string | null;
  actual: string | null;
}

/** The 批复 and publication dates of a department's document of one kind and year (year 0: none stated). */
export interface DisclosureDateTable {
  department_id: number;
  kind: string;
  year: number;
  /** YYYY-MM-DD; dates come back from PostgreSQL as Date, from PGlite as Date too. */
  approved_on: ColumnType<Date | string | null, string | null, string | null>;
  published_on: ColumnType<Date | string | null, string | null, string | null>;
  set_by: number | null;
  set_at: Generated<Date>;
}

export interface UserTable {
  id: Generated<number>;
  name: string;
  password_hash: string;
  /** admin 管理员 · reviewer 审核 · editor 填报 (own department only). */
  role: string;
  department_id: number | null;
  /** A disabled user cannot log in and has no sessions. */
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  /** Set when someone else chose the password: the user must change it before anything else. */
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SessionTable {
  token: string;
  user_id: number;
  csrf: string;
  /** Moves forward with each request (inactivity), never past created_at + the session's maximum age. */
  expires_at: Timestamp;
  created_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
}

/** A failed login, counted per user name and per address to slow down and then lock guessing. */
export interface LoginFailureTable {
  id: Generated<number>;
  name: string;
  address: string;
  at: Timestamp;
}

export interface AuditTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  action: string;
  detail: Json<Record<string, unknown>>;
}

/** An upload of several files, imported in the background by whichever server claims each file. */
export interface ImportJobTable {
  id: string;
  user_id: number;
  created_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
  total: number;
}

export interface ImportJobFileTable {
  job_id: string;
  position: number;
  name: string;
  /** The uploaded bytes until the file is imported, then null. */
  bytes: Uint8Array | null;
  state: 'waiting' | 'running' | 'finished';
  /** Where the reading has got to: { stage, page?, pages? }. */
  progress: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** The import's result or refusal, once finished. */
  outcome: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** Order of finishing within the job. */
  finished_seq: number | null;
  claimed_by: string | null;
  heartbeat_at: ColumnType<Date | string | null, Date | string | null | undefined, Date | string | null>;
}

/**
 * A finding's status in the review of a department's document of one kind and year (year 0: none stated),
 * by the finding's key (rule and place): every version of that document shares it.
 */
export interface FindingReviewTable {
  department_id: number;
  kind: string;
  year: number;
  key: string;
  status: string;
  reason: string | null;
  fixed_in: number | null;
  updated_by: number | null;
  updated_at: ColumnType<Date | string, Date | string | undefined, Date | string>;
}

export interface FindingCommentTable {
  id: Generated<number>;
  department_id: number;
  kind: string;
  year: number;
  key: string;
  user_id: number | null;
  at: ColumnType<Date | string, Date | string | undefined, Date | string>;
  text: string;
}

export interface Database {
  department: DepartmentTable;
  file: FileTable;
  document: DocumentTable;
  cell: CellTable;
  project: ProjectTable;
  indicator: IndicatorTable;
  org_unit: OrgUnitTable;
  finding: FindingTable;
  disclosure_date: DisclosureDateTable;
  app_user: UserTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  import_job: ImportJobTable;
  import_job_file: ImportJobFileTable;
  finding_review: FindingReviewTable;
  finding_comment: FindingCommentTable;
  audit: AuditTable;
}
