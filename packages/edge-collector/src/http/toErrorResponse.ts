import { ClientError } from './ClientError';
import { isStorageError } from './isStorageError';
import { json } from './json';

/**
 * Turns anything thrown by a route into a response. Client mistakes keep their
 * status and reason (also in `X-Sentry-Error`, which Sentry SDKs log); storage
 * or queue trouble is a 503 the client retries later. Anything else is an
 * unexpected exception while processing this client's input: the input's
 * fault until proven otherwise, so a 400 (the SDK drops it instead of
 * resending it forever), logged with the request id for us to look into.
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
  if (isStorageError(error)) {
    const detail = 'storage is unavailable, retry later';
    return json(
      { detail, requestId },
      { status: 503, headers: { 'Retry-After': '60', 'X-Sentry-Error': detail } },
    );
  }
  const detail = `the collector could not process this request (request ${requestId})`;
  return json({ detail, requestId }, { status: 400, headers: { 'X-Sentry-Error': detail } });
}
