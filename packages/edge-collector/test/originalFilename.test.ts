import { describe, expect, it } from 'vitest';
import { urlPath } from '../src/sourcemaps/urlPath';
import { isInAppSource, originalFilename } from '../src/symbolicate/originalFilename';

describe('original sources', () => {
  it('are shown relative to the project, whatever the bundler wrote', () => {
    expect(originalFilename('webpack://shop/./src/cart.js')).toBe('src/cart.js');
    expect(originalFilename('../../src/cart.ts')).toBe('src/cart.ts');
    expect(originalFilename('./src/main.tsx')).toBe('src/main.tsx');
    expect(originalFilename('file:///home/ci/app/src/x.ts')).toBe('/home/ci/app/src/x.ts');
  });

  it('are not in-app in node_modules or the bundler runtime', () => {
    expect(isInAppSource('../../src/cart.js')).toBe(true);
    expect(isInAppSource('../node_modules/@sentry/core/build/esm/scope.js')).toBe(false);
    expect(isInAppSource('webpack://shop/webpack/runtime/jsonp chunk loading')).toBe(false);
    expect(isInAppSource('\u0000commonjsHelpers.js')).toBe(false);
    expect(isInAppSource('vite/preload-helper.js')).toBe(false);
  });
});

describe('URL paths', () => {
  it('match a ~/ artifact on any host, without query or fragment', () => {
    expect(urlPath('~/assets/app.js')).toBe('/assets/app.js');
    expect(urlPath('https://cdn.example.com/assets/app.js?v=3#x')).toBe('/assets/app.js');
    expect(urlPath('http://127.0.0.1:8080/assets/app.js')).toBe('/assets/app.js');
    expect(urlPath('<anonymous>')).toBeNull();
  });
});
