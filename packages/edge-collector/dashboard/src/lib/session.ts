import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from './api';

export interface SessionUser {
  id: string;
  email: string;
  role: 'admin' | 'member';
}

/** undefined: not known yet; null: signed out. */
let current: SessionUser | null | undefined;
const listeners = new Set<() => void>();

export function setSessionUser(user: SessionUser | null): void {
  current = user;
  for (const listener of listeners) listener();
}

/** Asks the API who is signed in (the cookie is HttpOnly: scripts cannot read it). */
export async function loadSession(): Promise<void> {
  try {
    const session = await api<{ user: SessionUser | null }>('/api/0/auth/session/');
    setSessionUser(session.user);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) setSessionUser(null);
    else throw error;
  }
}

export function useSessionUser(): SessionUser | null | undefined {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((tick) => tick + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return current;
}

export async function signOut(): Promise<void> {
  await api('/api/0/auth/logout/', 'POST').catch(() => undefined);
  setSessionUser(null);
}
