import { type UnzipFileFilter, unzipSync } from 'fflate';
import { ClientError } from '../http/ClientError';
import { UPLOAD_LIMITS } from './uploadLimits';

/** One file of an artifact bundle as its manifest describes it. */
export interface ManifestFile {
  type: string;
  /** `~/assets/app.js`, or a full URL. */
  url: string;
  /** Header names lowercased: `debug-id`, `sourcemap`. */
  headers: Record<string, string>;
}

export interface ArtifactBundle {
  manifest: {
    debugId?: string;
    project?: string;
    release?: string;
    dist?: string;
  };
  /** Entry path in the zip → what the manifest says of it. */
  files: Map<string, ManifestFile>;
  /**
   * Inflates one entry. Entries are inflated one at a time, when needed, so a bundle never
   * holds more than the zip and one inflated file in memory.
   */
  read(path: string): Uint8Array | undefined;
}

/** A zip entry name that stays inside the bundle: relative, no `..`, no backslash or drive. */
function isSafePath(name: string): boolean {
  if (!name || name.startsWith('/') || name.includes('\\') || /^[a-z]:/i.test(name)) return false;
  return !name.split('/').some((segment) => segment === '..');
}

/** Checks every entry's name and declared size from the zip's directory, inflating none. */
function checkEntries(zip: Uint8Array): Set<string> {
  const names = new Set<string>();
  let total = 0;
  unzip(zip, (entry) => {
    if (names.size >= UPLOAD_LIMITS.files) {
      throw new ClientError(400, `bundle has more than ${UPLOAD_LIMITS.files} files`);
    }
    if (!isSafePath(entry.name)) {
      throw new ClientError(400, `bundle entry ${JSON.stringify(entry.name)} escapes the bundle`);
    }
    if (entry.originalSize > UPLOAD_LIMITS.fileBytes) {
      throw new ClientError(
        413,
        `bundle entry ${entry.name} inflates to over ${UPLOAD_LIMITS.fileBytes} bytes`,
      );
    }
    const ratio = entry.originalSize / Math.max(1, entry.size);
    if (entry.originalSize > 1024 * 1024 && ratio > UPLOAD_LIMITS.compressionRatio) {
      throw new ClientError(
        413,
        `bundle entry ${entry.name} is compressed ${Math.round(ratio)}:1 (a zip bomb?)`,
      );
    }
    total += entry.originalSize;
    if (total > UPLOAD_LIMITS.totalInflatedBytes) {
      throw new ClientError(
        413,
        `bundle inflates to over ${UPLOAD_LIMITS.totalInflatedBytes} bytes`,
      );
    }
    names.add(entry.name);
    return false;
  });
  return names;
}

/** fflate's unzip with a filter; what it throws for a broken zip becomes a 400. */
function unzip(zip: Uint8Array, filter: UnzipFileFilter): Record<string, Uint8Array> {
  try {
    return unzipSync(zip, { filter });
  } catch (error) {
    if (error instanceof ClientError) throw error;
    throw new ClientError(400, `bundle is not a valid zip: ${(error as Error).message}`);
  }
}

/** One entry, inflated no further than its declared (already checked) size. */
function inflateEntry(zip: Uint8Array, path: string): Uint8Array | undefined {
  return unzip(zip, (entry) => entry.name === path)[path];
}

function parseManifest(bytes: Uint8Array | undefined): Record<string, unknown> {
  if (!bytes) throw new ClientError(400, 'bundle has no manifest.json');
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {}
  throw new ClientError(400, 'bundle manifest.json is not a JSON object');
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

function parseFile(path: string, value: unknown): ManifestFile {
  const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const url = text(entry.url);
  if (!url) throw new ClientError(400, `manifest entry ${path} has no url`);
  const headers: Record<string, string> = {};
  if (typeof entry.headers === 'object' && entry.headers !== null) {
    for (const [name, header] of Object.entries(entry.headers)) {
      if (typeof header === 'string') headers[name.toLowerCase()] = header;
    }
  }
  return { type: text(entry.type) ?? '', url, headers };
}

/**
 * Opens an artifact bundle as sentry-cli builds it: a zip with `manifest.json` listing each
 * file's type, `~/` URL and headers. Refuses, with a 4xx saying why, zips that are not
 * zips, entries that escape the bundle, zip bombs and manifests naming missing files.
 */
export function readBundle(zip: Uint8Array): ArtifactBundle {
  const names = checkEntries(zip);
  const manifest = parseManifest(
    names.has('manifest.json') ? inflateEntry(zip, 'manifest.json') : undefined,
  );
  const listed = manifest.files;
  if (typeof listed !== 'object' || listed === null) {
    throw new ClientError(400, 'bundle manifest.json has no files');
  }
  const files = new Map<string, ManifestFile>();
  for (const [path, value] of Object.entries(listed)) {
    if (!isSafePath(path))
      throw new ClientError(400, `manifest path ${JSON.stringify(path)} escapes the bundle`);
    if (!names.has(path)) throw new ClientError(400, `manifest lists ${path}, which the zip lacks`);
    files.set(path, parseFile(path, value));
  }
  return {
    manifest: {
      debugId: text(manifest.debug_id),
      project: text(manifest.project),
      release: text(manifest.release),
      dist: text(manifest.dist),
    },
    files,
    read: (path) => (names.has(path) ? inflateEntry(zip, path) : undefined),
  };
}
