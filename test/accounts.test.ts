// Accounts over HTTP: an admin lists, creates, re-roles and resets users; a password someone else chose
// (a new account, a reset, the first start's demo accounts) must be changed before anything else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import { firstRun } from '../src/server/start.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { backends } from './backends.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const seed = '004_b9fc89043e8814d5.txt';
const password = 'accounts-test-password';

for (const backend of backends)
  describe(`accounts on ${backend.name}`, () => {
    let store: Store;
    let cleanup: (() => Promise<void>) | undefined;
    let app: FastifyInstance;
    let base: string;
    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
      await createUser(store, { name: 'admin', password, role: 'admin' });
      app = await buildServer({ store, webDir: '/nonexistent', publicOnUpload: true });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      await app?.close();
      await store?.destroy();
      await cleanup?.();
    });

    const logIn = async (name: string, pass: string) => {
      const response = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password: pass }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { csrf: string; user: { mustChangePassword: boolean } };
      return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrf, user: body.user };
    };
    const call = (session: { cookie: string; csrf: string }, method: string, path: string, body?: unknown) =>
      fetch(base + path, {
        method,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const upload = (session: { cookie: string; csrf: string }) => {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(join(seeds, seed))]), seed);
      return fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: form,
      });
    };

    it('a new account changes its password before anything else; a reset asks again; a new role ends sessions', async () => {
      const admin = await logIn('admin', password);
      expect(admin.user.mustChangePassword).toBe(false);
      const created = await call(admin, 'POST', '/api/users', {
        name: 'new-reviewer',
        password: 'initial-password',
        role: 'reviewer',
      });
      expect(created.status).toBe(200);
      const { id } = (await created.json()) as { id: number };

      const first = await logIn('new-reviewer', 'initial-password');
      expect(first.user.mustChangePassword).toBe(true);
      const blocked = await upload(first);
      expect(blocked.status).toBe(403);
      expect(((await blocked.json()) as { error: string }).error).toMatch(/请先修改密码/);
      // Reading is blocked too, and the session itself still answers.
      expect((await call(first, 'GET', '/api/documents')).status).toBe(403);
      expect((await call(first, 'GET', '/api/session')).status).toBe(200);
      const changed = await call(first, 'POST', '/api/session/password', {
        oldPassword: 'initial-password',
        newPassword: 'my-own-password',
      });
      expect(changed.status).toBe(200);
      const own = (await changed.json()) as { csrf: string; user: { mustChangePassword: boolean } };
      const renewed = { cookie: changed.headers.get('set-cookie')!.split(';')[0]!, csrf: own.csrf };
      const session = (await (
        await fetch(`${base}/api/session`, { headers: { cookie: renewed.cookie } })
      ).json()) as {
        user: { mustChangePassword: boolean };
      };
      expect(session.user.mustChangePassword).toBe(false);
      expect((await upload(renewed)).status).toBe(200);

      // The admin's list: every user with role, department and state, never a password or its hash.
      const listed = await call(admin, 'GET', '/api/users');
      const text = await listed.text();
      expect(text).not.toMatch(/scrypt|password_hash|my-own-password/);
      const users = JSON.parse(text) as { id: number; name: string; role: string; disabled: boolean }[];
      expect(users.map((u) => [u.name, u.role, u.disabled])).toEqual([
        ['admin', 'admin', false],
        ['new-reviewer', 'reviewer', false],
      ]);

      // A reset password is someone else's choice again.
      expect((await call(admin, 'PATCH', `/api/users/${id}`, { password: 'reset-by-admin' })).status).toBe(
        200,
      );
      const afterReset = await logIn('new-reviewer', 'reset-by-admin');
      expect(afterReset.user.mustChangePassword).toBe(true);

      // A 填报 user needs a department that exists; a new role ends the user's sessions.
      const refused = await call(admin, 'PATCH', `/api/users/${id}`, { role: 'editor' });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toMatch(/须指定所属部门/);
      expect(
        (await call(admin, 'PATCH', `/api/users/${id}`, { role: 'editor', departmentId: 999999 })).status,
      ).toBe(400);
      expect((await fetch(`${base}/api/departments`)).status).toBe(401);
      const departments = (await (await call(admin, 'GET', '/api/departments')).json()) as { id: number }[];
      expect(departments.length).toBeGreaterThan(0);
      expect(
        (await call(admin, 'PATCH', `/api/users/${id}`, { role: 'editor', departmentId: departments[0]!.id }))
          .status,
      ).toBe(200);
      const gone = (await (
        await fetch(`${base}/api/session`, { headers: { cookie: afterReset.cookie } })
      ).json()) as {
        user: unknown;
      };
      expect(gone.user).toBeNull();
      // The role change ended that session too; an admin does not demote themself.
      expect((await call(renewed, 'GET', '/api/users')).status).toBe(401);
      const adminId = users.find((u) => u.name === 'admin')!.id;
      expect((await call(admin, 'PATCH', `/api/users/${adminId}`, { role: 'reviewer' })).status).toBe(400);
    });

    it('the first start’s demo accounts must change the public demo password', async () => {
      const demo = await openStore({});
      try {
        const saved = process.env.YUSUAN_ADMIN_PASSWORD;
        delete process.env.YUSUAN_ADMIN_PASSWORD;
        try {
          // Only the users part matters here: the samples' import is marked done beforehand.
          await demo
            .insertInto('audit')
            .values({ user_id: null, action: 'first-run-done', detail: '{}' })
            .execute();
          await firstRun(demo, () => {});
        } finally {
          if (saved !== undefined) process.env.YUSUAN_ADMIN_PASSWORD = saved;
        }
        const users = await demo.selectFrom('app_user').select(['name', 'must_change_password']).execute();
        expect(users).toEqual([
          { name: 'admin', must_change_password: true },
          { name: 'reviewer', must_change_password: true },
        ]);
      } finally {
        await demo.destroy();
      }
    });
  });
