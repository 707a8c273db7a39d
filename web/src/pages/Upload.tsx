// 上传: several files, each sent on its own with its progress and the server's result or refusal.
import { type DragEvent, useState } from 'react';
import { type UploadResult, type User, uploadFile } from '../api.ts';
import { Link } from '../router.tsx';

interface Item {
  key: string;
  file: File;
  progress: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  result?: UploadResult;
  error?: string;
}

export function UploadPage({ user }: { user: User | null }) {
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  if (!user)
    return (
      <section className="panel">
        <h1>上传</h1>
        <p>请先登录（管理员、审核或填报用户）后再上传文档。</p>
      </section>
    );

  const add = (files: FileList | null) => {
    if (!files) return;
    const added = [...files].map((file, i) => ({
      key: `${Date.now()}-${i}-${file.name}`,
      file,
      progress: 0,
      state: 'waiting' as const,
    }));
    setItems((old) => [...old.filter((item) => item.state !== 'waiting'), ...added]);
  };
  const update = (key: string, change: Partial<Item>) =>
    setItems((old) => old.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const start = async () => {
    setBusy(true);
    for (const item of items.filter((i) => i.state === 'waiting')) {
      update(item.key, { state: 'uploading' });
      try {
        const result = await uploadFile(item.file, (progress) => update(item.key, { progress }));
        update(item.key, {
          state: result.ok ? 'done' : 'failed',
          progress: 1,
          result,
          error: result.ok ? undefined : result.error,
        });
      } catch (e) {
        update(item.key, { state: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
    }
    setBusy(false);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };
  const waiting = items.filter((i) => i.state === 'waiting').length;

  return (
    <section className="upload">
      <h1>上传</h1>
      <p className="muted">
        支持文本（TXT，PDF 请先用 pdftotext 提取）、Word（DOCX）和
        Excel（XLSX），可一次选择多个文件；每个文件单独导入、检查并存储，同一文件重复上传不会重复存储。
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
        <button type="button" className="primary" onClick={start} disabled={busy || waiting === 0}>
          {busy ? '上传中…' : `开始上传${waiting ? `（${waiting} 个文件）` : ''}`}
        </button>
      </p>
      {items.length > 0 && (
        <table className="grid uploads" data-testid="upload-results">
          <thead>
            <tr>
              <th>文件</th>
              <th>进度</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key} data-state={item.state}>
                <td>{item.file.name}</td>
                <td>
                  <progress max={1} value={item.progress} />
                </td>
                <td>
                  <Outcome item={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Outcome({ item }: { item: Item }) {
  if (item.state === 'waiting') return <span className="muted">等待上传</span>;
  if (item.state === 'uploading') return <span>上传中 {Math.round(item.progress * 100)}%</span>;
  if (item.state === 'failed') return <span className="error-text">{item.error ?? '上传失败'}</span>;
  const r = item.result?.result;
  if (!r) return <span>完成</span>;
  return (
    <span>
      {r.status === 'imported' ? '已导入' : '已存在（未重复导入）'}：
      <Link href={`/documents/${r.id}`}>
        {r.department} {r.year ?? ''} 第{r.version}版
      </Link>{' '}
      <span className={r.errors ? 'n-error' : 'n-zero'}>错误 {r.errors}</span>{' '}
      <span className={r.warnings ? 'n-warning' : 'n-zero'}>警告 {r.warnings}</span>
    </span>
  );
}
