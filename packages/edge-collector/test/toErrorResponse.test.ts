import { describe, expect, it } from 'vitest';
import { ClientError } from '../src/http/ClientError';
import { toErrorResponse } from '../src/http/toErrorResponse';

const request = () =>
  new Request('http://collector.test/api/1/envelope/', { headers: { 'cf-ray': 'ray-7f3a' } });

describe('toErrorResponse', () => {
  it.each([
    'D1_ERROR: database is locked',
    'D1_ERROR: no such table: events: SQLITE_ERROR',
    'Queue send failed: queue is unavailable',
    'Network connection lost.',
  ])('answers "%s" with a 503 and Retry-After, never a 500', async (message) => {
    const response = toErrorResponse(new Error(message), request());
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('60');
    expect(((await response.json()) as { detail: string }).detail).toContain('storage');
  });

  it('answers an unexpected exception with a 400 naming the request id, without Retry-After', async () => {
    const response = toErrorResponse(new TypeError('path.replace is not a function'), request());
    expect(response.status).toBe(400);
    expect(response.headers.get('Retry-After')).toBeNull();
    const body = (await response.json()) as { detail: string; requestId: string };
    expect(body).toEqual({
      detail: 'the collector could not process this request (request ray-7f3a)',
      requestId: 'ray-7f3a',
    });
    expect(response.headers.get('X-Sentry-Error')).toBe(body.detail);
  });

  it('keeps a client error its status, reason and headers', async () => {
    const error = new ClientError(429, 'over the limit', { 'Retry-After': '12' });
    const response = toErrorResponse(error, request());
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('12');
    expect(((await response.json()) as { detail: string }).detail).toBe('over the limit');
  });
});
