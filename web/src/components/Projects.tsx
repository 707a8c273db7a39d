// 项目绩效目标表: one collapsible block per project (code, name, budget), with its spending plan and indicators.
import type { Project } from '../../../src/model/document.ts';
import { indicatorId, type Marks, planId, projectId } from '../targets.ts';
import { EditableValue, type Editing } from './EditableValue.tsx';

interface Props {
  projects: Project[];
  marks: Marks;
  active: string | null;
  onJump: (id: string) => void;
  /** When the user may correct 指标值. */
  editing?: Editing;
}

const months = [3, 6, 10, 12] as const;

export function Projects({ projects, marks, active, onJump, editing }: Props) {
  const markClass = (id: string, base = '') => {
    const mark = marks.elements.get(id);
    return (
      [base, mark ? `hl hl-${mark.severity}` : '', id === active ? 'active' : ''].filter(Boolean).join(' ') ||
      undefined
    );
  };
  const title = (id: string) => marks.elements.get(id)?.messages.join('\n');
  const flagged = (p: Project) => [...marks.elements.keys()].some((id) => id.startsWith(projectId(p.code)));

  return (
    <div className="projects">
      <div className="table-scroll">
        <table className="grid project-list">
          <thead>
            <tr>
              <th>项目编码</th>
              <th>项目名称</th>
              <th>预算数</th>
              <th>其中：财政资金</th>
              <th>其他资金</th>
              <th>指标数</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr key={p.code + p.source.line} className={flagged(p) ? 'flagged' : undefined}>
                <td className="code">
                  <button type="button" className="linkish" onClick={() => onJump(projectId(p.code))}>
                    {p.code}
                  </button>
                </td>
                <td>{p.name}</td>
                <td className="num">{p.budget?.value ?? ''}</td>
                <td className="num">{p.fiscal?.value ?? ''}</td>
                <td className="num">{p.other?.value ?? ''}</td>
                <td className="num">{p.indicators.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {projects.map((p) => (
        <details
          key={p.code + p.source.line}
          id={projectId(p.code)}
          className={markClass(projectId(p.code), 'project')}
          data-project={p.code}
          title={title(projectId(p.code))}
        >
          <summary>
            <span className="code">{p.code}</span> {p.name}
            <span className="muted">
              {' '}
              预算数 {p.budget?.value ?? '—'} {p.unit}
            </span>
          </summary>
          <dl className="facts">
            {p.unitName && (
              <>
                <dt>单位</dt>
                <dd>
                  {p.unitCode ? `${p.unitCode} ` : ''}
                  {p.unitName}
                </dd>
              </>
            )}
            <dt>资金</dt>
            <dd>
              预算数 {p.budget?.value ?? '—'}，其中财政资金 {p.fiscal?.value ?? '—'}，其他资金{' '}
              {p.other?.value ?? '—'}（{p.unit}）
            </dd>
            <dt>资金用途</dt>
            <dd>{p.purpose || '—'}</dd>
            <dt>绩效目标</dt>
            <dd>{p.target || '—'}</dd>
          </dl>
          {p.plan && (
            <div className="table-scroll">
              <table className="grid plan">
                <caption>
                  资金支出计划（{p.plan.form === 'percent' ? '累计百分比' : `金额，${p.unit}`}）
                </caption>
                <thead>
                  <tr>
                    {months.map((m) => (
                      <th key={m}>{m}月底</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    {months.map((m) => {
                      const value = p.plan?.points.find((point) => point.month === m)?.value;
                      const id = planId(p.code, m);
                      return (
                        <td
                          key={m}
                          id={id}
                          className={markClass(id, 'num')}
                          data-project={p.code}
                          data-column={`${m}月底`}
                          title={title(id)}
                        >
                          {value ?? ''}
                        </td>
                      );
                    })}
                  </tr>
                </tbody>
              </table>
            </div>
          )}
          {p.indicators.length > 0 && (
            <div className="table-scroll">
              <table className="grid indicators">
                <thead>
                  <tr>
                    <th>一级指标</th>
                    <th>二级指标</th>
                    <th>三级指标</th>
                    <th>指标值</th>
                    <th>指标值确定依据</th>
                  </tr>
                </thead>
                <tbody>
                  {p.indicators.map((ind, i) => {
                    const id = indicatorId(p.code, i);
                    return (
                      <tr key={id} id={id} className={markClass(id)} data-project={p.code} title={title(id)}>
                        <td>{ind.level1}</td>
                        <td>{ind.level2}</td>
                        <td>{ind.level3}</td>
                        <td
                          className={editing?.pending.has(id) ? 'edited' : undefined}
                          data-indicator-value={i}
                        >
                          {editing ? (
                            <EditableValue
                              id={id}
                              value={ind.value}
                              editing={editing}
                              edit={(typed) => ({ project: p.code, indicator: i, value: typed })}
                              label={`指标"${ind.level3}"的指标值`}
                            />
                          ) : (
                            ind.value
                          )}
                        </td>
                        <td>{ind.basis}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </details>
      ))}
    </div>
  );
}
