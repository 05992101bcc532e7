import { describe, expect, it } from 'vitest';
import { normalizeFilename } from '../src/fingerprint/normalizeFilename';
import { normalizeFunction } from '../src/fingerprint/normalizeFunction';

describe('normalizeFilename', () => {
  it.each([
    ['http://shop.test/static/app.3f2a1b9c.js?v=7', 'app.js'],
    ['https://a.test/assets/index-BQ3cK5vy.js', 'index.js'],
    ['https://cdn.test/jquery-3.6.0.min.js#x', 'jquery.min.js'],
    ['https://a.test/js/chunk.123.js', 'chunk.js'],
    ['webpack:///./src/cart/Cart.tsx', 'Cart.tsx'],
    ['shop/views.py', 'views.py'],
    ['https://a.test/vendor.e3b0c442.chunk.js', 'vendor.chunk.js'],
  ])('turns %s into %s', (path, expected) => {
    expect(normalizeFilename(path)).toBe(expected);
  });
});

describe('normalizeFunction', () => {
  it.each([
    ['Cart.total', 'total'],
    ['Cart.prototype.total', 'total'],
    ['Object.total [as run]', 'total'],
    ['async total', 'total'],
    ['async*total', 'total'],
    ['new Cart', 'Cart'],
    ['outer/inner', 'inner'],
    ['total/<', ''],
    ['HTMLButtonElement.<anonymous>', ''],
    ['global code', ''],
    ['?', ''],
    ['e', ''],
    ['Xe', ''],
    [undefined, ''],
  ])('turns %s into "%s"', (name, expected) => {
    expect(normalizeFunction(name)).toBe(expected);
  });
});
