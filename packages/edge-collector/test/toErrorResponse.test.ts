import { describe, expect, it } from 'vitest';
import { toErrorResponse } from '../src/http/toErrorResponse';

describe('toErrorResponse', () => {
  it('answers storage failures with a 503 and Retry-After, never a 500', async () => {
    const request = new Request('http://collector.test/api/1/envelope/');
    const response = toErrorResponse(new Error('D1_ERROR: database is locked'), request);
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('60');
    expect(((await response.json()) as { detail: string }).detail).toContain('storage');
  });
});
