import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api } from '../lib/api';
import { formatDate } from '../lib/format';
import { useSessionUser } from '../lib/session';
import { useApi } from '../lib/useApi';

interface User {
  id: string;
  email: string;
  role: string;
  locked: boolean;
  dateCreated: string;
}

/** Admins add and remove the people who can sign in. */
export function UsersPage() {
  const users = useApi<User[]>('/api/0/users/');
  const me = useSessionUser();
  const [error, setError] = useState<string | null>(null);
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      await api('/api/0/users/', 'POST', {
        email: data.get('email'),
        password: data.get('password'),
        role: data.get('role'),
      });
      form.reset();
      setError(null);
      void users.reload();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const remove = async (user: User) => {
    if (!confirm(`Remove ${user.email}? Their sessions end at once.`)) return;
    await api(`/api/0/users/${user.id}/`, 'DELETE').catch((caught) => setError(caught.message));
    void users.reload();
  };
  return html`<h1>Users</h1>
    ${(error || users.error) && html`<p class="error" role="alert">${error ?? users.error}</p>`}
    <ul class="users card">
      ${(users.data ?? []).map(
        (user) => html`<li key=${user.id}>
          <span>${user.email}</span> <span class="badge">${user.role}</span>
          ${user.locked && html`<span class="badge level-error">locked</span>`}
          <span class="muted small">since ${formatDate(user.dateCreated)}</span>
          ${user.id !== me?.id && html`<button type="button" class="small danger" onClick=${() => remove(user)}>Remove</button>`}
        </li>`,
      )}
    </ul>
    <form class="card row-form" onSubmit=${add}>
      <h2>Add a user</h2>
      <label>E-mail <input name="email" type="email" required autocomplete="off" /></label>
      <label>Password <input name="password" type="password" minlength="8" required autocomplete="new-password" /></label>
      <label>Role <select name="role"><option value="member">member</option><option value="admin">admin</option></select></label>
      <button type="submit" class="primary">Add user</button>
    </form>`;
}
