import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Breadcrumb } from '../../src/core/types';
import { DSN, loadSdk, restoreGlobals, settle } from '../helpers';

afterEach(() => {
  restoreGlobals();
  vi.restoreAllMocks();
});

const quietConsole = () => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    console[method] = () => {};
  }
};

/** Breadcrumbs of the next event captured. */
const crumbsOf = async (loaded: Awaited<ReturnType<typeof loadSdk>>) => {
  loaded.sdk.captureMessage(`probe ${Math.random()}`);
  const events = loaded.events();
  return (events[events.length - 1]?.breadcrumbs.values ?? []) as Breadcrumb[];
};

describe('automatic breadcrumbs', () => {
  it('record console calls with Sentry levels', async () => {
    quietConsole();
    const loaded = await loadSdk();
    loaded.sdk.init({ dsn: DSN });
    console.log('cart', 3);
    console.warn('slow');
    console.error('failed', { id: 1 });
    expect(await crumbsOf(loaded)).toMatchObject([
      { category: 'console', level: 'log', message: 'cart 3' },
      { category: 'console', level: 'warning', message: 'slow' },
      { category: 'console', level: 'error', message: 'failed [object Object]' },
    ]);
  });

  it('record clicks by a short selector, before the page handler runs', async () => {
    const loaded = await loadSdk();
    loaded.sdk.init({ dsn: DSN });
    document.body.innerHTML = '<button id="pay" class="btn">Pay</button>';
    const button = document.querySelector('button') as HTMLButtonElement;
    let crumbsAtClick: Breadcrumb[] = [];
    button.addEventListener('click', async () => {
      crumbsAtClick = await crumbsOf(loaded);
    });
    button.click();
    await settle();
    expect(crumbsAtClick.at(-1)).toMatchObject({ category: 'ui.click', message: 'button#pay.btn' });
  });

  it('record fetch calls with method, URL without secrets, status and duration', async () => {
    const loaded = await loadSdk(() => ({ status: 404 }));
    loaded.sdk.init({ dsn: DSN });
    await fetch('https://api.example.com/items?api_key=s3cr3t&page=2', { method: 'post' });
    await fetch(new Request('https://api.example.com/me'));
    await settle();
    const crumbs = await crumbsOf(loaded);
    expect(crumbs).toMatchObject([
      {
        type: 'http',
        category: 'fetch',
        level: 'error',
        data: {
          method: 'POST',
          url: 'https://api.example.com/items?api_key=&page=',
          status_code: 404,
        },
      },
      { category: 'fetch', data: { method: 'GET', url: 'https://api.example.com/me' } },
    ]);
    expect(typeof crumbs[0]?.data?.duration_ms).toBe('number');
    expect(JSON.stringify(crumbs)).not.toContain('s3cr3t');
  });

  it('never record the SDK’s own requests', async () => {
    const loaded = await loadSdk();
    loaded.sdk.init({ dsn: DSN });
    loaded.sdk.captureException(new Error('first'));
    await settle();
    expect(await crumbsOf(loaded)).toEqual([]);
  });

  it('record XMLHttpRequests when they end', async () => {
    // A minimal XHR: the SDK only wraps open and listens for loadend.
    class FakeXhr extends EventTarget {
      status = 0;
      open(_method: string, _url: string) {}
      finish(status: number) {
        this.status = status;
        this.dispatchEvent(new Event('loadend'));
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const loaded = await loadSdk();
    loaded.sdk.init({ dsn: DSN });
    const xhr = new FakeXhr();
    xhr.open('get', '/search?q=ada&token=t0k');
    xhr.finish(200);
    vi.unstubAllGlobals();
    expect(await crumbsOf(loaded)).toMatchObject([
      {
        type: 'http',
        category: 'xhr',
        level: 'info',
        data: { method: 'GET', url: '/search?q=&token=', status_code: 200 },
      },
    ]);
  });

  it('record SPA navigations without query values', async () => {
    const loaded = await loadSdk();
    const from = location.href;
    loaded.sdk.init({ dsn: DSN });
    history.pushState({}, '', '/orders?id=42');
    history.replaceState({}, '', '/orders?id=42'); // no change, no crumb
    expect(await crumbsOf(loaded)).toMatchObject([
      { category: 'navigation', data: { from, to: `${location.origin}/orders?id=` } },
    ]);
  });

  it('can each be switched off, or all at once', async () => {
    quietConsole();
    const loaded = await loadSdk();
    loaded.sdk.init({ dsn: DSN, breadcrumbs: { console: false } });
    console.error('not recorded');
    history.pushState({}, '', '/recorded');
    expect((await crumbsOf(loaded)).map((crumb) => crumb.category)).toEqual(['navigation']);

    restoreGlobals();
    quietConsole();
    const off = await loadSdk();
    off.sdk.init({ dsn: DSN, breadcrumbs: false });
    const { warn } = console;
    expect(warn).toBe(console.warn);
    console.warn('not recorded');
    expect(await crumbsOf(off)).toEqual([]);
  });
});

describe('the breadcrumb trail', () => {
  it('keeps the last maxBreadcrumbs, oldest first', async () => {
    const loaded = await loadSdk();
    loaded.sdk.init({ dsn: DSN, maxBreadcrumbs: 3, breadcrumbs: false });
    for (let i = 1; i <= 5; i++) loaded.sdk.addBreadcrumb({ message: `step ${i}` });
    expect((await crumbsOf(loaded)).map((crumb) => crumb.message)).toEqual([
      'step 3',
      'step 4',
      'step 5',
    ]);
  });

  it('goes through beforeBreadcrumb, which may change or drop each one', async () => {
    const loaded = await loadSdk();
    loaded.sdk.init({
      dsn: DSN,
      breadcrumbs: false,
      beforeBreadcrumb: (crumb) =>
        crumb.message === 'secret' ? null : { ...crumb, message: crumb.message?.toUpperCase() },
    });
    loaded.sdk.addBreadcrumb({ message: 'secret' });
    loaded.sdk.addBreadcrumb({ message: 'public', category: 'auth' });
    expect(await crumbsOf(loaded)).toMatchObject([{ message: 'PUBLIC', category: 'auth' }]);
  });

  it('does not recurse when beforeBreadcrumb logs', async () => {
    quietConsole();
    const loaded = await loadSdk();
    let calls = 0;
    loaded.sdk.init({
      dsn: DSN,
      beforeBreadcrumb: (crumb) => {
        calls++;
        console.log('saw', crumb.category);
        return crumb;
      },
    });
    console.info('hello');
    expect(calls).toBe(1);
  });

  it('stamps each breadcrumb in seconds', async () => {
    const loaded = await loadSdk();
    loaded.sdk.init({ dsn: DSN, breadcrumbs: false });
    loaded.sdk.addBreadcrumb({ message: 'now' });
    const [crumb] = await crumbsOf(loaded);
    expect(crumb?.timestamp).toBeCloseTo(Date.now() / 1e3, -1);
  });
});
