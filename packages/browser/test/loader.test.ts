import { afterEach, describe, expect, it, vi } from 'vitest';
import { rejection, restoreGlobals, uncaught } from './helpers';

type Api = Record<string, (...args: unknown[]) => unknown>;
const page = window as unknown as { Faultline?: Api };

afterEach(() => {
  restoreGlobals();
  vi.restoreAllMocks();
  delete page.Faultline;
});

/**
 * Runs the loader as a `<script src=…/loader.min.js>` would, keeping the
 * scripts it adds (to load them by hand) instead of fetching them.
 */
async function runLoader(attributes: {
  src?: string;
  dataSrc?: string;
  debug?: true;
  tracing?: true;
}) {
  const current = document.createElement('script');
  if (attributes.src) current.src = attributes.src;
  if (attributes.dataSrc) current.dataset.src = attributes.dataSrc;
  if (attributes.debug) current.setAttribute('data-debug', '');
  if (attributes.tracing) current.setAttribute('data-tracing', '');
  vi.spyOn(document, 'currentScript', 'get').mockReturnValue(current);
  const added: HTMLScriptElement[] = [];
  vi.spyOn(document.head, 'appendChild').mockImplementation((node) => {
    added.push(node as HTMLScriptElement);
    return node;
  });
  vi.resetModules();
  // @ts-expect-error: a script, not a module; importing it runs it.
  await import('../src/loader');
  /** The bundle at `index` arrives and runs `define` (which sets window.Faultline). */
  const arrive = (index: number, define: () => void) => {
    define();
    (added[index] as HTMLScriptElement & { onload: () => void }).onload();
  };
  return { added, arrive };
}

/** A stand-in for the bundle that records every call made on it. */
const recordingApi = () => {
  const calls: unknown[][] = [];
  const api: Api = {};
  for (const name of [
    'init',
    'captureException',
    'captureMessage',
    'setTag',
    'captureErrorEvent',
    'installBreadcrumbs',
  ]) {
    api[name] = (...args) => calls.push([name, ...args]);
  }
  return { api, calls };
};

describe('the loader snippet', () => {
  it('queues calls, errors and rejections, then replays them: init first, the rest in order', async () => {
    const { added, arrive } = await runLoader({ src: 'https://cdn.example.com/sdk/loader.min.js' });
    const error = uncaught(new TypeError('early'));
    const rejected = rejection('early rejection');
    page.Faultline?.setTag?.('step', 'boot');
    window.dispatchEvent(error);
    page.Faultline?.captureMessage?.('early message', 'warning');
    window.dispatchEvent(rejected);
    page.Faultline?.init?.({ dsn: 'https://key@errors.example.com/1' });

    expect(added.map((script) => script.src)).toEqual([
      'https://cdn.example.com/sdk/faultline.min.js',
    ]);
    const { api, calls } = recordingApi();
    arrive(0, () => {
      page.Faultline = api;
    });
    expect(calls).toEqual([
      ['init', { dsn: 'https://key@errors.example.com/1' }],
      ['setTag', 'step', 'boot'],
      ['captureErrorEvent', error],
      ['captureMessage', 'early message', 'warning'],
      ['captureErrorEvent', rejected],
    ]);

    // Then the breadcrumbs add-on, from beside the bundle, installed with init's options.
    expect(added[1]?.src).toBe('https://cdn.example.com/sdk/breadcrumbs.min.js');
    arrive(1, () => {});
    expect(calls.at(-1)).toEqual([
      'installBreadcrumbs',
      { dsn: 'https://key@errors.example.com/1' },
    ]);
  });

  it('stops queueing once the bundle has replaced it', async () => {
    const { arrive } = await runLoader({ dataSrc: '/assets/faultline.min.js' });
    const { api, calls } = recordingApi();
    arrive(0, () => {
      page.Faultline = api;
    });
    window.dispatchEvent(uncaught(new Error('after the bundle')));
    expect(calls).toEqual([]); // the bundle's own listeners report it, not the loader
  });

  it('queues events only while under 100 entries, calls always', async () => {
    const { arrive } = await runLoader({ dataSrc: '/assets/faultline.min.js' });
    page.Faultline?.init?.({ dsn: 'https://key@errors.example.com/1' });
    for (let i = 0; i < 150; i++) window.dispatchEvent(uncaught(new Error(`frame ${i}`)));
    page.Faultline?.captureMessage?.('still queued');
    const { api, calls } = recordingApi();
    arrive(0, () => {
      page.Faultline = api;
    });
    expect(calls.filter(([name]) => name === 'captureErrorEvent')).toHaveLength(99);
    expect(calls[0]?.[0]).toBe('init');
    expect(calls.at(-1)).toEqual(['captureMessage', 'still queued']);
  });

  it('loads the bundle named by data-src when inlined', async () => {
    const { added } = await runLoader({ dataSrc: '/assets/faultline.min.js' });
    expect(added[0]?.getAttribute('src')).toBe('/assets/faultline.min.js');
  });

  it('loads the debug build, and the add-on beside it, when its tag has data-debug', async () => {
    const { added, arrive } = await runLoader({
      src: 'https://cdn.example.com/sdk/loader.min.js',
      debug: true,
    });
    expect(added[0]?.getAttribute('src')).toBe(
      'https://cdn.example.com/sdk/faultline.debug.min.js',
    );
    arrive(0, () => {
      page.Faultline = recordingApi().api;
    });
    expect(added[1]?.getAttribute('src')).toBe('https://cdn.example.com/sdk/breadcrumbs.min.js');
  });

  it('loads the tracing bundle when its tag has data-tracing; startSpan runs its callback meanwhile', async () => {
    const { added, arrive } = await runLoader({
      src: 'https://cdn.example.com/sdk/loader.min.js',
      tracing: true,
    });
    expect(added[0]?.getAttribute('src')).toBe(
      'https://cdn.example.com/sdk/faultline.tracing.min.js',
    );
    expect(page.Faultline?.startSpan?.({ name: 'early' }, () => 'ran')).toBe('ran');
    page.Faultline?.setTransactionName?.('/orders/:id');
    const { api, calls } = recordingApi();
    api.setTransactionName = (...args) => calls.push(['setTransactionName', ...args]);
    arrive(0, () => {
      page.Faultline = api;
    });
    expect(calls).toContainEqual(['setTransactionName', '/orders/:id']);
  });

  it('installs the breadcrumbs for an init called after the bundle, before the add-on', async () => {
    const { arrive } = await runLoader({ src: 'https://cdn.example.com/loader.js' });
    const { api, calls } = recordingApi();
    arrive(0, () => {
      page.Faultline = api;
    });
    expect(calls).toEqual([]);
    page.Faultline?.init?.({ dsn: 'https://key@errors.example.com/1' });
    arrive(1, () => {});
    expect(calls).toEqual([
      ['init', { dsn: 'https://key@errors.example.com/1' }],
      ['installBreadcrumbs', { dsn: 'https://key@errors.example.com/1' }],
    ]);
  });

  it('installs no breadcrumbs, and throws nothing, when init was never called', async () => {
    const { arrive } = await runLoader({ src: 'https://cdn.example.com/loader.js' });
    const { api, calls } = recordingApi();
    arrive(0, () => {
      page.Faultline = api;
    });
    expect(() => arrive(1, () => {})).not.toThrow();
    expect(calls).toEqual([]);
  });
});
