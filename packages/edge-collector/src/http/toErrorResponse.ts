import { ClientError } from './ClientError';
import { isStorageError } from './isStorageError';
import { json } from './json';

/**
 * Turns anything thrown by a route into a response. Client mistakes keep their
 * status and reason (also in `X-Sentry-Error`, which Sentry SDKs log); storage
 * trouble is a 503 the client retries later; anything else is our bug, logged
 * with the request id, and still not a 500 leaking internals.
 */
export function toErrorResponse(error: unknown, request: Request): Response {
  if (error instanceof ClientError) {
    return json(
      { detail: error.message },
      {
        status: error.status,
        headers: { 'X-Sentry-Error': error.message, ...error.headers },
      },
    );
  }
  const requestId = request.headers.get('cf-ray') ?? crypto.randomUUID();
  console.error(`request ${requestId} failed:`, error);
  const detail = isStorageError(error)
    ? 'storage is unavailable, retry later'
    : 'the collector could not process this request, retry later';
  return json(
    { detail, requestId },
    { status: 503, headers: { 'Retry-After': '60', 'X-Sentry-Error': detail } },
  );
}
