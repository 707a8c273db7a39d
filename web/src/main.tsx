import { lazy, type ReactNode, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  compare,
  compareIds,
  getDocument,
  getOverview,
  getRules,
  getSession,
  listDocuments,
  requestEarly,
  type User,
} from './api.ts';
import { Header } from './components/Header.tsx';
import { AccountsPage } from './pages/Accounts.tsx';
import { DocumentPage } from './pages/Document.tsx';
import { OverviewPage } from './pages/Overview.tsx';
import { PasswordPage } from './pages/Password.tsx';
import { ScoresPage } from './pages/Scores.tsx';
import { UploadPage } from './pages/Upload.tsx';
import { WorklistPage } from './pages/Worklist.tsx';
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
  // A password someone else chose is changed before anything else: no other page until then.
  if (user?.mustChangePassword) page = <PasswordPage key={user.id} user={user} onUser={setUser} />;
  // What a reader may see depends on who they are: a page reloads its data when the user changes.
  else if (path === '/') page = <OverviewPage key={user?.id ?? 'anonymous'} />;
  else if (documentId)
    page = <DocumentPage key={`${documentId}|${user?.id ?? ''}`} id={Number(documentId)} user={user} />;
  else if (path === '/compare') page = <ComparePage />;
  else if (path === '/scores') page = <ScoresPage key={user?.id ?? 'anonymous'} />;
  else if (path === '/upload') page = ready ? <UploadPage key={user?.id ?? 'anonymous'} user={user} /> : null;
  else if (path === '/todo') page = ready ? <WorklistPage key={user?.id ?? 'anonymous'} user={user} /> : null;
  else if (path === '/accounts')
    page = ready ? <AccountsPage key={user?.id ?? 'anonymous'} user={user} /> : null;
  else if (path === '/password')
    page = ready ? <PasswordPage key={user?.id ?? 'anonymous'} user={user} onUser={setUser} /> : null;
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
// Their failures are the pages' to show, when the pages ask again: here they are only kept from being
// unhandled rejections.
const quietly = (answer: Promise<unknown>) => void answer.catch(() => {});
requestEarly(() => {
  quietly(getSession());
  const query = new URLSearchParams(location.search);
  const documentId = /^\/documents\/(\d+)$/.exec(location.pathname)?.[1];
  if (location.pathname === '/') {
    quietly(getOverview(query));
  } else if (documentId) {
    quietly(getDocument(Number(documentId)));
    quietly(getRules());
  } else if (location.pathname === '/compare') {
    quietly(listDocuments());
    const ids = compareIds(query);
    if (ids.length >= 2) quietly(compare(ids));
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
