// 比较: pick documents (department + year), then charts of the main figures, each with its table.
import type { EChartsOption } from 'echarts';
import { type ComponentProps, lazy, Suspense, useEffect, useMemo, useState } from 'react';
import {
  type ComparedDocument,
  compare,
  compareIds,
  type DocumentSummary,
  kindName,
  kindNames,
  listDocuments,
} from '../api.ts';
import { difference, download, formatAmount, growth, toCsv } from '../decimal.ts';
import { Link, navigate, useLocation, useTitle } from '../router.tsx';

const spendingKeys = ['基本支出', '项目支出', '人员经费', '公用经费'];
const threePublicKeys = ['"三公"经费', '因公出国（境）费', '公务用车购置及运行维护费', '公务接待费'];
const figureKeys = ['支出合计', ...spendingKeys, ...threePublicKeys];
const trendKeys = ['支出合计', '基本支出', '项目支出', '"三公"经费'];

// Tooltips are drawn by the chart (richText), never as HTML: names come from the documents.
const label = (d: { department: string; year: number | null }) => `${d.department} ${d.year ?? '年度未知'}`;
type FigureKey = keyof ComparedDocument['figures'];
const figure = (d: ComparedDocument, key: string): string | null => d.figures[key as FigureKey] ?? null;
/** For charts: a missing figure is no bar, not a zero bar. */
const plot = (value: string | null) => (value === null ? null : Number(value));

/**
 * What each document is compared with: the same department's document of the year before when it is among
 * those compared, else the first document.
 */
function baselines(docs: ComparedDocument[]): (ComparedDocument | undefined)[] {
  return docs.map((d, i) => {
    const prior = docs.find(
      (o) => o.department === d.department && o.year !== null && d.year !== null && o.year === d.year - 1,
    );
    if (prior) return prior;
    return i === 0 ? undefined : docs[0];
  });
}

// ECharts (most of this page's code) loads beside the comparison's data, not before it is asked for.
const LazyChart = lazy(() => import('../components/Chart.tsx').then((m) => ({ default: m.Chart })));
function Chart(props: ComponentProps<typeof LazyChart>) {
  return (
    <Suspense fallback={<div className="chart" style={{ height: props.height ?? 320 }} aria-busy="true" />}>
      <LazyChart {...props} />
    </Suspense>
  );
}

export function ComparePage() {
  useTitle('比较');
  const { query } = useLocation();
  const ids = compareIds(query);
  const idKey = ids.join(',');
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [kind, setKind] = useState('budget');
  const [search, setSearch] = useState('');
  const [compared, setCompared] = useState<ComparedDocument[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    listDocuments()
      .then(setDocuments)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  useEffect(() => {
    if (idKey.split(',').length < 2) {
      setCompared(null);
      return;
    }
    let live = true;
    compare(idKey.split(',').map(Number))
      .then((list) => live && setCompared(list))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [idKey]);

  const setIds = (next: number[]) =>
    navigate(next.length ? `/compare?ids=${next.join(',')}` : '/compare', { replace: true });
  const toggle = (id: number) => setIds(ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);

  const choices = documents.filter(
    (d) => (!kind || d.kind === kind) && (!search || d.department.includes(search.trim())),
  );
  const byDepartment = new Map<string, DocumentSummary[]>();
  for (const d of choices) byDepartment.set(d.department, [...(byDepartment.get(d.department) ?? []), d]);

  return (
    <section className="compare">
      <h1>比较</h1>
      <div className="picker">
        <div className="filters">
          <label>
            类型
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">全部</option>
              {Object.entries(kindNames).map(([k, name]) => (
                <option key={k} value={k}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            部门
            <input
              type="search"
              placeholder="筛选部门"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </label>
          <span className="muted">已选 {ids.length} 个文档（至少选两个）</span>
          {ids.length > 0 && (
            <button type="button" onClick={() => setIds([])}>
              清空
            </button>
          )}
        </div>
        <ul className="choices" data-testid="compare-choices">
          {[...byDepartment].map(([department, docs]) => (
            <li key={department}>
              <span className="dept">{department}</span>
              {docs.map((d) => (
                <label key={d.id} className="check">
                  <input
                    type="checkbox"
                    checked={ids.includes(d.id)}
                    onChange={() => toggle(d.id)}
                    data-doc={d.id}
                  />
                  {d.year ?? '年度未知'}
                  {kind ? '' : ` ${kindName(d.kind)}`}
                </label>
              ))}
            </li>
          ))}
        </ul>
      </div>
      {error && <p className="error-text">{error}</p>}
      {compared && compared.length >= 2 && <Comparison docs={compared} all={documents} />}
    </section>
  );
}

/**
 * One row per figure, one column per document, and beside each document compared with another (the year
 * before, or the first) its 增减 and 增幅.
 */
function FigureTable({ docs, keys }: { docs: ComparedDocument[]; keys: string[] }) {
  const base = baselines(docs);
  const unit = docs[0]?.unit ?? '万元';
  return (
    <div className="table-scroll">
      <table className="grid figures" data-testid="figure-table">
        <thead>
          <tr>
            <th scope="col">项目（单位：{unit}）</th>
            {docs.map((d, i) => (
              <FigureHead key={d.id} doc={d} base={base[i]} />
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              {docs.map((d, i) => {
                const b = base[i];
                const value = figure(d, k);
                return [
                  <td key={d.id} className="num">
                    {formatAmount(value)}
                  </td>,
                  b && [
                    <td key={`${d.id}-d`} className="num change">
                      {formatAmount(difference(figure(b, k), value))}
                    </td>,
                    <td key={`${d.id}-g`} className="num change">
                      {growth(figure(b, k), value)}
                    </td>,
                  ],
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FigureHead({ doc, base }: { doc: ComparedDocument; base: ComparedDocument | undefined }) {
  const against = base ? (base.department === doc.department ? '比上年' : `比${label(base)}`) : '';
  return (
    <>
      <th scope="col">
        <Link href={`/documents/${doc.id}`}>{label(doc)}</Link>
      </th>
      {base && (
        <>
          <th scope="col" className="change" title={`与${label(base)}相比`}>
            增减（{against}）
          </th>
          <th scope="col" className="change" title={`与${label(base)}相比`}>
            增幅
          </th>
        </>
      )}
    </>
  );
}

function barOption(docs: ComparedDocument[], keys: string[]): EChartsOption {
  return {
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: keys },
    yAxis: { type: 'value', name: docs[0]?.unit ?? '万元' },
    series: docs.map((d) => ({ type: 'bar', name: label(d), data: keys.map((k) => plot(figure(d, k))) })),
  };
}

function Comparison({ docs, all }: { docs: ComparedDocument[]; all: DocumentSummary[] }) {
  const spending = useMemo(() => barOption(docs, spendingKeys), [docs]);
  const threePublic = useMemo(() => barOption(docs, threePublicKeys), [docs]);
  const classes = useMemo(() => {
    const rows = new Map<string, string>();
    for (const d of docs) for (const c of d.classes) if (!rows.has(c.code)) rows.set(c.code, c.name);
    return [...rows].sort((a, b) => a[0].localeCompare(b[0]));
  }, [docs]);
  const treemap = useMemo<EChartsOption>(
    () => ({
      tooltip: { formatter: `{b}：{c} ${docs[0]?.unit ?? '万元'}`, renderMode: 'richText' },
      series: [
        {
          type: 'treemap',
          roam: false,
          sort: false,
          nodeClick: false,
          breadcrumb: { show: false },
          top: 8,
          bottom: 8,
          levels: [
            {},
            {
              itemStyle: { borderColor: '#d0d7de', borderWidth: 2, gapWidth: 1 },
              upperLabel: { show: true, height: 22, color: '#1f2328', overflow: 'break' },
            },
            {
              itemStyle: { borderColor: '#fff', borderWidth: 1, gapWidth: 1 },
              // Whole names, wrapped inside their box rather than cut with an ellipsis.
              label: { show: true, overflow: 'break', fontSize: 12 },
            },
          ],
          data: docs.map((d) => ({
            name: label(d),
            children: d.classes.map((c) => ({
              name: `${c.code} ${c.name}`,
              value: Number(c.amount),
            })),
          })),
        },
      ],
    }),
    [docs],
  );

  // A department among those compared with documents of several years (same kind).
  const departments = useMemo(() => {
    const out: { department: string; ids: number[] }[] = [];
    for (const d of docs) {
      const summary = all.find((s) => s.id === d.id);
      if (!summary || out.some((o) => o.department === summary.department)) continue;
      const series = all
        .filter((s) => s.departmentId === summary.departmentId && s.kind === summary.kind && s.year !== null)
        .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
      if (new Set(series.map((s) => s.year)).size >= 2)
        out.push({ department: summary.department, ids: series.map((s) => s.id) });
    }
    return out;
  }, [docs, all]);

  const csv = () => {
    const unit = docs[0]?.unit ?? '万元';
    const header = ['文档编号', '部门', '年度', '原单位', ...figureKeys.map((k) => `${k}（${unit}）`)];
    const classHeader = classes.map(([code, name]) => `${code} ${name}（${unit}）`);
    const rows = docs.map((d) => [
      d.id,
      d.department,
      d.year,
      d.documentUnit,
      ...figureKeys.map((k) => figure(d, k) ?? ''),
      ...classes.map(([code]) => d.classes.find((x) => x.code === code)?.amount ?? ''),
    ]);
    download('比较.csv', toCsv([[...header, ...classHeader], ...rows]));
  };

  return (
    <div className="comparison" data-testid="comparison">
      <p className="toolbar">
        <span className="muted" data-testid="compare-unit">
          金额单位：{docs[0]?.unit ?? '万元'}
          {docs.some((d) => d.documentUnit !== docs[0]?.unit) ? '（以其他单位列示的金额已换算）' : ''}
        </span>
        <button type="button" onClick={csv} data-testid="compare-csv">
          下载比较表 CSV
        </button>
      </p>
      <section className="chart-block">
        <h2>基本支出与项目支出、人员经费与公用经费</h2>
        <Chart option={spending} label="基本支出、项目支出、人员经费、公用经费柱状图" />
        <FigureTable docs={docs} keys={['支出合计', ...spendingKeys]} />
      </section>
      <section className="chart-block">
        <h2>"三公"经费及其构成</h2>
        <Chart option={threePublic} label={'"三公"经费柱状图'} />
        <FigureTable docs={docs} keys={threePublicKeys} />
      </section>
      <section className="chart-block">
        <h2>支出功能分类（类）</h2>
        <Chart option={treemap} height={380} label="支出功能分类矩形树图" />
        <div className="table-scroll">
          <table className="grid">
            <thead>
              <tr>
                <th>科目编码</th>
                <th>科目名称（单位：{docs[0]?.unit ?? '万元'}）</th>
                {docs.map((d) => (
                  <th key={d.id}>{label(d)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {classes.map(([code, name]) => (
                <tr key={code}>
                  <td>{code}</td>
                  <td>{name}</td>
                  {docs.map((d) => {
                    const c = d.classes.find((x) => x.code === code);
                    return (
                      <td key={d.id} className="num">
                        {formatAmount(c?.amount)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <Trend departments={departments} />
    </div>
  );
}

function Trend({ departments }: { departments: { department: string; ids: number[] }[] }) {
  const [chosen, setChosen] = useState(0);
  const [series, setSeries] = useState<ComparedDocument[] | null>(null);
  const pick = departments[Math.min(chosen, departments.length - 1)];
  const pickKey = pick?.ids.join(',') ?? '';

  useEffect(() => {
    if (!pickKey) return;
    let live = true;
    compare(pickKey.split(',').map(Number))
      .then((list) => live && setSeries(list))
      .catch(() => live && setSeries(null));
    return () => {
      live = false;
    };
  }, [pickKey]);

  const option = useMemo<EChartsOption | null>(() => {
    if (!series) return null;
    return {
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: series.map((d) => String(d.year ?? '')) },
      yAxis: { type: 'value', name: series[0]?.unit ?? '万元' },
      series: trendKeys.map((k) => ({ type: 'line', name: k, data: series.map((d) => plot(figure(d, k))) })),
    };
  }, [series]);

  return (
    <section className="chart-block">
      <h2>逐年变化</h2>
      {departments.length === 0 ? (
        <p className="muted">所比较的部门都只有一个年度的文档，无法画出逐年变化。</p>
      ) : (
        <>
          <label>
            部门
            <select
              value={Math.min(chosen, departments.length - 1)}
              onChange={(e) => setChosen(Number(e.target.value))}
            >
              {departments.map((d, i) => (
                <option key={d.department} value={i}>
                  {d.department}（{d.ids.length} 个年度）
                </option>
              ))}
            </select>
          </label>
          {option && series && (
            <>
              <Chart option={option} label={`${pick?.department ?? ''}逐年变化折线图`} />
              <FigureTable docs={series} keys={trendKeys} />
            </>
          )}
        </>
      )}
    </section>
  );
}
