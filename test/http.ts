// A client for the API tests that run a real server on a port: log in as a user, then request as them (the
// session cookie and CSRF token sent), or anonymously with `null`.
import { expect } from 'vitest';

export function apiClient(baseUrl: string | (() => string), password: string) {
  // The server's address may be known only once it listens (a getter then).
  const at = (path: string) => (typeof baseUrl === 'string' ? baseUrl : baseUrl()) + path;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const headers = (as: string | null): Record<string, string> =>
    as ? { cookie: sessions[as]!.cookie, 'x-csrf-token': sessions[as]!.csrf } : {};
  return {
    headers,
    async logIn(name: string) {
      const response = await fetch(at('/api/session'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
      expect(response.status, `log in as ${name}`).toBe(200);
      sessions[name] = {
        cookie: response.headers.get('set-cookie')!.split(';')[0]!,
        csrf: ((await response.json()) as { csrf: string }).csrf,
      };
    },
    request(as: string | null, method: string, path: string, body?: unknown) {
      return fetch(at(path), {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers(as) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    async upload(as: string, name: string, bytes: Uint8Array) {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(bytes)]), name);
      const response = await fetch(at('/api/documents'), {
        method: 'POST',
        headers: headers(as),
        body: form,
      });
      expect(response.status, `upload ${name}`).toBe(200);
      return ((await response.json()) as { results: { result: { id: number } }[] }).results[0]!.result.id;
    },
  };
}
