import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import { navigate } from '../lib/router';
import { type SessionUser, setSessionUser } from '../lib/session';

/** Where to go after signing in: the page that sent us here, if it is one of ours. */
function nextPath(): string {
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  // `//host` and `/\host` would leave the site; only paths of this origin are taken.
  return /^\/(?![/\\])/.test(next) ? next : '/';
}

export function LoginPage() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    setBusy(true);
    try {
      const { user } = await api<{ user: SessionUser }>('/api/0/auth/login/', 'POST', {
        email: form.get('email'),
        password: form.get('password'),
      });
      setSessionUser(user);
      navigate(nextPath(), true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'the collector did not answer');
    } finally {
      setBusy(false);
    }
  };
  return html`<main class="login">
    <h1>Faultline</h1>
    <form onSubmit=${onSubmit} class="card stack">
      <h2>Sign in</h2>
      <label>E-mail <input name="email" type="email" autocomplete="username" required /></label>
      <label>
        Password
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      ${error && html`<p class="error" role="alert">${error}</p>`}
      <button type="submit" class="primary" disabled=${busy}>Sign in</button>
    </form>
  </main>`;
}
