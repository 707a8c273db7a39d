// 文档: the document's tables as printed with the cells its findings point at marked, the findings beside
// them, project targets, the narrative sections, version history and downloads. A user who may correct the
// document clicks an amount or a 指标值 to change it; saving makes a new, re-checked version.
import { useEffect, useMemo, useState } from 'react';
import { budgetTableKeys, type TableKey, tableNames } from '../../../src/model/document.ts';
import {
  ApiError,
  type Edit,
  type EditPreview,
  exportUrl,
  getDocument,
  getRules,
  kindName,
  mayEdit,
  mayReadOpinion,
  mayReview,
  originalUrl,
  previewEdits,
  type RuleMeta,
  renderUrl,
  type StoredDocument,
  saveEdits,
  severities,
  type User,
} from '../api.ts';
import { Counts } from '../components/Counts.tsx';
import { DocTable } from '../components/DocTable.tsx';
import type { Editing } from '../components/EditableValue.tsx';
import { type FindingFilter, Findings } from '../components/Findings.tsx';
import { OriginalPage } from '../components/OriginalPage.tsx';
import { Projects } from '../components/Projects.tsx';
import { FindingReviewPanel, ResolvedFindings, ReviewBar } from '../components/Review.tsx';
import { ScorePanel } from '../components/ScorePanel.tsx';
import { Link, navigate, useTitle } from '../router.tsx';
import { type Marks, marksOf, sectionId, sentenceId, sentencesOf } from '../targets.ts';

const downloads = [
  ['csv', 'CSV'],
  ['xlsx', 'XLSX'],
  ['json', 'JSON'],
  ['html', '检查报告（HTML）'],
] as const;
const renders = [
  ['html', 'HTML'],
  ['pdf', 'PDF'],
  ['xlsx', 'Excel'],
  ['docx', 'Word'],
] as const;

/** Scrolls to an element, opening the collapsed blocks around it first. */
function reveal(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  for (let node: HTMLElement | null = element; node; node = node.parentElement)
    if (node instanceof HTMLDetailsElement) node.open = true;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

export function DocumentPage({ id, user }: { id: number; user: User | null }) {
  const [stored, setStored] = useState<StoredDocument | null>(null);
  const [rules, setRules] = useState<Map<string, RuleMeta>>(new Map());
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [filter, setFilter] = useState<FindingFilter>({ severities: [...severities], rule: '', text: '' });
  const [scoreOpen, setScoreOpen] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [pending, setPending] = useState<Map<string, Edit>>(new Map());
  const [preview, setPreview] = useState<EditPreview | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');

  useEffect(() => {
    getDocument(id)
      .then(setStored)
      .catch((e: unknown) =>
        setError({
          status: e instanceof ApiError ? e.status : 0,
          message: e instanceof Error ? e.message : String(e),
        }),
      );
    getRules()
      .then((list) => setRules(new Map(list.map((r) => [r.id, r]))))
      .catch(() => {});
  }, [id]);

  const tableTitle = (key: string) =>
    stored?.document.tables[key as TableKey]?.title ?? tableNames[key as TableKey] ?? key;

  const shown = useMemo(() => {
    if (!stored) return [];
    const text = filter.text.trim();
    return stored.findings.flatMap((f, i) => {
      if (!filter.severities.includes(f.severity)) return [];
      if (filter.rule && f.rule !== filter.rule) return [];
      if (
        text &&
        !`${f.message} ${Object.values(f.where).join(' ')} ${rules.get(f.rule)?.title ?? ''}`.includes(text)
      )
        return [];
      return [i];
    });
  }, [stored, filter, rules]);

  const { marks, targets } = useMemo(
    () =>
      stored
        ? marksOf(stored.document, stored.findings, shown)
        : { marks: { elements: new Map(), rows: new Map() }, targets: [] },
    [stored, shown],
  );

  useEffect(() => {
    if (active) reveal(active);
  }, [active]);

  const summaryOf = stored?.summary;
  useTitle(
    ...(summaryOf
      ? [
          summaryOf.department,
          summaryOf.year === null ? '年度未知' : `${summaryOf.year}年`,
          kindName(summaryOf.kind),
        ]
      : [error?.status === 404 ? '文档不存在' : '文档']),
  );

  if (error?.status === 404)
    return (
      <section className="panel not-found" data-testid="not-found">
        <h1>文档不存在</h1>
        <p>编号为 {id} 的文档不存在，或您没有查看它的权限。</p>
        <p>
          <Link href="/">返回总览</Link>
        </p>
      </section>
    );
  if (error) return <p className="error-text">{error.message}</p>;
  if (!stored) return <p className="muted">加载中…</p>;
  const { summary, document: doc, findings, history, edits } = stored;
  const canReview = mayReview(user, summary);
  // After a review step: the document again, with its new statuses and state.
  const reload = () => {
    getDocument(id)
      .then(setStored)
      .catch(() => {});
  };
  // Read from a PDF with positions: amounts carry their cell boxes, and a finding can show its page.
  const fromPdf = Object.values(doc.tables).some((t) =>
    t.rows.some((r) => r.amounts.some((a) => a?.source.box)),
  );
  const selectedSource = selected === null ? undefined : targets[selected]?.source;
  const selectedPage =
    selectedSource?.page ?? (selected === null ? undefined : findings[selected]?.where.page);
  const editing: Editing | undefined = mayEdit(user, summary)
    ? {
        pending,
        open,
        onOpen: setOpen,
        onChange: (elementId, edit) => {
          const next = new Map(pending);
          if (edit) next.set(elementId, edit);
          else next.delete(elementId);
          setPending(next);
          setPreview(null);
          setSaveError('');
        },
      }
    : undefined;
  // Saving is two steps: the server checks the corrections first and the user confirms what they change.
  const review = async () => {
    setSaving(true);
    setSaveError('');
    try {
      setPreview(await previewEdits(id, [...pending.values()]));
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    }
    setSaving(false);
  };
  const save = async () => {
    setSaving(true);
    setSaveError('');
    try {
      const saved = await saveEdits(id, [...pending.values()]);
      navigate(`/documents/${saved.id}`);
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };
  const tables = budgetTableKeys.flatMap((key) => {
    const table = doc.tables[key];
    return table ? [table] : [];
  });
  const select = (i: number) => {
    setSelected(i);
    const target = targets[i];
    if (!target) return;
    if (target.id === active) reveal(target.id);
    setActive(target.id);
  };
  const jump = (elementId: string) => {
    if (elementId === active) reveal(elementId);
    setActive(elementId);
  };

  return (
    <article className="document">
      <header className="doc-head">
        <h1>
          {summary.department} {summary.year ?? '年度未知'} 年 {kindName(summary.kind)}
        </h1>
        <p className="meta">
          <span className={summary.current ? 'status current' : 'status old'}>
            {summary.current ? '现行版本' : '已被新版本替代'}
          </span>
          <span>第 {summary.version} 版</span>
          <span>文件：{summary.fileName}</span>
          <span>
            {summary.editedFrom === null ? '导入于' : '在线修改于'}{' '}
            {new Date(summary.importedAt).toLocaleString('zh-CN')}
          </span>
          <span>单位：{doc.unit}</span>
          <Counts errors={summary.errors} warnings={summary.warnings} infos={summary.infos} />
        </p>
        <ReviewBar
          stored={stored}
          canReview={canReview}
          canReadOpinion={mayReadOpinion(user, summary)}
          onChanged={reload}
        />
        <ResolvedFindings resolved={stored.resolved} />
        <p className="downloads">
          下载：
          {downloads.map(([format, label]) => (
            <a key={format} className="button" href={exportUrl(id, format)} download data-format={format}>
              {label}
            </a>
          ))}
          <a className="button" href={originalUrl(id)} download data-format="original">
            原文件
          </a>
        </p>
        <p className="downloads">
          标准格式：
          {renders.map(([format, label]) => (
            <a key={format} className="button" href={renderUrl(id, format)} download data-render={format}>
              {label}
            </a>
          ))}
        </p>
        {edits.length > 0 && (
          <div className="edits" data-testid="version-edits">
            <h2>
              本版在第 {summary.version - 1} 版基础上修改了 {edits.length} 处
            </h2>
            <ul>
              {edits.map((e) => (
                <li key={e.target}>
                  {e.target}：<del>{e.before || '（空）'}</del> → <ins>{e.after || '（空）'}</ins>
                </li>
              ))}
            </ul>
          </div>
        )}

        <details
          className="score-details"
          data-testid="score-details"
          onToggle={(e) => setScoreOpen((e.target as HTMLDetailsElement).open)}
        >
          <summary className="score-summary">公开评分（逐项依据）</summary>
          {/* Scored when opened: the page itself does not wait for it. */}
          {scoreOpen && <ScorePanel id={id} user={user} />}
        </details>
        {history.length > 1 && (
          <div className="history">
            <h2>版本历史</h2>
            <ol>
              {history.map((h) => (
                <li key={h.id} className={h.id === id ? 'this' : undefined}>
                  {h.id === id ? (
                    <strong>第 {h.version} 版（本页）</strong>
                  ) : (
                    <Link href={`/documents/${h.id}`}>第 {h.version} 版</Link>
                  )}{' '}
                  {h.current ? '现行' : '已替代'} · {h.fileName} ·{' '}
                  {new Date(h.importedAt).toLocaleString('zh-CN')} ·{' '}
                  <Counts errors={h.errors} warnings={h.warnings} infos={h.infos} />
                </li>
              ))}
            </ol>
          </div>
        )}
      </header>
      {editing && (
        <div className="edit-bar" data-testid="edit-bar">
          {pending.size === 0 ? (
            <span className="muted">点击表中金额或项目的指标值可直接修改；保存后生成新版本并重新检查。</span>
          ) : (
            <>
              <strong>待保存的修改 {pending.size} 处</strong>
              {preview ? (
                <button
                  type="button"
                  className="primary"
                  disabled={saving}
                  onClick={save}
                  data-testid="confirm-save"
                >
                  {saving ? '保存中…' : '确认保存为新版本'}
                </button>
              ) : (
                <button type="button" className="primary" disabled={saving} onClick={review}>
                  {saving ? '检查中…' : '保存为新版本'}
                </button>
              )}
              <button
                type="button"
                disabled={saving}
                onClick={() => {
                  setPending(new Map());
                  setPreview(null);
                  setSaveError('');
                }}
              >
                放弃修改
              </button>
            </>
          )}
          {saveError && <span className="error-text">{saveError}</span>}
          {preview && <EditPreviewPanel preview={preview} />}
        </div>
      )}
      <div className="doc-layout">
        <Findings
          review={(i) => {
            const finding = findings[i];
            return finding ? (
              <FindingReviewPanel
                key={finding.key}
                documentId={id}
                finding={finding}
                canReview={canReview && stored.review.state !== 'approved'}
                canComment={mayEdit(user, summary)}
                onChanged={reload}
              />
            ) : null;
          }}
          findings={findings}
          shown={shown}
          targets={targets}
          rules={rules}
          filter={filter}
          onFilter={setFilter}
          tableTitle={tableTitle}
          selected={selected}
          onSelect={select}
          detail={
            fromPdf && selectedPage !== undefined ? (
              <OriginalPage
                key={selected}
                documentId={id}
                source={{ line: 0, ...selectedSource, page: selectedPage }}
              />
            ) : undefined
          }
        />
        <div className="doc-body">
          <nav className="toc">
            {tables.map((t) => (
              <button type="button" className="linkish" key={t.key} onClick={() => jump(`t-${t.key}`)}>
                {t.title}
              </button>
            ))}
            {doc.projects.length > 0 && (
              <button type="button" className="linkish" onClick={() => jump('projects')}>
                项目绩效目标（{doc.projects.length}）
              </button>
            )}
            {doc.sections.length > 0 && (
              <button type="button" className="linkish" onClick={() => jump('sections')}>
                情况说明
              </button>
            )}
            {doc.sections.length > 1 && (
              <ol className="toc-sections">
                {doc.sections.map((s, i) => (
                  <li key={sectionId(i)}>
                    <button type="button" className="linkish" onClick={() => jump(sectionId(i))}>
                      {s.heading}
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </nav>
          {doc.units.length > 0 && (
            <figure className="doc-table">
              <figcaption>
                <strong>机构设置</strong>
              </figcaption>
              <div className="table-scroll">
                <table className="grid">
                  <thead>
                    <tr>
                      <th>单位名称</th>
                      <th>单位性质</th>
                      <th>单位规格</th>
                      <th>经费保障形式</th>
                    </tr>
                  </thead>
                  <tbody>
                    {doc.units.map((u) => (
                      <tr key={`${u.source.line}-${u.name}`}>
                        <td>{u.name}</td>
                        <td>{u.nature}</td>
                        <td>{u.rank}</td>
                        <td>{u.funding}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </figure>
          )}
          {tables.map((t) => (
            <DocTable
              key={t.key}
              table={t}
              marks={marks}
              active={active}
              editing={editing}
              documentId={fromPdf ? id : undefined}
            />
          ))}
          {tables.length === 0 && doc.kind !== 'performance' && <p className="muted">此文档没有预算表。</p>}
          {doc.performance && (
            <section className="performance">
              <h2>部门整体绩效目标</h2>
              <p className="prose">{doc.performance.overall}</p>
              {doc.performance.items.map((item) => (
                <div key={item.title}>
                  <h3>{item.title}</h3>
                  <p className="prose">{item.text}</p>
                </div>
              ))}
              {doc.performance.measures && (
                <>
                  <h3>工作保障措施</h3>
                  <p className="prose">{doc.performance.measures}</p>
                </>
              )}
            </section>
          )}
          {doc.projects.length > 0 && (
            <section id="projects" className={active === 'projects' ? 'active' : undefined}>
              <h2>项目绩效目标表</h2>
              <Projects
                projects={doc.projects}
                marks={marks}
                active={active}
                onJump={jump}
                editing={editing}
              />
            </section>
          )}
          {doc.sections.length > 0 && (
            <section id="sections" className={active === 'sections' ? 'active' : undefined}>
              <h2>情况说明</h2>
              {doc.sections.map((s, i) => {
                const sid = sectionId(i);
                // A finding on the whole section marks it; one on a sentence marks the sentence, and the
                // section's heading says it holds one (the section may be collapsed).
                const mark = marks.elements.get(sid);
                const inner = [...marks.elements].find(([key]) => key.startsWith(`${sid}-q`))?.[1];
                return (
                  <details
                    key={sid}
                    id={sid}
                    data-section={s.heading}
                    className={
                      [
                        mark ? `hl hl-${mark.severity}` : '',
                        !mark && inner ? `holds-mark sev-${inner.severity}` : '',
                        sid === active ? 'active' : '',
                      ]
                        .join(' ')
                        .trim() || undefined
                    }
                    title={mark?.messages.join('\n')}
                  >
                    <summary>{s.heading}</summary>
                    <p className="prose">
                      <SectionText index={i} text={s.text} marks={marks} active={active} />
                    </p>
                  </details>
                );
              })}
            </section>
          )}
        </div>
      </div>
    </article>
  );
}

/** A section's prose, the sentences findings point at marked. */
function SectionText({
  index,
  text,
  marks,
  active,
}: {
  index: number;
  text: string;
  marks: Marks;
  active: string | null;
}) {
  const prefix = `${sectionId(index)}-q`;
  if (![...marks.elements.keys()].some((id) => id.startsWith(prefix))) return <>{text}</>;
  return (
    <>
      {sentencesOf(text).map((sentence, k) => {
        const id = sentenceId(index, k);
        const mark = marks.elements.get(id);
        if (!mark) return sentence;
        return (
          <mark
            // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's place in its section is its identity.
            key={k}
            id={id}
            className={`hl hl-${mark.severity}${id === active ? ' active' : ''}`}
            title={mark.messages.join('\n')}
            data-sentence={k}
          >
            {sentence}
          </mark>
        );
      })}
    </>
  );
}

/** What the pending corrections change, shown before the user confirms them. */
function EditPreviewPanel({ preview }: { preview: EditPreview }) {
  return (
    <div className="edit-preview" data-testid="edit-preview">
      <strong>请确认以下修改</strong>
      <ul>
        {preview.applied.map((a) => (
          <li key={a.target}>
            {a.target}：{a.before === '' ? '（空）' : a.before} → {a.after === '' ? '（空）' : a.after}
          </li>
        ))}
      </ul>
      {preview.added.length === 0 && preview.cleared.length === 0 ? (
        <p className="muted">检查结果不变。</p>
      ) : (
        <>
          {preview.cleared.length > 0 && (
            <>
              <strong className="cleared">将消除 {preview.cleared.length} 条检查结果</strong>
              <ul data-testid="preview-cleared">
                {preview.cleared.map((f) => (
                  <li key={`${f.rule}-${f.message}`} className="cleared">
                    {f.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.added.length > 0 && (
            <>
              <strong className="added">将新增 {preview.added.length} 条检查结果</strong>
              <ul data-testid="preview-added">
                {preview.added.map((f) => (
                  <li key={`${f.rule}-${f.message}`} className="added">
                    {f.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
