// 总览: departments × years, each cell the documents of that department and year with their review state
// and counts; units (单位) listed under their department (主管部门).
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  type DocumentSummary,
  getOverview,
  kindName,
  kindNames,
  type OverviewPage as Page,
  type ReviewState,
  reviewStateNames,
} from '../api.ts';
import { Counts } from '../components/Counts.tsx';
import { Link, navigate, useLocation, useTitle } from '../router.tsx';

export function OverviewPage() {
  useTitle('总览');
  const { query } = useLocation();
  const year = query.get('year') ?? '';
  const kind = query.get('kind') ?? '';
  const history = query.get('history') === '1';
  const state = query.get('state') ?? '';
  const sort = query.get('sort') === 'errors' ? 'errors' : 'name';
  const q = query.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState('');
  const rows = page?.documents ?? null;
  const years = page?.years ?? [];

  // Any other change of the filter starts again at the first page.
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    const text = next.toString();
    navigate(text ? `/?${text}` : '/', { replace: name !== 'page' });
  };

  const requested = query.toString();
  useEffect(() => {
    let live = true;
    getOverview(new URLSearchParams(requested))
      .then((answer) => {
        if (!live) return;
        setPage(answer);
        setError('');
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [requested]);

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
      next.delete('page');
      const text = next.toString();
      navigate(text ? `/?${text}` : '/', { replace: true });
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  const { departments, columns, cells } = useMemo(() => {
    const cells = new Map<string, DocumentSummary[]>();
    const columns = new Set<string>();
    const byId = new Map<number, { id: number; name: string; parent: number | null; errors: number }>();
    for (const d of rows ?? []) {
      const department = byId.get(d.departmentId) ?? {
        id: d.departmentId,
        name: d.department,
        parent: d.parentDepartmentId,
        errors: 0,
      };
      department.errors += d.errors;
      byId.set(d.departmentId, department);
      const y = d.year === null ? '未知' : String(d.year);
      columns.add(y);
      const key = `${d.departmentId}|${y}`;
      cells.set(key, [...(cells.get(key) ?? []), d]);
    }
    const order = (a: { name: string; errors: number }, b: { name: string; errors: number }) =>
      (sort === 'errors' ? b.errors - a.errors : 0) || a.name.localeCompare(b.name, 'zh-CN');
    // A unit sits under its department when that one is listed too, otherwise on its own.
    const all = [...byId.values()];
    const top = all.filter((d) => d.parent === null || !byId.has(d.parent)).sort(order);
    const departments = top.flatMap((d) => [
      { ...d, depth: 0 },
      ...all
        .filter((u) => u.parent === d.id)
        .sort(order)
        .map((u) => ({ ...u, depth: 1 })),
    ]);
    return { departments, columns: [...columns].sort((a, b) => b.localeCompare(a)), cells };
  }, [rows, sort]);

  const pages = page ? Math.max(1, Math.ceil(page.departments / page.pageSize)) : 1;

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
        <label>
          审核状态
          <select name="state" value={state} onChange={(e) => setFilter('state', e.target.value)}>
            <option value="">全部</option>
            {(Object.keys(reviewStateNames) as ReviewState[]).map((k) => (
              <option key={k} value={k}>
                {reviewStateNames[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          排序
          <select
            name="sort"
            value={sort}
            onChange={(e) => setFilter('sort', e.target.value === 'errors' ? 'errors' : '')}
          >
            <option value="name">按部门名称</option>
            <option value="errors">按错误数（多的在前）</option>
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
            {page!.departments} 个部门（含所属单位），{page!.totals.documents} 个文档；共{' '}
            <Counts {...page!.totals} />
            {pages > 1 && `；本页 ${departments.length} 个部门和单位`}
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
                {departments.map(({ id, name, depth }) => (
                  <tr key={id} data-department={id} className={depth > 0 ? 'unit-row' : undefined}>
                    <th scope="row">
                      {depth > 0 && <span className="muted">└ </span>}
                      {name}
                    </th>
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
          {pages > 1 && (
            <nav className="pager" aria-label="分页">
              <button
                type="button"
                disabled={page!.page <= 1}
                onClick={() => setFilter('page', String(page!.page - 1))}
              >
                上一页
              </button>
              <span data-testid="overview-page">
                第 {page!.page} / {pages} 页
              </span>
              <button
                type="button"
                disabled={page!.page >= pages}
                onClick={() => setFilter('page', String(page!.page + 1))}
              >
                下一页
              </button>
            </nav>
          )}
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
      <span className="kind">{kindName(doc.kind)}</span>
      <span className={doc.current ? 'status current' : 'status old'}>
        {doc.current ? '现行' : '已替代'}
        {doc.version > 1 || !doc.current ? ` 第${doc.version}版` : ''}
      </span>
      <span className={`review-state rs-${doc.reviewState}`} data-state={doc.reviewState}>
        {reviewStateNames[doc.reviewState]}
      </span>
      <Counts errors={doc.errors} warnings={doc.warnings} infos={doc.infos} />
    </Link>
  );
}
