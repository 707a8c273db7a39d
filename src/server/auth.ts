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

import { type Role, roleNames } from '../model/names.ts';

export { type Role, roleNames };

export interface User {
  id: number;
  name: string;
  role: Role;
  departmentId: number | null;
  /** The password was chosen by someone else: it must be changed before anything else. */
  mustChangePassword: boolean;
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
  user: {
    name: string;
    password: string;
    role: Role;
    departmentId?: number | null;
    mustChangePassword?: boolean;
  },
): Promise<number> {
  const row = await store
    .insertInto('app_user')
    .values({
      name: user.name,
      password_hash: await hashPassword(user.password),
      role: user.role,
      department_id: user.departmentId ?? null,
      must_change_password: user.mustChangePassword ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** How logins are guarded; the defaults suit a finance bureau's server, tests shorten them. */
export interface LoginPolicy {
  /** Failures (per user name or per address, within lockMinutes) after which each answer is delayed. */
  slowAfter: number;
  slowMs: number;
  /** Failures after which the name or the address is locked until lockMinutes after the last failure. */
  lockAfter: number;
  lockMinutes: number;
  /** A session ends after this long without a request, and at maxSessionHours in any case. */
  idleMinutes: number;
  maxSessionHours: number;
}

export const defaultLoginPolicy: LoginPolicy = {
  slowAfter: 3,
  slowMs: 1000,
  lockAfter: 5,
  lockMinutes: 15,
  idleMinutes: 120,
  maxSessionHours: 12,
};

export type LoginOutcome =
  | { ok: true; token: string; csrf: string; user: User }
  | { ok: false; locked: false }
  | { ok: false; locked: true; retryAfterSeconds: number };

// An unknown name is checked against this hash, so the answer takes as long as for a known one and
// names cannot be told apart by timing.
let decoyHash: Promise<string> | undefined;

export const toUser = (row: {
  id: number;
  name: string;
  role: string;
  department_id: number | null;
  must_change_password: boolean;
}): User => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  departmentId: row.department_id,
  mustChangePassword: row.must_change_password,
});

/** The failures of the name or of the address within the lock period, whichever are more, newest first. */
async function recentFailures(store: Store, name: string, address: string, policy: LoginPolicy) {
  const failures = await store
    .selectFrom('login_failure')
    .select(['name', 'address', 'at'])
    .where('at', '>', new Date(Date.now() - policy.lockMinutes * 60_000))
    .where((eb) => eb.or([eb('name', '=', name), eb('address', '=', address)]))
    .orderBy('at', 'desc')
    .execute();
  const byName = failures.filter((f) => f.name === name);
  const byAddress = failures.filter((f) => f.address === address);
  return byName.length >= byAddress.length ? byName : byAddress;
}

/** Seconds until a lock that began with the newest of these failures ends. */
const lockSeconds = (failures: { at: Date | string }[], policy: LoginPolicy) =>
  Math.max(
    1,
    Math.ceil((new Date(failures[0]!.at).getTime() + policy.lockMinutes * 60_000 - Date.now()) / 1000),
  );

/**
 * Checks a name and password from an address. Each failure is recorded; after `slowAfter` of them the
 * answer is delayed, after `lockAfter` the name and the address are locked for `lockMinutes`.
 */
export async function login(
  store: Store,
  name: string,
  password: string,
  address: string,
  policy: LoginPolicy = defaultLoginPolicy,
): Promise<LoginOutcome> {
  const before = await recentFailures(store, name, address, policy);
  if (before.length >= policy.lockAfter)
    return { ok: false, locked: true, retryAfterSeconds: lockSeconds(before, policy) };
  const row = await store.selectFrom('app_user').selectAll().where('name', '=', name).executeTakeFirst();
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const matches = await verifyPassword(password, row?.password_hash ?? (await decoyHash));
  if (!row || row.disabled || !matches) {
    await store.insertInto('login_failure').values({ name, address }).execute();
    const failures = await recentFailures(store, name, address, policy);
    if (failures.length >= policy.lockAfter)
      return { ok: false, locked: true, retryAfterSeconds: lockSeconds(failures, policy) };
    if (failures.length >= policy.slowAfter) await new Promise((done) => setTimeout(done, policy.slowMs));
    return { ok: false, locked: false };
  }
  // A success clears the name's failures, not the address's: one valid account must not reset the
  // count of an address that guesses other names.
  await store.deleteFrom('login_failure').where('name', '=', name).execute();
  return { ok: true, ...(await createSession(store, row.id, policy)), user: toUser(row) };
}

export async function createSession(
  store: Store,
  userId: number,
  policy: LoginPolicy = defaultLoginPolicy,
): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const now = Date.now();
  await store
    .insertInto('session')
    .values({
      token,
      user_id: userId,
      csrf,
      created_at: new Date(now),
      expires_at: new Date(now + Math.min(policy.idleMinutes * 60_000, policy.maxSessionHours * 3600_000)),
    })
    .execute();
  return { token, csrf };
}

/** The session's user, and the session's end moved forward (within its maximum age) by this request. */
export async function sessionUser(
  store: Store,
  token: string | undefined,
  policy: LoginPolicy = defaultLoginPolicy,
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
      'app_user.disabled',
      'app_user.must_change_password',
      'session.csrf',
      'session.expires_at',
      'session.created_at',
    ])
    .where('session.token', '=', token)
    .executeTakeFirst();
  const now = Date.now();
  if (!row || row.disabled || new Date(row.expires_at).getTime() <= now) return undefined;
  const extended = Math.min(
    now + policy.idleMinutes * 60_000,
    new Date(row.created_at).getTime() + policy.maxSessionHours * 3600_000,
  );
  // Written at most once a minute, not on every request.
  if (extended - new Date(row.expires_at).getTime() > 60_000)
    await store
      .updateTable('session')
      .set({ expires_at: new Date(extended) })
      .where('token', '=', token)
      .execute();
  return { user: toUser(row), csrf: row.csrf };
}

export async function logout(store: Store, token: string): Promise<void> {
  await store.deleteFrom('session').where('token', '=', token).execute();
}

/**
 * A new password (checked against the old one when given) ends every session of the user. Given by someone
 * else (`oldPassword` absent: an admin's reset), the user must change it at the next login.
 */
export async function changePassword(
  store: Store,
  userId: number,
  newPassword: string,
  oldPassword?: string,
): Promise<boolean> {
  if (oldPassword !== undefined) {
    const row = await store
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row || !(await verifyPassword(oldPassword, row.password_hash))) return false;
  }
  await store
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(newPassword), must_change_password: oldPassword === undefined })
    .where('id', '=', userId)
    .execute();
  await store.deleteFrom('session').where('user_id', '=', userId).execute();
  return true;
}

/** Disabling a user ends their sessions at once. */
export async function setDisabled(store: Store, userId: number, disabled: boolean): Promise<boolean> {
  const result = await store
    .updateTable('app_user')
    .set({ disabled })
    .where('id', '=', userId)
    .executeTakeFirst();
  if (disabled) await store.deleteFrom('session').where('user_id', '=', userId).execute();
  return result.numUpdatedRows > 0n;
}
