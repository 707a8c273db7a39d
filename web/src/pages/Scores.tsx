// 评分排名: the departments and units of the region by disclosure score, best first, with the items each lost
// points on; filtered by year and kind. What a reader sees is what the API lets them see.
import { useEffect, useState } from 'react';
import { getScores, kindName, kindNames, type RankedDocument } from '../api.ts';
import { Link, useTitle } from '../router.tsx';

export function ScoresPage() {
  useTitle('评分排名');
  const [year, setYear] = useState('');
  const [kind, setKind] = useState('');
  const [ranked, setRanked] = useState<RankedDocument[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setRanked(null);
    getScores({ year, kind })
      .then(setRanked)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [year, kind]);

  const years = [...new Set((ranked ?? []).map((r) => r.year).filter((y): y is number => y !== null))];
  return (
    <section data-testid="scores">
      <h1>评分排名</h1>
      <p className="muted">
        按及时性、完整性、真实性、细化程度、公开形式五个维度逐项评分（满分
        100；不适用的项不计入）。点击部门查看每项的依据。
      </p>
      <div className="filters">
        <label>
          年度
          <input
            name="year"
            inputMode="numeric"
            placeholder="全部"
            value={year}
            onChange={(e) => setYear(/^\d{0,4}$/.test(e.target.value) ? e.target.value : year)}
            list="score-years"
          />
          <datalist id="score-years">
            {years.map((y) => (
              <option key={y} value={y} />
            ))}
          </datalist>
        </label>
        <label>
          种类
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">全部</option>
            {Object.entries(kindNames).map(([k, name]) => (
              <option key={k} value={k}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <p className="error-text">{error}</p>
      ) : !ranked ? (
        <p className="muted">加载中…</p>
      ) : ranked.length === 0 ? (
        <p className="muted">没有可以评分的文档。</p>
      ) : (
        <table className="grid scores" data-testid="ranking">
          <thead>
            <tr>
              <th>名次</th>
              <th>部门（单位）</th>
              <th>年度</th>
              <th>种类</th>
              <th>得分</th>
              {ranked[0]!.dimensions.map((d) => (
                <th key={d.id}>
                  {d.title}（{d.weight}）
                </th>
              ))}
              <th>失分项</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((r, i) => (
              <tr key={r.id} data-doc={r.id}>
                <td className="num">{i + 1}</td>
                <th scope="row">
                  <Link href={`/documents/${r.id}`}>{r.department}</Link>
                </th>
                <td>{r.year ?? '—'}</td>
                <td>{kindName(r.kind)}</td>
                <td className="num" data-testid="score-total">
                  {r.total ?? '—'}
                </td>
                {r.dimensions.map((d) => (
                  <td key={d.id} className="num">
                    {d.score ?? '不适用'}
                  </td>
                ))}
                <td>
                  {r.lost.length === 0 ? (
                    <span className="muted">无</span>
                  ) : (
                    <ul className="lost-items">
                      {r.lost.map((l) => (
                        <li key={l.id} className="lost-item" title={l.evidence}>
                          {l.title}（{l.points} 分）
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
