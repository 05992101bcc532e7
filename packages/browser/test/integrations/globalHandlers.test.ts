import { afterEach, describe, expect, it } from 'vitest';
import { DSN, loadSdk, rejection, restoreGlobals, uncaught } from '../helpers';

afterEach(restoreGlobals);

const start = async () => {
  const loaded = await loadSdk();
  loaded.sdk.init({ dsn: DSN, breadcrumbs: false });
  return loaded;
};

describe('uncaught errors', () => {
  it('are captured unhandled, with the raw stack', async () => {
    const { events } = await start();
    const error = new TypeError("Cannot read properties of undefined (reading 'items')");
    window.dispatchEvent(uncaught(error));
    expect(events()[0]?.exception?.values).toEqual([
      {
        type: 'TypeError',
        value: "Cannot read properties of undefined (reading 'items')",
        raw_stack: error.stack,
        mechanism: { type: 'onerror', handled: false },
      },
    ]);
  });

  it('without an Error object carry the message and one frame from filename, line and column', async () => {
    const { events } = await start();
    window.dispatchEvent(
      new ErrorEvent('error', {
        message: 'Uncaught boom',
        filename: 'https://shop.example.com/app.js',
        lineno: 12,
        colno: 7,
      }),
    );
    expect(events()[0]?.exception?.values).toEqual([
      {
        type: 'Error',
        value: 'Uncaught boom',
        mechanism: { type: 'onerror', handled: false },
        stacktrace: {
          frames: [
            { filename: 'https://shop.example.com/app.js', lineno: 12, colno: 7, function: '?' },
          ],
        },
      },
    ]);
  });

  it('describe a thrown non-Error and keep its position', async () => {
    const { events } = await start();
    window.dispatchEvent(
      uncaught({ code: 7 }, { filename: 'https://shop.example.com/a.js', lineno: 1, colno: 2 }),
    );
    const [value] = events()[0]?.exception?.values ?? [];
    expect(value).toMatchObject({ type: 'Error', value: '{"code":7}' });
    expect(value?.stacktrace?.frames[0]).toMatchObject({ lineno: 1, colno: 2 });
  });

  it('from a cross-origin script ("Script error.") are dropped by default', async () => {
    const { requests } = await start();
    window.dispatchEvent(
      new ErrorEvent('error', { message: 'Script error.', filename: '', lineno: 0 }),
    );
    expect(requests).toHaveLength(0);
  });

  it('are reported once with their cause chain', async () => {
    const { events } = await start();
    const cause = new Error('connection reset');
    window.dispatchEvent(uncaught(new Error('sync failed', { cause })));
    expect(events()[0]?.exception?.values.map((value) => value.value)).toEqual([
      'connection reset',
      'sync failed',
    ]);
  });
});

describe('unhandled rejections', () => {
  it('with an Error are captured unhandled', async () => {
    const { events } = await start();
    window.dispatchEvent(rejection(new Error('Payment service unavailable')));
    expect(events()[0]?.exception?.values[0]).toMatchObject({
      type: 'Error',
      value: 'Payment service unavailable',
      mechanism: { type: 'onunhandledrejection', handled: false },
    });
  });

  it('with a string, an object, an Event or undefined are described', async () => {
    const { events } = await start();
    const image = document.createElement('img');
    const loadError = new Event('error');
    Object.defineProperty(loadError, 'target', { value: image });
    for (const reason of ['timeout', { status: 404 }, loadError, undefined]) {
      window.dispatchEvent(rejection(reason));
    }
    expect(events().map((event) => event.exception?.values[0])).toEqual(
      ['timeout', '{"status":404}', `error event on ${image}`, 'undefined'].map((value) => ({
        type: 'UnhandledRejection',
        value,
        mechanism: { type: 'onunhandledrejection', handled: false },
      })),
    );
  });
});

describe('captureErrorEvent', () => {
  it('reports an event caught elsewhere (the loader snippet) as if it were uncaught', async () => {
    const { sdk, events } = await start();
    sdk.captureErrorEvent(uncaught(new RangeError('too far')));
    expect(events()[0]?.exception?.values[0]).toMatchObject({
      type: 'RangeError',
      mechanism: { type: 'onerror', handled: false },
    });
  });
});
