import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/core/describeValue';

describe('describeValue', () => {
  it('writes objects as JSON', () => {
    expect(describeValue({ code: 42, reason: 'nope' })).toBe('{"code":42,"reason":"nope"}');
  });

  it('cuts long JSON at 300 characters', () => {
    expect(describeValue({ text: 'x'.repeat(1000) })).toHaveLength(300);
  });

  it('says which event it was and on what', () => {
    const image = document.createElement('img');
    const event = new Event('error');
    Object.defineProperty(event, 'target', { value: image });
    expect(describeValue(event)).toBe(`error event on ${image}`);
  });

  it('falls back to String() for what JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('[object Object]');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue('boom')).toBe('boom');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
  });
});
