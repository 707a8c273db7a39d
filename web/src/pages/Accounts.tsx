// 用户管理 (管理员): every account with its role, department and state; create one, disable or re-enable
// it, reset its password, change its role or department. A created or reset password is the admin's
// choice, so the user must change it at the next login; nobody can read a password.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import {
  type Account,
  createAccount,
  type DepartmentEntry as Department,
  listDepartments,
  listUsers,
  type Role,
  roleNames,
  type User,
  updateAccount,
} from '../api.ts';
import { useTitle } from '../router.tsx';

const roles: Role[] = ['admin', 'reviewer', 'editor'];
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function AccountsPage({ user }: { user: User | null }) {
  useTitle('用户管理');
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const admin = user?.role === 'admin';

  const refresh = useCallback(
    () =>
      Promise.all([listUsers(), listDepartments()])
        .then(([users, list]) => {
          setAccounts(users);
          setDepartments(list);
        })
        .catch((e: unknown) => setError(message(e))),
    [],
  );
  useEffect(() => {
    if (admin) void refresh();
  }, [admin, refresh]);

  if (!admin)
    return (
      <section className="panel">
        <h1>用户管理</h1>
        <p>只有管理员可以管理用户。</p>
      </section>
    );

  /** Runs a change, then shows its outcome and the list as it now is. */
  const run = async (work: () => Promise<unknown>, done: string) => {
    setError('');
    setNotice('');
    try {
      await work();
      setNotice(done);
      await refresh();
      return true;
    } catch (e) {
      setError(message(e));
      return false;
    }
  };

  return (
    <section data-testid="accounts">
      <h1>用户管理</h1>
      <NewAccount
        departments={departments}
        onCreate={(account) =>
          run(() => createAccount(account), `已创建用户 ${account.name}，首次登录时须修改密码`)
        }
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
      {accounts === null ? (
        <p className="muted">加载中…</p>
      ) : (
        <div className="scroll">
          <table className="grid accounts">
            <thead>
              <tr>
                <th>用户名</th>
                <th>角色</th>
                <th>所属部门</th>
                <th>状态</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <AccountRow
                  key={a.id}
                  account={a}
                  self={a.id === user.id}
                  departments={departments}
                  run={run}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DepartmentSelect({
  departments,
  value,
  onChange,
  label,
  id,
}: {
  departments: Department[];
  value: number | null;
  onChange: (id: number | null) => void;
  label: string;
  id?: string;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    >
      <option value="">（不限部门）</option>
      {departments.map((d) => (
        <option key={d.id} value={d.id}>
          {d.code ? `${d.code} ` : ''}
          {d.name}
        </option>
      ))}
    </select>
  );
}

function NewAccount({
  departments,
  onCreate,
}: {
  departments: Department[];
  onCreate: (account: {
    name: string;
    password: string;
    role: Role;
    departmentId: number | null;
  }) => Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [departmentId, setDepartmentId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const problem =
    role === 'editor' && departmentId === null
      ? '填报用户须指定所属部门'
      : password.length > 0 && password.length < 8
        ? '初始密码至少 8 位'
        : '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const ok = await onCreate({ name: name.trim(), password, role, departmentId });
    setBusy(false);
    if (ok) {
      setName('');
      setPassword('');
    }
  };
  return (
    <form className="filters new-account" onSubmit={submit} data-testid="new-account">
      <strong>新建用户</strong>
      <label>
        用户名
        <input name="new-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <label>
        初始密码
        <input
          name="new-password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <label>
        角色
        <select name="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleNames[r]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="new-department">所属部门</label>
      <DepartmentSelect
        id="new-department"
        label="新用户的所属部门"
        departments={departments}
        value={departmentId}
        onChange={setDepartmentId}
      />
      <button
        type="submit"
        className="primary"
        disabled={busy || !name.trim() || !password || problem !== ''}
      >
        创建
      </button>
      {problem && <span className="error-text">{problem}</span>}
    </form>
  );
}

function AccountRow({
  account,
  self,
  departments,
  run,
}: {
  account: Account;
  self: boolean;
  departments: Department[];
  run: (work: () => Promise<unknown>, done: string) => Promise<boolean>;
}) {
  const [role, setRole] = useState<Role>(account.role);
  const [departmentId, setDepartmentId] = useState<number | null>(account.departmentId);
  const [password, setPassword] = useState('');
  const changed = role !== account.role || departmentId !== account.departmentId;
  return (
    <tr data-user={account.name} className={account.disabled ? 'disabled' : undefined}>
      <th scope="row">
        {account.name}
        {self && <span className="muted">（本人）</span>}
      </th>
      <td>
        <select
          aria-label={`${account.name} 的角色`}
          value={role}
          disabled={self}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleNames[r]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {self ? (
          (account.department ?? '—')
        ) : (
          <DepartmentSelect
            label={`${account.name} 的所属部门`}
            departments={departments}
            value={departmentId}
            onChange={setDepartmentId}
          />
        )}
        {changed && (
          <button
            type="button"
            onClick={() =>
              run(
                () => updateAccount(account.id, { role, departmentId }),
                `已修改 ${account.name} 的角色或部门，其登录已失效`,
              )
            }
          >
            保存
          </button>
        )}
      </td>
      <td>{account.disabled ? '已停用' : account.mustChangePassword ? '待修改密码' : '正常'}</td>
      <td>
        <div className="account-actions">
          {!self && (
            <button
              type="button"
              onClick={() =>
                run(
                  () => updateAccount(account.id, { disabled: !account.disabled }),
                  account.disabled ? `已启用 ${account.name}` : `已停用 ${account.name}，其登录已失效`,
                )
              }
            >
              {account.disabled ? '启用' : '停用'}
            </button>
          )}
          <input
            type="password"
            aria-label={`${account.name} 的新密码`}
            placeholder="重设密码（至少 8 位）"
            value={password}
            autoComplete="new-password"
            onChange={(e) => setPassword(e.target.value)}
          />
          <button
            type="button"
            disabled={password.length < 8}
            onClick={async () => {
              if (
                await run(
                  () => updateAccount(account.id, { password }),
                  `已重设 ${account.name} 的密码，其下次登录时须修改`,
                )
              )
                setPassword('');
            }}
          >
            重设密码
          </button>
        </div>
      </td>
    </tr>
  );
}
