// 上传: the chosen files are sent as one import job; the server reads, checks and stores them in the
// background (closing the tab does not stop it) and this page follows each file's progress. The list shows
// the signed-in user's jobs only, so another user signing in here sees none of them.
import { type DragEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import {
  type ImportJob,
  type ImportJobFile,
  listImports,
  startImport,
  type UploadResult,
  type User,
} from '../api.ts';
import { Link, useTitle } from '../router.tsx';

interface Pending {
  key: string;
  file: File;
}

/** How often a running job's progress is asked for. */
const pollMs = 400;

export function UploadPage({ user }: { user: User | null }) {
  useTitle('上传');
  const [pending, setPending] = useState<Pending[]>([]);
  const [sending, setSending] = useState<{ names: string[]; fraction: number } | null>(null);
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [loaded, setLoaded] = useState(false);

  const refresh = useCallback(
    () =>
      listImports()
        .then((list) => {
          setJobs(list);
          setError(null);
        })
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
        .finally(() => setLoaded(true)),
    [],
  );
  useEffect(() => {
    if (user) void refresh();
  }, [user, refresh]);
  const running = jobs.some((job) => job.state === 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), pollMs);
    return () => clearInterval(timer);
  }, [running, refresh]);

  if (!user)
    return (
      <section className="panel">
        <h1>上传</h1>
        <p>请先登录（管理员、审核或填报用户）后再上传文档。</p>
      </section>
    );

  const add = (files: FileList | null) => {
    if (!files) return;
    const added = [...files].map((file, i) => ({ key: `${Date.now()}-${i}-${file.name}`, file }));
    setPending((old) => [...old, ...added]);
  };
  const start = async () => {
    const files = pending.map((p) => p.file);
    setPending([]);
    setSending({ names: files.map((f) => f.name), fraction: 0 });
    try {
      await startImport(files, (fraction) => setSending((s) => s && { ...s, fraction }));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    setSending(null);
    await refresh();
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  const rows: { key: string; file: string; state: string; progress: number; outcome: ReactNode }[] = [
    ...pending.map((p) => ({
      key: p.key,
      file: p.file.name,
      state: 'waiting',
      progress: 0,
      outcome: <span className="muted">等待上传</span>,
    })),
    ...(sending?.names ?? []).map((name, i) => ({
      key: `sending-${i}`,
      file: name,
      state: 'uploading',
      progress: sending?.fraction ?? 0,
      outcome: <span>上传中 {Math.round((sending?.fraction ?? 0) * 100)}%</span>,
    })),
    ...jobs.flatMap((job) => {
      // Results come in the order the files finished (two servers may share a job): each file takes the
      // first unclaimed result of its name.
      const unclaimed = [...job.results];
      return job.files.map((file, i) => {
        const at = file.stage === 'finished' ? unclaimed.findIndex((r) => r.file === file.file) : -1;
        const result = at >= 0 ? unclaimed.splice(at, 1)[0] : undefined;
        return {
          key: `${job.id}-${i}`,
          file: file.file,
          state: result ? (result.ok ? 'done' : 'failed') : 'running',
          progress: result ? 1 : progressOf(file),
          outcome: result ? <Outcome result={result} /> : <span>{stageText(file)}</span>,
        };
      });
    }),
  ];

  return (
    <section className="upload" data-loaded={loaded}>
      <h1>上传</h1>
      <p className="muted">
        支持
        PDF（扫描件由服务器识别文字，识别没有把握的数字会标出）、文本（TXT）、Word（DOCX）、Excel（XLSX）、网页（HTML、HTM），以及旧版
        Excel、Word 与 WPS 文件（XLS、ET、DOC、WPS，由服务器用 LibreOffice
        转换），可一次选择多个文件。文件在服务器上读取、检查并存储（同时处理的文件数与处理器核数相同），关闭本页也会继续；同一内容重复上传不会重复存储。
        {user.role === 'editor' && '填报用户只能上传本部门的文档。'}
      </p>
      <label
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <input
          type="file"
          multiple
          className="file-input"
          name="files"
          data-testid="upload-input"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
        <span className="button">选择文件</span>
        <span className="muted">或把文件拖到这里</span>
      </label>
      <p>
        <button
          type="button"
          className="primary"
          onClick={start}
          disabled={sending !== null || pending.length === 0}
        >
          {sending ? '上传中…' : `开始上传${pending.length ? `（${pending.length} 个文件）` : ''}`}
        </button>
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="grid uploads" data-testid="upload-results">
            <thead>
              <tr>
                <th>文件</th>
                <th>进度</th>
                <th>结果</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-state={row.state}>
                  <td>{row.file}</td>
                  <td>
                    <progress max={1} value={row.progress} />
                  </td>
                  <td>{row.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A file's share of its import done: reading takes most of it, page by page for a PDF. */
function progressOf(file: ImportJobFile): number {
  if (file.stage === 'reading') return file.page && file.pages ? (0.8 * file.page) / file.pages : 0.05;
  if (file.stage === 'checking') return 0.85;
  if (file.stage === 'storing') return 0.95;
  if (file.stage === 'finished') return 1;
  return 0;
}

function stageText(file: ImportJobFile): string {
  switch (file.stage) {
    case 'waiting':
      return '排队等待导入';
    case 'reading':
      return file.page && file.pages ? `读取第 ${file.page} / ${file.pages} 页` : '读取中';
    case 'checking':
      return '检查中';
    case 'storing':
      return '存储中';
    case 'finished':
      return '完成';
  }
}

function Outcome({ result }: { result: UploadResult }) {
  if (!result.ok) return <span className="error-text">{result.error ?? '导入失败'}</span>;
  const r = result.result;
  if (!r) return <span>完成</span>;
  return (
    <span>
      {r.status === 'unchanged' ? '已存在（未重复导入）' : '已导入'}：
      <Link href={`/documents/${r.id}`}>
        {r.department} {r.year ?? ''} 第{r.version}版
      </Link>{' '}
      <span className={r.errors ? 'n-error' : 'n-zero'}>错误 {r.errors}</span>{' '}
      <span className={r.warnings ? 'n-warning' : 'n-zero'}>警告 {r.warnings}</span>
    </span>
  );
}
