// The domain's enumerations and their Chinese names, declared once for the checks, the reports, the store,
// the server and the web app.
import type { DocumentKind } from './document.ts';

export type Severity = 'error' | 'warning' | 'info';
export const severities: Severity[] = ['error', 'warning', 'info'];
export const severityNames: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const kindNames: Record<DocumentKind, string> = {
  budget: '部门预算',
  performance: '部门预算绩效目标',
  final: '部门决算',
};

/** A finding's status in the review: new 待核实 → confirmed 确认 / dismissed 不是问题 → fixed 已整改. */
export const findingStatuses = ['new', 'confirmed', 'dismissed', 'fixed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];
export const findingStatusNames: Record<FindingStatus, string> = {
  new: '待核实',
  confirmed: '确认',
  dismissed: '不是问题',
  fixed: '已整改',
};

/** A version's review state: 待审 → 审核中 → 退回修改 (a new version is 待审 again) … → 通过. */
export const reviewStates = ['pending', 'reviewing', 'returned', 'approved'] as const;
export type ReviewState = (typeof reviewStates)[number];
export const reviewStateNames: Record<ReviewState, string> = {
  pending: '待审',
  reviewing: '审核中',
  returned: '退回修改',
  approved: '通过',
};

/** admin 管理员 · reviewer 审核 (every department) · editor 填报 (its own department and units). */
export type Role = 'admin' | 'reviewer' | 'editor';
export const roleNames: Record<Role, string> = { admin: '管理员', reviewer: '审核', editor: '填报' };

/** The name of a kind as stored (a string), or the string itself when it is no kind. */
export const kindName = (kind: string): string => kindNames[kind as DocumentKind] ?? kind;
