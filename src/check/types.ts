// The contract between the engine, the rules and the reports (architecture.md: check --format json).
import type { Document, DocumentKind, TableKey } from '../model/document.ts';

import type { Severity } from '../model/names.ts';

export type { Severity };

export interface Where {
  table?: TableKey;
  /** The other table a comparison between two tables rests on (its figures are the expected ones). */
  against?: TableKey;
  /** The row's classification code, or its name (spaces removed) when it has none. */
  row?: string;
  column?: string;
  /** 21-character 项目编码. */
  project?: string;
  section?: string;
  page?: number;
  line?: number;
}

/**
 * Where a finding points in the model, by index, for the web app to mark as it is: a table (its key), a row
 * (index into `rows`), a cell (column index into the row's side's columns: `incomeColumns` for an income row of
 * a two-sided table), a section (index into `sections`) or one of its sentences (`sentencesOf`), a project
 * (index into `projects`) or one of its indicators or spending-plan months; or the document as a whole.
 * `where` says the same in the document's words and is the finding's identity; an anchor is not (indices
 * move between versions).
 */
export type Anchor =
  | { kind: 'table'; table: TableKey }
  | { kind: 'row'; table: TableKey; row: number }
  | { kind: 'cell'; table: TableKey; row: number; column: number }
  | { kind: 'section'; section: number; sentence?: number }
  | { kind: 'project'; project: number; indicator?: number; month?: number }
  | { kind: 'document' };

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  where: Where;
  anchor: Anchor;
  /** Plain numbers in the document's own unit, for comparisons only. */
  expected?: number;
  actual?: number;
}

export interface RuleMeta {
  id: string;
  /** Severity of a real discrepancy; a difference within the tolerance is always info. */
  severity: Severity;
  title: string;
  /** What the rule checks (Chinese). */
  description: string;
  /** Why: the regulation or the reviewer's reason (Chinese). */
  reason: string;
  /** A short example of what it reports (Chinese). */
  example: string;
  kinds: DocumentKind[];
  /** Profiles the rule applies to; all when absent. */
  profiles?: ProfileName[];
  /** Needs the prior-year document (checked when the store holds one). */
  needsHistory?: boolean;
  /** Needs the department's units' own documents of the same year (checked when they are stored). */
  needsUnits?: boolean;
}

export type ProfileName =
  | 'national-budget'
  | 'hebei-county-budget'
  | 'shanghai-budget'
  | 'jiangsu-budget'
  | 'performance'
  | 'final';

export interface Profile {
  name: ProfileName;
  title: string;
  requiredTables: TableKey[];
  /** A required section is one whose heading contains any of the keywords. */
  requiredSections: { name: string; keywords: string[] }[];
}

/** What a rule reports; the engine adds the rule id and applies the tolerance and the configuration. */
export interface Report {
  severity?: Severity;
  message: string;
  where: Where;
  /** Where the rule knows the exact place (the row it read); found from `where` otherwise. */
  anchor?: Anchor;
  expected?: number;
  actual?: number;
}

export interface Context {
  profile: Profile;
  /** The same department's document of the year before, when the store holds one. */
  previous?: Document;
  /** The department's units' own documents (单位预算) of the same year, when the store holds them. */
  units?: Document[];
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(doc: Document, ctx: Context): void;
}
