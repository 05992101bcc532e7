import { describe, expect, it } from 'vitest';
import { matches } from '../../src/lib/matches';

describe('matches', () => {
  it('matches a string pattern anywhere in the text', () => {
    expect(matches('TypeError: Script error.', ['Script error.'])).toBe(true);
    expect(matches('TypeError: x is undefined', ['Script error.'])).toBe(false);
  });

  it('tests RegExp patterns', () => {
    expect(matches('https://cdn.example.com/app.js', [/^https:\/\/cdn\./])).toBe(true);
    expect(matches('https://www.example.com/app.js', [/^https:\/\/cdn\./])).toBe(false);
  });

  it('never matches without text or without patterns', () => {
    expect(matches(undefined, [/x/])).toBe(false);
    expect(matches('x', undefined)).toBe(false);
  });
});
