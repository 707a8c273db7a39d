// 修改密码: any signed-in user changes their own password. A user whose password someone else chose (a new
// account, an admin's reset, the demo accounts) sees only this page until they have changed it.
import { type FormEvent, useState } from 'react';
import { changePassword, type User } from '../api.ts';
import { navigate, useTitle } from '../router.tsx';

/** The server's rule (src/server/schemas.ts): at least 8 characters. */
const minLength = 8;

export function PasswordPage({ user, onUser }: { user: User | null; onUser: (user: User) => void }) {
  useTitle('修改密码');
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!user)
    return (
      <section className="panel">
        <h1>修改密码</h1>
        <p>请先登录。</p>
      </section>
    );

  const problem =
    newPassword.length > 0 && newPassword.length < minLength
      ? `新密码至少 ${minLength} 位`
      : repeated.length > 0 && repeated !== newPassword
        ? '两次输入的新密码不一致'
        : newPassword.length > 0 && newPassword === oldPassword
          ? '新密码不能与原密码相同'
          : '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const session = await changePassword(oldPassword, newPassword);
      setDone(true);
      setOldPassword('');
      setNewPassword('');
      setRepeated('');
      if (session.user) onUser({ ...session.user, mustChangePassword: false });
      if (user.mustChangePassword) navigate('/', { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel narrow" data-testid="password-page">
      <h1>修改密码</h1>
      {user.mustChangePassword && (
        <p className="notice" data-testid="must-change">
          您的密码是他人设定的（新建账户、管理员重设或演示账户），请先设置自己的密码，再继续使用。
        </p>
      )}
      <form className="stacked" onSubmit={submit}>
        <input type="text" name="username" value={user.name} autoComplete="username" readOnly hidden />
        <label>
          原密码
          <input
            type="password"
            name="old-password"
            value={oldPassword}
            onChange={(e) => setOldPassword(e.target.value)}
            autoComplete="current-password"
          />
        </label>
        <label>
          新密码
          <input
            type="password"
            name="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            autoComplete="new-password"
          />
        </label>
        <label>
          再次输入新密码
          <input
            type="password"
            name="repeat-password"
            value={repeated}
            onChange={(e) => setRepeated(e.target.value)}
            autoComplete="new-password"
          />
        </label>
        {problem && <p className="error-text">{problem}</p>}
        <button
          type="submit"
          className="primary"
          disabled={busy || !oldPassword || !newPassword || repeated !== newPassword || problem !== ''}
        >
          {busy ? '保存中…' : '保存新密码'}
        </button>
        {error && <p className="error-text">{error}</p>}
        {done && <p className="muted">密码已修改。</p>}
      </form>
    </section>
  );
}
