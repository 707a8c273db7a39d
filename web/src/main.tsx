import { lazy, type ReactNode, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { getSession, type User } from './api.ts';
import { Header } from './components/Header.tsx';
import { DocumentPage } from './pages/Document.tsx';
import { OverviewPage } from './pages/Overview.tsx';
import { UploadPage } from './pages/Upload.tsx';
import { Link, useLocation, useTitle } from './router.tsx';
import './styles.css';

// The comparison (and ECharts with it) loads on first visit.
const ComparePage = lazy(() => import('./pages/Compare.tsx').then((m) => ({ default: m.ComparePage })));

function App() {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const { path } = useLocation();

  useEffect(() => {
    getSession()
      .then((s) => setUser(s.user))
      .catch(() => setUser(null))
      .finally(() => setReady(true));
  }, []);

  const documentId = /^\/documents\/(\d+)$/.exec(path)?.[1];
  let page: ReactNode;
  if (path === '/') page = <OverviewPage />;
  else if (documentId) page = <DocumentPage key={documentId} id={Number(documentId)} user={user} />;
  else if (path === '/compare') page = <ComparePage />;
  else if (path === '/upload') page = ready ? <UploadPage key={user?.id ?? 'anonymous'} user={user} /> : null;
  else page = <NotFound />;

  return (
    <>
      <Header user={user} onUser={setUser} path={path} />
      <main>
        <Suspense fallback={<p className="muted">加载中…</p>}>{page}</Suspense>
      </main>
      <footer>yusuan · 部门预算、绩效目标与决算公开文本检查</footer>
    </>
  );
}

function NotFound() {
  useTitle('页面不存在');
  return (
    <section className="panel not-found" data-testid="not-found">
      <h1>页面不存在</h1>
      <p>
        <Link href="/">返回总览</Link>
      </p>
    </section>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
