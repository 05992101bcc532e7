import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreGlobals } from './helpers';

afterEach(() => {
  restoreGlobals();
  delete (window as { Faultline?: unknown }).Faultline;
});

const loadAddon = async (faultline: object | undefined) => {
  (window as { Faultline?: unknown }).Faultline = faultline;
  vi.resetModules();
  await import('../src/breadcrumbsAddon');
};

describe('the breadcrumbs add-on', () => {
  it('wraps Faultline.init to install the breadcrumbs, fed to Faultline.addBreadcrumb', async () => {
    const init = vi.fn();
    const addBreadcrumb = vi.fn();
    const faultline = { init, addBreadcrumb } as Record<string, (...args: unknown[]) => void>;
    await loadAddon(faultline);
    faultline.init?.({ dsn: 'https://k@h/1', breadcrumbs: { console: false } });
    expect(init).toHaveBeenCalledWith({ dsn: 'https://k@h/1', breadcrumbs: { console: false } });
    history.pushState({}, '', '/next');
    expect(addBreadcrumb).toHaveBeenCalledWith(expect.objectContaining({ category: 'navigation' }));
    console.warn = vi.fn();
    console.warn('console is off');
    expect(addBreadcrumb).toHaveBeenCalledTimes(1);
  });

  it('offers installBreadcrumbs for the loader, which calls init before the add-on arrives', async () => {
    const addBreadcrumb = vi.fn();
    const faultline = { init: vi.fn(), addBreadcrumb } as Record<
      string,
      (...args: unknown[]) => void
    >;
    await loadAddon(faultline);
    faultline.installBreadcrumbs?.({ dsn: 'https://k@h/1' });
    history.pushState({}, '', '/elsewhere');
    expect(addBreadcrumb).toHaveBeenCalledTimes(1);
  });

  it('does nothing, and throws nothing, without the core on the page', async () => {
    await expect(loadAddon(undefined)).resolves.toBeUndefined();
  });
});
