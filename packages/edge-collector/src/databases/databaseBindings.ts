import type { Env } from '../env';

/** The first database: global tables, the routing table, and every project not routed elsewhere. */
export const DEFAULT_BINDING = 'DB';

/** `DB`, then `DB_2` … `DB_99`: the names a D1 binding may have to hold projects. */
const BINDING_NAME = /^DB(?:_([2-9]|[1-9][0-9]))?$/;

/** The database number of a binding name: `DB` is 1, `DB_2` is 2; null for any other name. */
export function bindingNumber(binding: string): number | null {
  const match = BINDING_NAME.exec(binding);
  if (!match) return null;
  return match[1] ? Number(match[1]) : 1;
}

/** The binding name of database number `n` (1 → `DB`). */
export function bindingName(n: number): string {
  return n === 1 ? DEFAULT_BINDING : `DB_${n}`;
}

function isD1(value: unknown): value is D1Database {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as D1Database).prepare === 'function' &&
    typeof (value as D1Database).batch === 'function'
  );
}

/** Bindings are fixed for an isolate's `env`: read once per `env` object. */
const found = new WeakMap<Env, string[]>();

/** The D1 bindings this Worker has (from wrangler.toml's `[[d1_databases]]`), `DB` first. */
export function databaseBindings(env: Env): string[] {
  const known = found.get(env);
  if (known) return known;
  const record = env as unknown as Record<string, unknown>;
  const bindings = Object.keys(record)
    .filter((name) => bindingNumber(name) !== null && isD1(record[name]))
    .sort((a, b) => (bindingNumber(a) ?? 0) - (bindingNumber(b) ?? 0));
  found.set(env, bindings);
  return bindings;
}

/** The D1 database behind a binding name, or null when this Worker has no such binding. */
export function databaseFor(env: Env, binding: string): D1Database | null {
  if (bindingNumber(binding) === null) return null;
  const value = (env as unknown as Record<string, unknown>)[binding];
  return isD1(value) ? value : null;
}

/** Every D1 database, `DB` first: what migrations, cron jobs and cross-project reads go through. */
export function allDatabases(env: Env): D1Database[] {
  return databaseBindings(env).map((binding) => databaseFor(env, binding) as D1Database);
}
