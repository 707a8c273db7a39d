// Users, passwords and sessions. Passwords are scrypt-hashed; a session is a random token in an
// httpOnly cookie plus a CSRF token the client echoes in a header on every change.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Store } from '../store/db.ts';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

export type Role = 'admin' | 'reviewer' | 'editor';
export const roleNames: Record<Role, string> = { admin: '管理员', reviewer: '审核', editor: '填报' };

export interface User {
  id: number;
  name: string;
  role: Role;
  departmentId: number | null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, keyHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !keyHex) return false;
  const key = await scrypt(password, Buffer.from(saltHex, 'hex'), 32);
  const expected = Buffer.from(keyHex, 'hex');
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export async function createUser(
  store: Store,
  user: { name: string; password: string; role: Role; departmentId?: number | null },
): Promise<number> {
  const row = await store
    .insertInto('app_user')
    .values({
      name: user.name,
      password_hash: await hashPassword(user.password),
      role: user.role,
      department_id: user.departmentId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const sessionHours = 12;

export async function login(
  store: Store,
  name: string,
  password: string,
): Promise<{ token: string; csrf: string; user: User } | undefined> {
  const row = await store.selectFrom('app_user').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row || !(await verifyPassword(password, row.password_hash))) return undefined;
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await store
    .insertInto('session')
    .values({ token, user_id: row.id, csrf, expires_at: new Date(Date.now() + sessionHours * 3600_000) })
    .execute();
  return {
    token,
    csrf,
    user: { id: row.id, name: row.name, role: row.role as Role, departmentId: row.department_id },
  };
}

export async function sessionUser(
  store: Store,
  token: string | undefined,
): Promise<{ user: User; csrf: string } | undefined> {
  if (!token) return undefined;
  const row = await store
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'app_user.id',
      'app_user.name',
      'app_user.role',
      'app_user.department_id',
      'session.csrf',
      'session.expires_at',
    ])
    .where('session.token', '=', token)
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() < Date.now()) return undefined;
  return {
    user: { id: row.id, name: row.name, role: row.role as Role, departmentId: row.department_id },
    csrf: row.csrf,
  };
}

export async function logout(store: Store, token: string): Promise<void> {
  await store.deleteFrom('session').where('token', '=', token).execute();
}
