// The findings of a document grouped by severity, each with its rule's title and explanation; a finding
// that points at something on the page is a button that scrolls there. The selected finding may show more
// under it (the original PDF page).
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type ReviewedFinding, type RuleMeta, type Severity, severities, severityNames } from '../api.ts';
import { describeWhere, type Target } from '../targets.ts';
import { StatusBadge } from './Review.tsx';

export interface FindingFilter {
  severities: Severity[];
  rule: string;
  text: string;
}

interface Props {
  findings: ReviewedFinding[];
  /** Indices into `findings` that pass the filter. */
  shown: number[];
  targets: (Target | null)[];
  rules: Map<string, RuleMeta>;
  filter: FindingFilter;
  onFilter: (filter: FindingFilter) => void;
  tableTitle: (key: string) => string;
  selected: number | null;
  onSelect: (index: number) => void;
  /** Shown under the selected finding. */
  detail?: ReactNode;
  /** The selected finding's review (status, choices, thread). */
  review?: (index: number) => ReactNode;
}

export function Findings(props: Props) {
  const {
    findings,
    shown,
    targets,
    rules,
    filter,
    onFilter,
    tableTitle,
    selected,
    onSelect,
    detail,
    review,
  } = props;
  const [collapsed, setCollapsed] = useState<Partial<Record<Severity, boolean>>>({});
  const [cursor, setCursor] = useState<number | null>(null);
  const list = useRef<HTMLElement>(null);
  const ruleIds = [...new Set(findings.map((f) => f.rule))].sort();
  // The findings in the order shown (by severity, collapsed groups left out), for stepping with j/k.
  const order = severities.flatMap((s) =>
    collapsed[s] ? [] : shown.filter((i) => findings[i]?.severity === s),
  );
  const orderKey = order.join(',');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable], dialog')) return;
      const steps = orderKey === '' ? [] : orderKey.split(',').map(Number);
      if (e.key === 'j' || e.key === 'k') {
        if (steps.length === 0) return;
        e.preventDefault();
        const at = cursor === null ? -1 : steps.indexOf(cursor);
        const next =
          e.key === 'j'
            ? Math.min(at + 1, steps.length - 1)
            : at < 0
              ? steps.length - 1
              : Math.max(at - 1, 0);
        const index = steps[next]!;
        setCursor(index);
        const item = list.current?.querySelector<HTMLElement>(`li.finding[data-index="${index}"]`);
        item?.focus({ preventScroll: true });
        item?.scrollIntoView({ block: 'nearest' });
      } else if (e.key === 'Enter' && cursor !== null && !target?.closest('button, a, summary')) {
        e.preventDefault();
        onSelect(cursor);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [orderKey, cursor, onSelect]);
  const toggle = (s: Severity) =>
    onFilter({
      ...filter,
      severities: filter.severities.includes(s)
        ? filter.severities.filter((x) => x !== s)
        : [...filter.severities, s],
    });

  return (
    <aside className="findings" aria-label="检查结果" ref={list}>
      <h2>检查结果</h2>
      {findings.length > 0 && <p className="muted keys">键盘：j / k 逐条移动，Enter 定位到原文位置</p>}
      {findings.length === 0 ? (
        <p className="muted">未发现问题。</p>
      ) : (
        <div className="finding-filter">
          {severities.map((s) => (
            <label key={s} className={`check sev-${s}`}>
              <input type="checkbox" checked={filter.severities.includes(s)} onChange={() => toggle(s)} />
              {severityNames[s]}
            </label>
          ))}
          <select
            aria-label="按规则筛选"
            value={filter.rule}
            onChange={(e) => onFilter({ ...filter, rule: e.target.value })}
          >
            <option value="">全部规则</option>
            {ruleIds.map((id) => (
              <option key={id} value={id}>
                {rules.get(id)?.title ?? id}
              </option>
            ))}
          </select>
          <input
            type="search"
            aria-label="筛选检查结果"
            placeholder="筛选：文字、科目、项目…"
            value={filter.text}
            onChange={(e) => onFilter({ ...filter, text: e.target.value })}
          />
        </div>
      )}
      {severities.map((s) => {
        const group = shown.filter((i) => findings[i]?.severity === s);
        if (group.length === 0) return null;
        return (
          <section key={s} className={`finding-group sev-${s}`} data-severity={s}>
            <h3>
              <button
                type="button"
                className="linkish"
                onClick={() => setCollapsed({ ...collapsed, [s]: !collapsed[s] })}
              >
                {collapsed[s] ? '▸' : '▾'} {severityNames[s]}（{group.length}）
              </button>
            </h3>
            {!collapsed[s] && (
              <ol>
                {group.map((i) => {
                  const f = findings[i]!;
                  const meta = rules.get(f.rule);
                  const target = targets[i];
                  return (
                    <li
                      key={i}
                      className={`finding${selected === i ? ' selected' : ''}${cursor === i ? ' cursor' : ''}`}
                      data-rule={f.rule}
                      data-index={i}
                      tabIndex={-1}
                    >
                      <button
                        type="button"
                        className="finding-main"
                        onClick={() => {
                          setCursor(i);
                          onSelect(i);
                        }}
                        aria-disabled={!target}
                        title={target ? '定位到表格中的位置' : '此问题没有可定位的单元格（点击可核实、留言）'}
                      >
                        <span className={`badge sev-${s}`}>{severityNames[s]}</span>
                        <StatusBadge status={f.review.status} />
                        <strong>{meta?.title ?? f.rule}</strong>
                        <span className="message">{f.message}</span>
                        <span className="where">{describeWhere(f, tableTitle)}</span>
                      </button>
                      {selected === i && review?.(i)}
                      {selected === i && detail}
                      {meta && (
                        <details className="explain">
                          <summary>规则说明</summary>
                          <p>{meta.description}</p>
                          <p>
                            <em>依据：</em>
                            {meta.reason}
                          </p>
                          <p>
                            <em>示例：</em>
                            {meta.example}
                          </p>
                        </details>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        );
      })}
      {findings.length > 0 && shown.length === 0 && <p className="muted">没有符合筛选条件的问题。</p>}
    </aside>
  );
}
