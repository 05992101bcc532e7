import { describe, expect, it } from 'vitest';
import { envelopeUrl } from '../../src/core/dsn';
import { DSN, ENDPOINT } from '../helpers';

describe('envelopeUrl', () => {
  it('puts the key in the query string, so no CORS preflight is needed', () => {
    expect(envelopeUrl(DSN)).toBe(ENDPOINT);
  });

  it('keeps a path prefix and a port, and ignores a legacy secret', () => {
    expect(envelopeUrl('http://abc:old@localhost:8787/errors/7')).toBe(
      'http://localhost:8787/errors/api/7/envelope/?sentry_key=abc&sentry_version=7',
    );
  });

  it('rejects DSNs without a key or a numeric project', () => {
    expect(envelopeUrl('https://errors.example.com/42')).toBeNull();
    expect(envelopeUrl('https://abc@errors.example.com/project')).toBeNull();
    expect(envelopeUrl('')).toBeNull();
  });
});
