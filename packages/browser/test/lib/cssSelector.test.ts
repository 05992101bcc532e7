import { describe, expect, it } from 'vitest';
import { cssSelector } from '../../src/lib/cssSelector';

describe('cssSelector', () => {
  it('names an element by tag, id and classes', () => {
    document.body.innerHTML = '<button id="pay" class="btn primary">Pay</button>';
    expect(cssSelector(document.querySelector('button'))).toBe('button#pay.btn.primary');
  });

  it('does without an id', () => {
    document.body.innerHTML = '<a class="nav  active" href="#">Home</a>';
    expect(cssSelector(document.querySelector('a'))).toBe('a.nav.active');
  });

  it('is empty for targets that are not elements', () => {
    expect(cssSelector(window)).toBe('');
    expect(cssSelector(null)).toBe('');
  });
});
