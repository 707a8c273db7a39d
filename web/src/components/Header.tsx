import { type FormEvent, useState } from 'react';
import { login, logout, roleNames, type User } from '../api.ts';
import { Link } from '../router.tsx';

interface Props {
  user: User | null;
  onUser: (user: User | null) => void;
  path: string;
}

export function Header({ user, onUser, path }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const session = await login(name.trim(), password);
      onUser(session.user);
      setOpen(false);
      setPassword('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const signOut = async () => {
    try {
      await logout();
    } finally {
      onUser(null);
    }
  };
  const nav = (href: string, label: string) => (
    <Link href={href} className={path === href ? 'current' : undefined}>
      {label}
    </Link>
  );

  return (
    <header className="top">
      <Link href="/" className="brand">
        预算公开检查
      </Link>
      <nav>
        {nav('/', '总览')}
        {nav('/compare', '比较')}
        {nav('/scores', '评分排名')}
        {user && !user.mustChangePassword && nav('/todo', '我的待办')}
        {user && !user.mustChangePassword && nav('/upload', '上传')}
        {user?.role === 'admin' && !user.mustChangePassword && nav('/accounts', '用户管理')}
      </nav>
      <div className="account">
        {user ? (
          <>
            <Link href="/password" className="who" data-testid="current-user" title="修改密码">
              {user.name}（{roleNames[user.role]}）
            </Link>
            <button type="button" onClick={signOut}>
              退出
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
            登录
          </button>
        )}
      </div>
      {open && !user && (
        <form className="login" onSubmit={submit}>
          <label>
            用户名
            <input
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="username"
            />
          </label>
          <label>
            密码
            <input
              name="password"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
            />
          </label>
          <button type="submit" disabled={busy || !name || !password}>
            {busy ? '登录中…' : '登录'}
          </button>
          {error && <p className="error-text">{error}</p>}
        </form>
      )}
    </header>
  );
}
