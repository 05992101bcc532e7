// @vitest-environment node
import { expect, it } from 'vitest';

// Apps that render on the server import the same module there: no window,
// no document, no localStorage. Importing and calling must not throw.
it('imports and runs without a browser, sending nothing and throwing nothing', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  const sdk = await import('../../src/index');
  expect(() => {
    sdk.init({ dsn: 'https://key@errors.example.com/1' });
    sdk.captureException(new Error('on the server'));
    sdk.captureMessage('on the server');
    sdk.addBreadcrumb({ message: 'on the server' });
  }).not.toThrow();
});
