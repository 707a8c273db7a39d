// The review on a document's page: the version's state with the reviewer's steps (开始审核, 退回修改,
// 通过 — with an explicit override while findings are open), and under the selected finding its status,
// the reviewer's choices and its thread.
import { useState } from 'react';
import {
  addFindingComment,
  type FindingReview,
  type FindingStatus,
  findingStatusNames,
  moveReview,
  opinionUrl,
  type ReviewedFinding,
  type ReviewState,
  reviewStateNames,
  type StoredDocument,
  setFindingStatus,
} from '../api.ts';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function StatusBadge({ status }: { status: FindingStatus }) {
  return (
    <span className={`finding-status st-${status}`} data-status={status}>
      {findingStatusNames[status]}
    </span>
  );
}

export function ReviewBar({
  stored,
  canReview,
  canReadOpinion,
  onChanged,
}: {
  stored: StoredDocument;
  canReview: boolean;
  /** The opinion letter's downloads (审核意见书 with the confirmed findings). */
  canReadOpinion: boolean;
  onChanged: () => void;
}) {
  const { state, note } = stored.review;
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const open = stored.findings.filter(
    (f) => f.review.status === 'new' || f.review.status === 'confirmed',
  ).length;
  const step = async (action: 'start' | 'return' | 'approve') => {
    setBusy(true);
    setError('');
    try {
      await moveReview(stored.summary.id, action, {
        ...(reason.trim() ? { reason } : {}),
        ...(override ? { override } : {}),
      });
      setReason('');
      setOverride(false);
      onChanged();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  const can = (states: ReviewState[]) => canReview && states.includes(state);
  return (
    <div className="review-bar" data-testid="review-bar" data-state={state}>
      <span className={`review-state rs-${state}`}>{reviewStateNames[state]}</span>
      {note && <span className="muted">审核意见：{note}</span>}
      {canReview && state !== 'approved' && state !== 'returned' && (
        <>
          <input
            aria-label="审核意见"
            placeholder={open > 0 ? '审核意见（仍然通过时必填）' : '审核意见（可选）'}
            value={reason}
            maxLength={5000}
            onChange={(e) => setReason(e.target.value)}
          />
          {open > 0 && (
            <label className="check">
              <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />
              仍然通过（还有 {open} 个问题待核实或已确认）
            </label>
          )}
        </>
      )}
      {can(['pending']) && (
        <button type="button" disabled={busy} onClick={() => step('start')}>
          开始审核
        </button>
      )}
      {can(['pending', 'reviewing']) && (
        <button type="button" disabled={busy} onClick={() => step('return')}>
          退回修改
        </button>
      )}
      {can(['pending', 'reviewing']) && (
        <button type="button" disabled={busy} onClick={() => step('approve')}>
          通过
        </button>
      )}
      {canReadOpinion &&
        (['docx', 'pdf'] as const).map((format) => (
          <a
            key={format}
            className="button"
            href={opinionUrl(stored.summary.id, format)}
            download
            data-opinion={format}
          >
            下载审核意见书 ({format.toUpperCase()})
          </a>
        ))}
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}

export function FindingReviewPanel({
  documentId,
  finding,
  canReview,
  canComment,
  onChanged,
}: {
  documentId: number;
  finding: ReviewedFinding;
  canReview: boolean;
  canComment: boolean;
  onChanged: () => void;
}) {
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setError('');
    try {
      await work();
      after();
      onChanged();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  const setStatus = (status: FindingStatus) =>
    run(
      () => setFindingStatus(documentId, finding.key, status, reason.trim() || undefined),
      () => setReason(''),
    );
  const { review } = finding;
  return (
    <div className="finding-review" data-testid="finding-review">
      <p>
        状态：
        <StatusBadge status={review.status} />
        {review.reason && <span className="muted">（理由：{review.reason}）</span>}
      </p>
      {canReview && (
        <div className="review-actions">
          <button type="button" disabled={busy} onClick={() => setStatus('confirmed')}>
            确认
          </button>
          <input
            aria-label="不是问题的理由"
            placeholder="不是问题的理由"
            value={reason}
            maxLength={5000}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="button" disabled={busy} onClick={() => setStatus('dismissed')}>
            不是问题
          </button>
          {review.status !== 'new' && (
            <button type="button" disabled={busy} onClick={() => setStatus('new')}>
              改回待核实
            </button>
          )}
        </div>
      )}
      <Thread review={review} />
      {canComment && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => addFindingComment(documentId, finding.key, comment),
              () => setComment(''),
            );
          }}
        >
          <textarea
            aria-label="留言"
            placeholder="留言（说明、整改情况…）"
            value={comment}
            maxLength={5000}
            onChange={(e) => setComment(e.target.value)}
          />
          <button type="submit" disabled={busy || !comment.trim()}>
            留言
          </button>
        </form>
      )}
      {error && <p className="error-text">{error}</p>}
    </div>
  );
}

function Thread({ review }: { review: FindingReview }) {
  if (review.comments.length === 0) return null;
  return (
    <ol className="thread">
      {review.comments.map((c) => (
        <li key={`${c.at}-${c.text}`}>
          <strong>{c.user ?? '（已删除的用户）'}</strong>{' '}
          <time dateTime={c.at}>{new Date(c.at).toLocaleString('zh-CN')}</time>
          <p>{c.text}</p>
        </li>
      ))}
    </ol>
  );
}

/** Confirmed findings of earlier versions that this one no longer has. */
export function ResolvedFindings({ resolved }: { resolved: StoredDocument['resolved'] }) {
  if (resolved.length === 0) return null;
  return (
    <section className="resolved" data-testid="resolved-findings">
      <h3>已整改（{resolved.length}）</h3>
      <ul>
        {resolved.map((r) => (
          <li key={r.key}>
            <StatusBadge status="fixed" /> {r.message}
            <Thread review={r.review} />
          </li>
        ))}
      </ul>
    </section>
  );
}
