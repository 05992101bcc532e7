import { ClientError } from '../http/ClientError';

/** `sentry_key` from a `Sentry k=v, k=v` auth header value, if present. */
function keyFromAuthHeader(value: string | null): string | undefined {
  if (!value) return undefined;
  const match = /^\s*Sentry\s+(.*)$/i.exec(value);
  if (!match?.[1]) return undefined;
  for (const part of match[1].split(',')) {
    const [name, ...rest] = part.split('=');
    if (name?.trim() === 'sentry_key') return rest.join('=').trim() || undefined;
  }
  return undefined;
}

function keyFromDsn(dsn: unknown): string | undefined {
  if (typeof dsn !== 'string') return undefined;
  try {
    return new URL(dsn).username || undefined;
  } catch {
    throw new ClientError(400, 'invalid envelope: header dsn is not a URL');
  }
}

/**
 * Finds the DSN public key where Relay looks for it, in its order:
 * `X-Sentry-Auth`, `Authorization: Sentry …`, the `sentry_key` query
 * parameter (each one, if repeated), then the envelope header's `dsn`. Two
 * different keys are refused; the same key in two places is fine.
 */
export function extractPublicKey(request: Request, envelopeDsn?: unknown): string {
  const url = new URL(request.url);
  const found = [
    keyFromAuthHeader(request.headers.get('X-Sentry-Auth')),
    keyFromAuthHeader(request.headers.get('Authorization')),
    ...url.searchParams.getAll('sentry_key'),
    keyFromDsn(envelopeDsn),
  ].filter((key): key is string => Boolean(key));
  const distinct = new Set(found);
  if (distinct.size === 0) {
    throw new ClientError(401, 'missing DSN public key (X-Sentry-Auth, sentry_key or dsn)');
  }
  if (distinct.size > 1) throw new ClientError(401, 'more than one DSN public key in the request');
  return found[0] as string;
}
