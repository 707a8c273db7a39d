// The document's disclosure score, item by item with its evidence; for 审核 and 管理员 the 批复 and
// publication dates the 及时性 item rests on.
import { useEffect, useState } from 'react';
import { getScore, type StoredScore, setDates, type User } from '../api.ts';

const marks = { earned: '✓', lost: '✗', 'not-applicable': '—' } as const;
const statusNames = { earned: '得分', lost: '失分', 'not-applicable': '不适用' } as const;

export function ScorePanel({ id, user }: { id: number; user: User | null }) {
  const [score, setScore] = useState<StoredScore | null>(null);
  const [error, setError] = useState('');
  const [approvedOn, setApprovedOn] = useState('');
  const [publishedOn, setPublishedOn] = useState('');
  const [saving, setSaving] = useState(false);
  const load = () =>
    getScore(id)
      .then((s) => {
        setScore(s);
        setApprovedOn(s.dates.approvedOn ?? '');
        setPublishedOn(s.dates.publishedOn ?? '');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per document
  useEffect(() => {
    load();
  }, [id]);

  if (error) return <p className="error-text">{error}</p>;
  if (!score) return <p className="muted">评分计算中…</p>;
  const reviewer = user?.role === 'admin' || user?.role === 'reviewer';
  const save = async () => {
    setSaving(true);
    setError('');
    try {
      await setDates(id, { approvedOn: approvedOn || null, publishedOn: publishedOn || null });
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="panel score" data-testid="score-panel">
      <h2>
        公开评分 <span data-testid="score-value">{score.total ?? '—'}</span> 分
      </h2>
      <p className="muted">
        {score.profile.title}（第 {score.profile.version} 版）
      </p>
      {score.dimensions.map((d) => (
        <div key={d.id} className="score-dimension">
          <h3>
            {d.title} {d.score === null ? '不适用' : `${d.score} / ${d.weight}`}
          </h3>
          <ul>
            {score.items
              .filter((i) => i.dimension === d.id)
              .map((i) => (
                <li
                  key={i.id}
                  className={`score-item si-${i.status}`}
                  data-item={i.id}
                  data-status={i.status}
                >
                  <span title={statusNames[i.status]}>{marks[i.status]}</span> {i.title}（{i.points} 分）：
                  {i.evidence}
                </li>
              ))}
          </ul>
        </div>
      ))}
      {reviewer && (
        <form
          className="score-dates"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DateField label="批复日期" name="approvedOn" value={approvedOn} onChange={setApprovedOn} />
          <DateField label="公开日期" name="publishedOn" value={publishedOn} onChange={setPublishedOn} />
          <button type="submit" disabled={saving}>
            保存日期
          </button>
        </form>
      )}
    </section>
  );
}

function DateField(props: { label: string; name: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="date"
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
