import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { hashSessionId } from '../src/auth/sessionCookie';
import { admin, call, createProject } from './helpers';
import { cookieOf, createUser, login, signIn, withSession } from './sessionHelpers';

describe('dashboard sessions', () => {
  it('signs in with e-mail and password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await createUser('member');
    const response = await login(user.email.toUpperCase(), user.password);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: user.id, email: user.email, role: 'member' },
    });
    const setCookie = response.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(/^faultline_session=[0-9a-f]{64};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toMatch(/Max-Age=\d+/);
    // Plain http (local runs): a Secure cookie would never come back.
    expect(setCookie).not.toContain('Secure');
  });

  it('marks the cookie Secure over https', async () => {
    const user = await createUser('member');
    const secure = await SELF.fetch('https://collector.test/api/0/auth/login/', {
      method: 'POST',
      headers: { Origin: 'https://collector.test' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(secure.status).toBe(200);
    expect(secure.headers.get('Set-Cookie')).toContain('Secure');
  });

  it('stores only a hash of the session id, and the session opens the read API', async () => {
    const user = await createUser('member');
    const cookie = await signIn(user.email, user.password);
    const id = cookie.split('=')[1] ?? '';
    const rows = await env.DB.prepare('SELECT id_hash FROM sessions WHERE user_id = ?')
      .bind(Number(user.id))
      .all<{ id_hash: string }>();
    expect(rows.results.map((row) => row.id_hash)).toEqual([await hashSessionId(id)]);
    expect(rows.results[0]?.id_hash).not.toBe(id);

    const session = await withSession(cookie, '/api/0/auth/session/');
    expect(await session.json()).toMatchObject({ kind: 'session', user: { email: user.email } });
    expect((await withSession(cookie, '/api/0/projects/')).status).toBe(200);
  });

  it('answers 401 without a session and for an unknown or expired one', async () => {
    expect((await call('/api/0/projects/')).status).toBe(401);
    const unknown = `faultline_session=${'ab'.repeat(32)}`;
    expect((await withSession(unknown, '/api/0/projects/')).status).toBe(401);

    const user = await createUser('member');
    const cookie = await signIn(user.email, user.password);
    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?')
      .bind(1, Number(user.id))
      .run();
    expect((await withSession(cookie, '/api/0/projects/')).status).toBe(401);
  });

  it('rotates the session at sign-in: the session the browser held before ends', async () => {
    const user = await createUser('member');
    const first = await signIn(user.email, user.password);
    const again = await login(user.email, user.password, { Cookie: first });
    const second = cookieOf(again);
    expect(second).not.toBe(first);
    expect((await withSession(first, '/api/0/projects/')).status).toBe(401);
    expect((await withSession(second, '/api/0/projects/')).status).toBe(200);
  });

  it('ends the session at sign-out and clears the cookie', async () => {
    const user = await createUser('member');
    const cookie = await signIn(user.email, user.password);
    const out = await withSession(cookie, '/api/0/auth/logout/', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^faultline_session=;.*Max-Age=0/);
    expect((await withSession(cookie, '/api/0/projects/')).status).toBe(401);
  });

  it('refuses a state-changing request whose Origin is another site or missing', async () => {
    const user = await createUser('admin');
    const cookie = await signIn(user.email, user.password);
    const body = JSON.stringify({ name: 'forged' });
    for (const origin of ['https://evil.example', '']) {
      const headers: Record<string, string> = origin ? { Origin: origin } : {};
      const response = await call('/api/0/projects/', {
        method: 'POST',
        headers: { Cookie: cookie, ...headers },
        body,
      });
      expect(response.status).toBe(403);
    }
    const ok = await withSession(cookie, '/api/0/projects/', { method: 'POST', body });
    expect(ok.status).toBe(201);
    // Sign-in itself is checked too (login CSRF).
    const forgedLogin = await login(user.email, user.password, { Origin: 'https://evil.example' });
    expect(forgedLogin.status).toBe(403);
  });

  it('lets members read and triage issues but not manage projects, alerts or users', async () => {
    const member = await createUser('member');
    const cookie = await signIn(member.email, member.password);
    const project = await createProject('member-rights');
    expect((await withSession(cookie, `/api/0/projects/${project.id}/issues/`)).status).toBe(200);
    const writes: [string, string][] = [
      ['POST', '/api/0/projects/'],
      ['PUT', `/api/0/projects/${project.id}/`],
      ['POST', `/api/0/projects/${project.id}/rules/`],
      ['POST', `/api/0/projects/${project.id}/webhooks/`],
      ['POST', '/api/0/users/'],
    ];
    for (const [method, path] of writes) {
      const response = await withSession(cookie, path, { method, body: '{}' });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    expect((await withSession(cookie, '/api/0/users/')).status).toBe(403);
    expect((await withSession(cookie, '/api/0/tokens/')).status).toBe(403);
    // Triage: a missing issue is a 404, not a 403, so the member got past the check.
    const triage = await withSession(cookie, '/api/0/issues/999999/', {
      method: 'PUT',
      body: JSON.stringify({ status: 'resolved' }),
    });
    expect(triage.status).toBe(404);
  });

  it('lets an admin add and remove users, but never the last admin', async () => {
    const adminUser = await createUser('admin');
    const cookie = await signIn(adminUser.email, adminUser.password);
    const created = await withSession(cookie, '/api/0/users/', {
      method: 'POST',
      body: JSON.stringify({
        email: `new-${crypto.randomUUID()}@example.com`,
        password: 'longenough',
        role: 'member',
      }),
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: string };
    const listed = (await (await withSession(cookie, '/api/0/users/')).json()) as object[];
    expect(JSON.stringify(listed)).not.toMatch(/hash|salt/);
    const removed = await withSession(cookie, `/api/0/users/${user.id}/`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    const self = await withSession(cookie, `/api/0/users/${adminUser.id}/`, { method: 'DELETE' });
    expect(self.status).toBe(409);
  });

  it('answers bad user input with a 400 and a duplicate e-mail with a 409', async () => {
    const user = await createUser('member');
    const cases = [
      { email: 'not-an-email', password: 'longenough' },
      { email: 'a@example.com', password: 'short' },
      { email: 'b@example.com', password: 'longenough', role: 'owner' },
    ];
    for (const body of cases) {
      await expect(
        admin('/api/0/users/', { method: 'POST', body: JSON.stringify(body) }),
      ).rejects.toThrow(/: 400 /);
    }
    await expect(
      admin('/api/0/users/', {
        method: 'POST',
        body: JSON.stringify({ email: user.email.toUpperCase(), password: 'longenough' }),
      }),
    ).rejects.toThrow(/: 409 /);
  });
});

describe('wrong passwords', () => {
  it('are answered like an unknown e-mail', async () => {
    const user = await createUser('member');
    const wrong = await login(user.email, 'not the password');
    const unknown = await login(`nobody-${crypto.randomUUID()}@example.com`, 'whatever');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('slow the account down after three, then lock it even for the right password', async () => {
    const user = await createUser('member');
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await login(user.email, 'wrong password')).status).toBe(401);
    }
    // The fourth wrong one is counted and sets a wait; the right password must wait too.
    expect((await login(user.email, 'wrong password')).status).toBe(401);
    const waiting = await login(user.email, user.password);
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get('Retry-After'))).toBeGreaterThan(0);

    // Ten in a row lock it: pretend each wait is over before the next guess.
    const expire = () =>
      env.DB.prepare('UPDATE users SET locked_until = 1 WHERE id = ?').bind(Number(user.id)).run();
    for (let attempt = 5; attempt <= 10; attempt++) {
      await expire();
      expect((await login(user.email, 'wrong password')).status).toBe(401);
    }
    const locked = await login(user.email, user.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(14 * 60);

    // Once the lock is over the right password works and clears the count.
    await expire();
    expect((await login(user.email, user.password)).status).toBe(200);
    const row = await env.DB.prepare('SELECT failed_logins FROM users WHERE id = ?')
      .bind(Number(user.id))
      .first<{ failed_logins: number }>();
    expect(row?.failed_logins).toBe(0);
  });
});
