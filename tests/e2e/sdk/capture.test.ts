import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type StoredEvent, waitForIssue } from '../harness/readApi';
import { openPage, sdkPage } from './sdkPages';
import { useSdkTestbed } from './sdkTestbed';

// Line numbers matter: the collector parses the raw stacks into these frames.
const APP = `function checkout(cart) {
  return cart.items.length;
}
function write() {
  throw new RangeError('disk full');
}
function save() {
  try {
    write();
  } catch (error) {
    throw new Error('save failed', { cause: error });
  }
}
window.save = save;
document.getElementById('buy').addEventListener('click', () => checkout(undefined));
window.throwString = () => {
  throw 'out of stock';
};
`;

describe('the SDK in Chromium reports to the collector', () => {
  const bed = useSdkTestbed('sdk-capture');

  beforeAll(() => {
    bed.server.serve('/app.js', APP);
  });
  beforeEach(() => {
    bed.server.serve(
      '/',
      sdkPage({ dsn: bed.project.dsn, release: 'shop@2.0.0', environment: 'e2e' }),
    );
  });

  it('a thrown error, with frames parsed from its raw stack', async () => {
    const { page, pageErrors } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.click('#buy');
    const { issue, event } = await waitForIssue(bed.collector, bed.project, /^TypeError: /);

    expect(issue.title).toBe("TypeError: Cannot read properties of undefined (reading 'items')");
    expect(event).toMatchObject({
      level: 'error',
      platform: 'javascript',
      release: 'shop@2.0.0',
      environment: 'e2e',
      request: { url: `${bed.server.origin}/` },
    });
    expect(event.request?.headers?.['User-Agent']).toMatch(/Chrome\//);
    const [value] = event.exception?.values ?? [];
    expect(value?.mechanism).toEqual({ type: 'onerror', handled: false });
    const crashFrame = value?.stacktrace?.frames.at(-1);
    expect(crashFrame).toMatchObject({
      function: 'checkout',
      filename: `${bed.server.origin}/app.js`,
      lineno: 2,
      colno: 15,
    });
    // The page still sees its own error; the SDK adds none.
    expect(pageErrors).toEqual(["Cannot read properties of undefined (reading 'items')"]);
  });

  it('a string rejection, described as Sentry does', async () => {
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(() => {
      Promise.reject('payment declined');
    });
    const { event } = await waitForIssue(bed.collector, bed.project, /UnhandledRejection/);
    expect(event.exception?.values[0]).toMatchObject({
      type: 'UnhandledRejection',
      value: 'payment declined',
      mechanism: { type: 'onunhandledrejection', handled: false },
    });
  });

  it('an object rejection, as JSON', async () => {
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(() => {
      Promise.reject({ code: 'E_QUOTA', retry: false });
    });
    const { event } = await waitForIssue(bed.collector, bed.project, /UnhandledRejection/);
    expect(event.exception?.values[0]?.value).toBe('{"code":"E_QUOTA","retry":false}');
  });

  it('an Event rejection (an image that failed to load), by its type and target', async () => {
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(() => {
      new Promise((_, reject) => {
        const image = new Image();
        image.onerror = reject;
        image.src = '/missing.png';
      });
    });
    const { event } = await waitForIssue(bed.collector, bed.project, /UnhandledRejection/);
    expect(event.exception?.values[0]).toMatchObject({
      type: 'UnhandledRejection',
      value: 'error event on [object HTMLImageElement]',
      mechanism: { type: 'onunhandledrejection', handled: false },
    });
  });

  it('an undefined rejection', async () => {
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(() => {
      Promise.reject();
    });
    const { issue } = await waitForIssue(bed.collector, bed.project, /UnhandledRejection/);
    expect(issue.title).toBe('UnhandledRejection: undefined');
  });

  it('a thrown non-Error, with the one frame the error event gives', async () => {
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(() => {
      setTimeout(() => (window as unknown as { throwString: () => void }).throwString());
    });
    const { issue, event } = await waitForIssue(bed.collector, bed.project, /out of stock/);
    expect(issue.title).toBe('Error: out of stock');
    const [value] = event.exception?.values ?? [];
    expect(value?.mechanism).toEqual({ type: 'onerror', handled: false });
    expect(value?.stacktrace?.frames.at(-1)).toMatchObject({
      filename: `${bed.server.origin}/app.js`,
      lineno: 17,
    });
  });

  it('a cause chain, oldest cause first, each with its own frames', async () => {
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(() => {
      setTimeout(() => (window as unknown as { save: () => void }).save());
    });
    const { issue, event } = await waitForIssue(bed.collector, bed.project, /save failed/);
    expect(issue.title).toBe('Error: save failed');
    const values = event.exception?.values ?? [];
    expect(values.map((value) => `${value.type}: ${value.value}`)).toEqual([
      'RangeError: disk full',
      'Error: save failed',
    ]);
    expect(values[0]?.stacktrace?.frames.at(-1)).toMatchObject({ function: 'write', lineno: 5 });
    expect(values[1]?.stacktrace?.frames.at(-1)).toMatchObject({ function: 'save', lineno: 11 });
  });

  it('captureException and captureMessage with the scope and capture context', async () => {
    const { page } = await openPage(bed.context, `${bed.server.origin}/`);
    await page.evaluate(() => {
      const sdk = (
        window as unknown as { Faultline: Record<string, (...args: unknown[]) => unknown> }
      ).Faultline;
      sdk.setUser?.({ id: 'u-42' });
      sdk.setTag?.('plan', 'pro');
      sdk.setContext?.('cart', { items: 3 });
      sdk.captureException?.(new Error('card declined'), {
        tags: { step: 'pay' },
        level: 'warning',
      });
      sdk.captureMessage?.('checkout opened', 'info');
    });
    const { event } = await waitForIssue(bed.collector, bed.project, 'Error: card declined');
    expect(event).toMatchObject({
      level: 'warning',
      user: { id: 'u-42' },
      tags: expect.objectContaining({ plan: 'pro', step: 'pay' }),
      contexts: expect.objectContaining({ cart: { items: 3 } }),
    });
    expect(event.exception?.values[0]?.mechanism).toEqual({ type: 'generic', handled: true });
    const message = await waitForIssue(bed.collector, bed.project, /checkout opened/);
    // Every event, a message too, says where, in what, from which release and SDK.
    for (const sent of [event, message.event] as (StoredEvent & { sdk?: unknown })[]) {
      expect(sent).toMatchObject({
        release: 'shop@2.0.0',
        environment: 'e2e',
        request: { url: `${bed.server.origin}/` },
        sdk: { name: 'faultline.browser', version: '0.1.0' },
      });
      expect(sent.request?.headers?.['User-Agent']).toMatch(/Chrome\//);
    }
    expect(message.event.level).toBe('info');
  });
});
