// The API's answers as the web app receives them: one declaration of each, imported (as types only) by
// web/src/api.ts, so the server and the page cannot drift apart.

import type { DocumentScore, ScoredItem } from '../score/index.ts';
import type { ImportResult } from '../store/documents.ts';
import type { DocumentSummary, OverviewPage, ReviewedFinding, StoredDocument } from '../store/queries.ts';
import type { FindingReview, FindingStatus, ReviewState } from '../store/reviews.ts';
import type { DisclosureDates, RankedDocument } from '../store/scores.ts';
import type { ReturnedTask, ReviewTask, WaitingThread, Worklist } from '../store/worklist.ts';
import type { Role, User } from './auth.ts';
import type { JobStage, JobView } from './import-jobs.ts';

export type {
  DisclosureDates,
  DocumentScore,
  DocumentSummary,
  FindingReview,
  FindingStatus,
  ImportResult,
  OverviewPage,
  RankedDocument,
  ReturnedTask,
  ReviewedFinding,
  ReviewState,
  ReviewTask,
  Role,
  ScoredItem,
  StoredDocument,
  User,
  WaitingThread,
  Worklist,
};

/** GET /api/session, POST /api/session, POST /api/session/password. */
export interface Session {
  user: User | null;
  csrf: string | null;
}

/** One uploaded file's outcome: imported (with its result), or refused with a Chinese message. */
export interface UploadResult {
  file: string;
  ok: boolean;
  result?: ImportResult;
  error?: string;
}

/** A file of an import job: what the server is doing with it (a PDF's pages as they are read). */
export interface ImportJobFile {
  file: string;
  stage: JobStage;
  page?: number;
  pages?: number;
}

/** GET /api/imports/:id: files imported in the background, whether or not the page that sent them stays open. */
export type ImportJob = Omit<JobView, 'files' | 'results'> & {
  files: ImportJobFile[];
  /** One per finished file, in the order they finished. */
  results: UploadResult[];
};

/** GET /api/users (管理员): a user with their department's name and state, never a password. */
export interface Account extends User {
  department: string | null;
  disabled: boolean;
}

/** GET /api/documents/:id/score: the score with the dates it used. */
export type StoredScore = DocumentScore & { dates: DisclosureDates };

/** GET /api/departments: every department, for the 用户管理 page. */
export interface DepartmentEntry {
  id: number;
  name: string;
  code: string | null;
}

/** GET /api/documents and GET /api/overview: the overview's filter, as the query string carries it. */
export interface OverviewQuery {
  q?: string;
  year?: string;
  kind?: string;
  state?: string;
  history?: boolean;
}
