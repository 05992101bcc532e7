import { gzipSync, strToU8, zipSync } from 'fflate';
import type { ShopBuild } from './fixtures/sourcemaps/shopBuilds';
import { ADMIN_TOKEN, admin, type CreatedProject, call, envelope, sendEnvelope } from './helpers';

export async function sha1Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface BundleOptions {
  project?: string;
  /** What sentry-cli's `--url-prefix` makes of the dist/ layout; `~/` by default. */
  urlPrefix?: string;
  /** Replaces the map's content (a corrupt map). */
  mapText?: string;
  /**
   * The map's manifest type: sentry-cli lists a map it cannot parse as `minified_source`,
   * and then gives the script no `sourcemap` header.
   */
  mapType?: string;
  /** Extra zip entries (hostile zips). */
  extra?: Record<string, Uint8Array>;
  /** Leaves the debug IDs out, as an upload without `sourcemaps inject` has them. */
  withoutDebugIds?: boolean;
}

/** An artifact bundle as sentry-cli 3.x builds it from a dist/ folder (see PROTOCOL.md). */
export function shopBundle(build: ShopBuild, options: BundleOptions = {}): Uint8Array {
  const prefix = options.urlPrefix ?? '~/';
  const scriptUrl = `${prefix}${build.script}`;
  const name = build.script.slice(build.script.lastIndexOf('/') + 1);
  const idHeader = options.withoutDebugIds ? {} : { 'debug-id': build.debugId };
  const manifest = {
    files: {
      [`files/_/_/${build.script}`]: {
        type: 'minified_source',
        url: scriptUrl,
        headers:
          options.mapType === 'minified_source'
            ? idHeader
            : { ...idHeader, sourcemap: `${name}.map` },
      },
      [`files/_/_/${build.script}.map`]: {
        type: options.mapType ?? 'source_map',
        url: `${scriptUrl}.map`,
        headers: idHeader,
      },
    },
    debug_id: crypto.randomUUID(),
    org: 'any',
    project: options.project ?? '1',
  };
  return zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest)),
    [`files/_/_/${build.script}`]: strToU8(build.code),
    [`files/_/_/${build.script}.map`]: strToU8(options.mapText ?? build.map),
    ...options.extra,
  });
}

export function bearer(token: string): HeadersInit {
  return { Authorization: `Bearer ${token}` };
}

/** Uploads `bytes` as sentry-cli does: one gzip part per chunk, named by its SHA-1. */
export async function uploadChunks(bytes: Uint8Array, token = ADMIN_TOKEN): Promise<string[]> {
  const checksum = await sha1Hex(bytes);
  const form = new FormData();
  form.append('file_gzip', new File([gzipSync(bytes)], checksum));
  const response = await call('/api/0/organizations/any/chunk-upload/', {
    method: 'POST',
    headers: bearer(token),
    body: form,
  });
  if (response.status !== 200)
    throw new Error(`chunk upload: ${response.status} ${await response.text()}`);
  return [checksum];
}

export function assemble(
  body: { checksum: string; chunks: string[]; projects: string[]; version?: string },
  token = ADMIN_TOKEN,
): Promise<Response> {
  return call('/api/0/organizations/any/artifactbundle/assemble/', {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Chunk upload then assemble, as `sentry-cli sourcemaps upload` does; the assemble answer. */
export async function uploadBundle(
  zip: Uint8Array,
  projects: string[],
  options: { release?: string; token?: string } = {},
): Promise<Response> {
  const chunks = await uploadChunks(zip, options.token);
  return assemble(
    { checksum: await sha1Hex(zip), chunks, projects, version: options.release },
    options.token,
  );
}

export async function createToken(name: string, projects?: string[]): Promise<string> {
  const created = await admin<{ token: string }>('/api/0/tokens/', {
    method: 'POST',
    body: JSON.stringify({ name, scopes: ['project:releases'], projects }),
  });
  return created.token;
}

/** What the Faultline SDK sends for the shop's bug: the raw stack, parsed by the collector. */
export async function sendShopError(
  project: CreatedProject,
  build: ShopBuild,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const eventId = crypto.randomUUID().replace(/-/g, '');
  const event = {
    event_id: eventId,
    platform: 'javascript',
    exception: {
      values: [
        { type: 'Error', value: 'Cart is empty: nothing to check out', raw_stack: build.stack },
      ],
    },
    ...extra,
  };
  const response = await sendEnvelope(
    project,
    envelope({ event_id: eventId }, [{ type: 'event' }, event]),
  );
  if (response.status !== 200)
    throw new Error(`envelope: ${response.status} ${await response.text()}`);
  return eventId;
}

export interface StoredFrame {
  filename?: string;
  abs_path?: string;
  function?: string;
  lineno?: number;
  colno?: number;
  in_app?: boolean;
  context_line?: string;
  pre_context?: string[];
  post_context?: string[];
}

export interface StoredEvent {
  issueId: string;
  exception: {
    values: { stacktrace: { frames: StoredFrame[] }; raw_stacktrace?: { frames: StoredFrame[] } }[];
  };
  symbolication?: {
    symbolicated: boolean;
    frames: number;
    symbolicatedFrames: number;
    notes: { reason: string; url: string; detail?: string; frames: number }[];
  };
}

export function storedEvent(eventId: string): Promise<StoredEvent> {
  return admin<StoredEvent>(`/api/0/events/${eventId}/`);
}
