import type { Env } from '../env';
import { selectProjectBinding } from '../store/projectDatabases';
import { DEFAULT_BINDING, databaseBindings, databaseFor } from './databaseBindings';

/**
 * A project's database is read from the routing table in `DB` once per isolate and kept
 * for `TTL_MS`. A route never changes once written, so the only stale answer is for a
 * project created on another binding within that minute by another isolate, after this
 * one looked it up before it existed.
 */
const TTL_MS = 60_000;
const cache = new Map<number, { binding: string; expires: number }>();

/** The binding name holding a project's data: its route, or `DB` when it has none. */
export async function projectBinding(env: Env, projectId: number): Promise<string> {
  // One database: nothing to look up (a first deploy, `npm start`).
  if (databaseBindings(env).length === 1) return DEFAULT_BINDING;
  const now = Date.now();
  const cached = cache.get(projectId);
  if (cached && cached.expires > now) return cached.binding;
  const binding = (await selectProjectBinding(env.DB, projectId)) ?? DEFAULT_BINDING;
  if (cache.size > 10_000) cache.clear();
  cache.set(projectId, { binding, expires: now + TTL_MS });
  return binding;
}

/**
 * The D1 database holding a project's issues, events, transactions, alerts and the
 * rest of its data. A route to a binding this Worker no longer has is a deployment
 * error, not something to paper over by writing elsewhere.
 */
export async function projectDatabase(env: Env, projectId: number): Promise<D1Database> {
  const binding = await projectBinding(env, projectId);
  const db = databaseFor(env, binding);
  if (!db) throw new Error(`project ${projectId} lives on D1 binding ${binding}, which is missing`);
  return db;
}

/** Called when this isolate places a project, so the route is known at once. */
export function rememberProjectBinding(projectId: number, binding: string): void {
  cache.set(projectId, { binding, expires: Date.now() + TTL_MS });
}
