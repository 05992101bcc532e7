import { describe, expect, it } from 'vitest';
import { stripUrl } from '../../src/lib/stripUrl';

describe('stripUrl', () => {
  it('keeps parameter names but drops every value, in the query and the fragment', () => {
    expect(stripUrl('https://api.example.com/orders?token=s3cr3t&page=2#access_token=abc')).toBe(
      'https://api.example.com/orders?token=&page=#access_token=',
    );
  });

  it('removes user and password from the authority', () => {
    expect(stripUrl('https://ada:hunter2@example.com/x')).toBe('https://example.com/x');
  });

  it('leaves a URL without credentials alone', () => {
    expect(stripUrl('/api/items/42')).toBe('/api/items/42');
  });
});
