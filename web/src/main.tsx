import { lazy, type ReactNode, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  compare,
  compareIds,
  getDocument,
  getRules,
  getSession,
  listDocuments,
  requestEarly,
  type User,
} from './api.ts';
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

// The first screen's data is asked for before React starts rendering (the same calls its pages make).
requestEarly(() => {
  void getSession();
  const query = new URLSearchParams(location.search);
  const documentId = /^\/documents\/(\d+)$/.exec(location.pathname)?.[1];
  if (location.pathname === '/') {
    void listDocuments({ history: true });
    void listDocuments({
      q: query.get('q') ?? '',
      year: query.get('year') ?? '',
      kind: query.get('kind') ?? '',
      history: query.get('history') === '1',
    });
  } else if (documentId) {
    void getDocument(Number(documentId));
    void getRules();
  } else if (location.pathname === '/compare') {
    void listDocuments();
    const ids = compareIds(query);
    if (ids.length >= 2) void compare(ids);
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
