// 总览: departments × years, each cell the documents of that department and year with their counts.
import { useEffect, useMemo, useRef, useState } from 'react';
import { type DocumentSummary, kindNames, listDocuments } from '../api.ts';
import { Counts } from '../components/Counts.tsx';
import { Link, navigate, useLocation, useTitle } from '../router.tsx';

export function OverviewPage() {
  useTitle('总览');
  const { query } = useLocation();
  const year = query.get('year') ?? '';
  const kind = query.get('kind') ?? '';
  const history = query.get('history') === '1';
  const q = query.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [rows, setRows] = useState<DocumentSummary[] | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const [error, setError] = useState('');

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    const text = next.toString();
    navigate(text ? `/?${text}` : '/', { replace: true });
  };

  useEffect(() => {
    listDocuments({ history: true })
      .then((all) =>
        setYears([...new Set(all.map((d) => d.year).filter((y) => y !== null))].sort((a, b) => b - a)),
      )
      .catch(() => {});
  }, []);

  useEffect(() => {
    let live = true;
    listDocuments({ q, year, kind, history })
      .then((list) => {
        if (!live) return;
        setRows(list);
        setError('');
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [q, year, kind, history]);

  // The search box follows typing with a short delay, and the address when it changes otherwise.
  const pushed = useRef(q);
  useEffect(() => {
    if (q === pushed.current) return;
    pushed.current = q;
    setSearch(q);
  }, [q]);
  useEffect(() => {
    if (search === pushed.current) return;
    const timer = setTimeout(() => {
      pushed.current = search;
      const next = new URLSearchParams(window.location.search);
      if (search) next.set('q', search);
      else next.delete('q');
      const text = next.toString();
      navigate(text ? `/?${text}` : '/', { replace: true });
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  const { departments, columns, cells } = useMemo(() => {
    const cells = new Map<string, DocumentSummary[]>();
    const departments = new Map<number, string>();
    const columns = new Set<string>();
    for (const d of rows ?? []) {
      departments.set(d.departmentId, d.department);
      const y = d.year === null ? '未知' : String(d.year);
      columns.add(y);
      const key = `${d.departmentId}|${y}`;
      cells.set(key, [...(cells.get(key) ?? []), d]);
    }
    return {
      departments: [...departments].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN')),
      columns: [...columns].sort((a, b) => b.localeCompare(a)),
      cells,
    };
  }, [rows]);

  const totals = (rows ?? []).reduce(
    (t, d) => ({ errors: t.errors + d.errors, warnings: t.warnings + d.warnings, infos: t.infos + d.infos }),
    { errors: 0, warnings: 0, infos: 0 },
  );

  return (
    <section>
      <h1>总览</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          搜索
          <input
            type="search"
            name="q"
            placeholder="部门、项目名称或项目编码"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label>
          年度
          <select name="year" value={year} onChange={(e) => setFilter('year', e.target.value)}>
            <option value="">全部</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          类型
          <select name="kind" value={kind} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">全部</option>
            {Object.entries(kindNames).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="history"
            checked={history}
            onChange={(e) => setFilter('history', e.target.checked ? '1' : '')}
          />
          含历史版本
        </label>
      </form>
      {error && <p className="error-text">{error}</p>}
      {rows === null ? (
        <p className="muted">加载中…</p>
      ) : rows.length === 0 ? (
        <p className="muted">没有符合条件的文档。</p>
      ) : (
        <>
          <p className="muted">
            {departments.length} 个部门，{rows.length} 个文档；共 <Counts {...totals} />
          </p>
          <div className="scroll">
            <table className="grid overview" data-testid="overview">
              <thead>
                <tr>
                  <th>部门</th>
                  {columns.map((y) => (
                    <th key={y}>{y === '未知' ? '年度未知' : `${y} 年`}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {departments.map(([id, name]) => (
                  <tr key={id}>
                    <th scope="row">{name}</th>
                    {columns.map((y) => (
                      <td key={y}>
                        {(cells.get(`${id}|${y}`) ?? []).map((d) => (
                          <DocumentChip key={d.id} doc={d} />
                        ))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function DocumentChip({ doc }: { doc: DocumentSummary }) {
  return (
    <Link
      href={`/documents/${doc.id}`}
      className={`chip${doc.current ? '' : ' superseded'}`}
      data-doc={doc.id}
    >
      <span className="kind">{kindNames[doc.kind] ?? doc.kind}</span>
      <span className={doc.current ? 'status current' : 'status old'}>
        {doc.current ? '现行' : '已替代'}
        {doc.version > 1 || !doc.current ? ` 第${doc.version}版` : ''}
      </span>
      <Counts errors={doc.errors} warnings={doc.warnings} infos={doc.infos} />
    </Link>
  );
}
