import type { Env } from '../env';
import { ClientError } from '../http/ClientError';
import { countProjectsByBinding } from '../store/projectDatabases';
import { bindingNumber, DEFAULT_BINDING, databaseBindings } from './databaseBindings';

/** The bindings `FAULTLINE_NEW_PROJECT_DATABASES` allows new projects on, or all of them. */
function placeableBindings(env: Env): string[] {
  const bindings = databaseBindings(env);
  const listed = (env.FAULTLINE_NEW_PROJECT_DATABASES ?? '')
    .split(/[\s,]+/)
    .filter((name) => name !== '');
  if (listed.length === 0) return bindings;
  const missing = listed.filter((name) => !bindings.includes(name));
  if (missing.length > 0) {
    throw new Error(
      `FAULTLINE_NEW_PROJECT_DATABASES names ${missing.join(', ')}, which this Worker has no D1 binding for`,
    );
  }
  return listed;
}

/**
 * Where a new project's data goes: the binding the request names (`"database"`), or
 * else the allowed binding holding the fewest projects (the lowest-numbered on a tie).
 */
export async function chooseDatabase(env: Env, requested: unknown): Promise<string> {
  const bindings = databaseBindings(env);
  if (requested !== undefined && requested !== null) {
    if (typeof requested !== 'string' || !bindings.includes(requested)) {
      throw new ClientError(400, `database must be one of ${bindings.join(', ')}`);
    }
    return requested;
  }
  const allowed = placeableBindings(env);
  if (allowed.length === 1) return allowed[0] ?? DEFAULT_BINDING;
  const counts = await countProjectsByBinding(env.DB, DEFAULT_BINDING);
  const load = (binding: string) => counts.get(binding) ?? 0;
  return [...allowed].sort(
    (a, b) => load(a) - load(b) || (bindingNumber(a) ?? 0) - (bindingNumber(b) ?? 0),
  )[0] as string;
}
