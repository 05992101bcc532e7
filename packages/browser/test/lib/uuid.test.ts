import { describe, expect, it } from 'vitest';
import { uuid } from '../../src/lib/uuid';

describe('uuid', () => {
  it('makes 32-digit ids that differ', () => {
    const ids = new Set(Array.from({ length: 200 }, uuid));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
