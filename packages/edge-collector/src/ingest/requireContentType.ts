import { ClientError } from '../http/ClientError';

/**
 * Refuses a body whose media type the endpoint does not read with a 415.
 * `null` in `accepted` allows requests without a Content-Type.
 */
export function requireContentType(request: Request, accepted: (string | null)[]): void {
  const header = request.headers.get('Content-Type');
  const mediaType = header ? (header.split(';')[0] ?? '').trim().toLowerCase() : null;
  if (accepted.includes(mediaType)) return;
  throw new ClientError(
    415,
    `unsupported Content-Type ${header ?? '(none)'}; expected ${accepted.filter(Boolean).join(', ')}`,
  );
}
