import { describe, expect, it } from 'vitest';
import { SHOP_BUILDS } from './fixtures/sourcemaps/shopBuilds';
import { admin, type CreatedProject, createProject } from './helpers';
import {
  type StoredEvent,
  sendShopError,
  shopBundle,
  storedEvent,
  uploadBundle,
} from './sourceMapHelpers';

const { first, rebuild } = SHOP_BUILDS;

/** The note about the minified script (the page's own inline frame has one too). */
function scriptNote(event: StoredEvent) {
  return event.symbolication?.notes.find((note) => note.url === first.url);
}

async function projectWithBundle(
  name: string,
  release?: string,
  options = {},
): Promise<CreatedProject> {
  const project = await createProject(name);
  const response = await uploadBundle(
    shopBundle(first, { project: project.id, ...options }),
    [project.id],
    {
      release,
    },
  );
  expect(await response.json()).toMatchObject({ state: 'ok' });
  return project;
}

describe('symbolication at ingest', () => {
  it('maps the Faultline SDK raw stack by release and URL path to original files, lines, functions and context', async () => {
    const project = await projectWithBundle('by-release', 'shop@1.0.0');
    const event = await storedEvent(await sendShopError(project, first, { release: 'shop@1.0.0' }));
    const [exception] = event.exception.values;
    const frames = exception?.stacktrace.frames ?? [];
    // Oldest first: the page's own inline call (no map), onBuy, checkout, validateCart.
    expect(frames.slice(1).map((f) => [f.filename, f.function, f.lineno])).toEqual([
      ['src/main.js', 'Object.n [as onBuy]', 7],
      ['src/cart.js', 'checkout', 3],
      ['src/cart.js', 'validateCart', 9],
    ]);
    const crash = frames[3];
    expect(crash?.context_line).toBe("    throw new Error('Cart is empty: nothing to check out');");
    expect(crash?.pre_context).toEqual([
      '  return cart.items.reduce((sum, item) => sum + item.price, 0);',
      '}',
      '',
      'function validateCart(cart) {',
      '  if (cart.items.length === 0) {',
    ]);
    expect(crash?.post_context?.slice(0, 2)).toEqual(['  }', '  for (const item of cart.items) {']);
    expect(crash?.in_app).toBe(true);
    expect(crash?.abs_path).toBe('../../src/cart.js');
    // The minified frames as sent stay beside them.
    expect(exception?.raw_stacktrace?.frames[3]).toMatchObject({
      function: 'c',
      abs_path: `https://shop.example.com/${first.script}`,
      lineno: 3,
      colno: 110,
    });
    expect(event.symbolication).toMatchObject({
      symbolicated: false,
      frames: 4,
      symbolicatedFrames: 3,
    });
    expect(event.symbolication?.notes).toEqual([
      expect.objectContaining({
        reason: 'no_source_map',
        url: 'https://shop.example.com/',
        frames: 1,
      }),
    ]);
  });

  it('maps frames by the debug IDs of debug_meta.images, with no release', async () => {
    const project = await projectWithBundle('by-debug-id');
    const debugMeta = {
      images: [{ type: 'sourcemap', code_file: first.url, debug_id: first.debugId }],
    };
    const event = await storedEvent(await sendShopError(project, first, { debug_meta: debugMeta }));
    const frames = event.exception.values[0]?.stacktrace.frames ?? [];
    expect(frames.at(-1)).toMatchObject({
      filename: 'src/cart.js',
      function: 'validateCart',
      lineno: 9,
    });
  });

  it('groups the same bug from a rebuild with moved columns and renamed minified functions into one issue', async () => {
    const project = await projectWithBundle('rebuild', 'shop@1');
    const second = await uploadBundle(shopBundle(rebuild, { project: project.id }), [project.id], {
      release: 'shop@2',
    });
    expect(second.status).toBe(200);
    const before = await storedEvent(await sendShopError(project, first, { release: 'shop@1' }));
    const after = await storedEvent(await sendShopError(project, rebuild, { release: 'shop@2' }));
    expect(after.symbolication?.symbolicatedFrames).toBe(3);
    expect(after.issueId).toBe(before.issueId);
    // Grouped by the original frames: the culprit names the original function and file.
    const issue = await admin<{ culprit: string; count: number }>(
      `/api/0/issues/${after.issueId}/`,
    );
    expect(issue).toMatchObject({ culprit: 'validateCart(cart.js)', count: 2 });
  });

  it('keeps frames as sent with a note when no map matches: unknown release, no release, unknown debug ID', async () => {
    const project = await projectWithBundle('misses', 'shop@1');
    const wrongRelease = await storedEvent(
      await sendShopError(project, first, { release: 'shop@9' }),
    );
    expect(wrongRelease.exception.values[0]?.stacktrace.frames.at(-1)).toMatchObject({
      function: 'c',
      colno: 110,
    });
    expect(wrongRelease.symbolication).toMatchObject({
      symbolicated: false,
      symbolicatedFrames: 0,
    });
    expect(scriptNote(wrongRelease)).toMatchObject({
      reason: 'no_source_map',
      url: first.url,
      frames: 3,
    });
    const noRelease = await storedEvent(await sendShopError(project, first));
    expect(scriptNote(noRelease)?.detail).toContain('no release');
    const debugMeta = {
      images: [{ type: 'sourcemap', code_file: first.url, debug_id: crypto.randomUUID() }],
    };
    const unknownId = await storedEvent(
      await sendShopError(project, first, { debug_meta: debugMeta }),
    );
    expect(scriptNote(unknownId)?.reason).toBe('no_matching_debug_id');
  });

  it.each([['source_map'], ['minified_source']])(
    'stores the event with a note when the uploaded map is corrupt (typed %s)',
    async (mapType) => {
      const mapText = '{"version":3,"mappings":';
      const project = await projectWithBundle(`corrupt-${mapType}`, 'shop@1', { mapText, mapType });
      const event = await storedEvent(await sendShopError(project, first, { release: 'shop@1' }));
      expect(event.exception.values[0]?.stacktrace.frames.at(-1)).toMatchObject({ function: 'c' });
      expect(scriptNote(event)).toMatchObject({
        reason: 'unreadable_source_map',
        detail: 'the source map is not valid JSON',
      });
    },
  );

  it('maps frames of a map without sourcesContent and says the context is missing', async () => {
    const withoutSources = JSON.stringify({ ...JSON.parse(first.map), sourcesContent: undefined });
    const project = await projectWithBundle('no-content', 'shop@1', { mapText: withoutSources });
    const event = await storedEvent(await sendShopError(project, first, { release: 'shop@1' }));
    const crash = event.exception.values[0]?.stacktrace.frames.at(-1);
    expect(crash).toMatchObject({ filename: 'src/cart.js', lineno: 9 });
    expect(crash?.context_line).toBeUndefined();
    expect(event.symbolication?.notes.map((n) => n.reason)).toContain('missing_source_content');
  });
});
