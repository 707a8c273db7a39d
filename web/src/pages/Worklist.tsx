// 我的待办: for 审核 and 管理员 the versions waiting for review (待审, 审核中), the most unreviewed errors
// first; for a 填报 user the versions returned to them and the findings' threads waiting for their answer.
import { useEffect, useState } from 'react';
import {
  type DocumentSummary,
  getWorklist,
  kindName,
  reviewStateNames,
  type User,
  type Worklist,
} from '../api.ts';
import { Counts } from '../components/Counts.tsx';
import { Link, useTitle } from '../router.tsx';

const describe = (d: DocumentSummary) =>
  `${d.department} · ${d.year ?? '年度未知'} ${kindName(d.kind)} · 第${d.version}版`;

export function WorklistPage({ user }: { user: User | null }) {
  useTitle('我的待办');
  const [list, setList] = useState<Worklist | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!user) return;
    getWorklist()
      .then(setList)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [user]);

  if (!user)
    return (
      <section className="panel">
        <h1>我的待办</h1>
        <p>请先登录。</p>
      </section>
    );
  if (error) return <p className="error-text">{error}</p>;
  if (!list) return <p className="muted">加载中…</p>;

  if (user.role !== 'editor')
    return (
      <section data-testid="worklist">
        <h1>我的待办</h1>
        <h2>待审核（{list.review.length}）</h2>
        {list.review.length === 0 ? (
          <p className="muted">没有待审或审核中的文档。</p>
        ) : (
          <table className="grid worklist" data-testid="review-tasks">
            <thead>
              <tr>
                <th>文档</th>
                <th>状态</th>
                <th>未核实的错误</th>
                <th>未核实的问题</th>
                <th>检查结果</th>
              </tr>
            </thead>
            <tbody>
              {list.review.map((t) => (
                <tr key={t.summary.id} data-doc={t.summary.id}>
                  <th scope="row">
                    <Link href={`/documents/${t.summary.id}`}>{describe(t.summary)}</Link>
                  </th>
                  <td>
                    <span className={`review-state rs-${t.summary.reviewState}`}>
                      {reviewStateNames[t.summary.reviewState]}
                    </span>
                  </td>
                  <td className="num" data-testid="unreviewed-errors">
                    {t.unreviewedErrors}
                  </td>
                  <td className="num">{t.unreviewed}</td>
                  <td>
                    <Counts errors={t.summary.errors} warnings={t.summary.warnings} infos={t.summary.infos} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    );

  return (
    <section data-testid="worklist">
      <h1>我的待办</h1>
      <h2>退回修改（{list.returned.length}）</h2>
      {list.returned.length === 0 ? (
        <p className="muted">没有退回修改的文档。</p>
      ) : (
        <ul className="tasks" data-testid="returned-tasks">
          {list.returned.map((t) => (
            <li key={t.summary.id} data-doc={t.summary.id}>
              <Link href={`/documents/${t.summary.id}`}>{describe(t.summary)}</Link>：确认的问题 {t.confirmed}{' '}
              个，请修改后上传新版本
              {t.note && <span className="muted">（审核意见：{t.note}）</span>}
            </li>
          ))}
        </ul>
      )}
      <h2>等待答复的问题（{list.threads.length}）</h2>
      {list.threads.length === 0 ? (
        <p className="muted">没有等待您答复的问题。</p>
      ) : (
        <ul className="tasks" data-testid="waiting-threads">
          {list.threads.map((t) => (
            <li key={`${t.summary.id}|${t.key}`}>
              <Link href={`/documents/${t.summary.id}`}>{describe(t.summary)}</Link>：{t.message}
              <div className="muted">
                {t.last.user ?? '（已删除的用户）'} {new Date(t.last.at).toLocaleString('zh-CN')}：
                {t.last.text}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
