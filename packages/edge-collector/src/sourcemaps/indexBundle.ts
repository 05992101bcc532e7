import type { ArtifactBundle, ManifestFile } from './readBundle';
import { resolveReference, urlPath } from './urlPath';

/** One source map of a bundle and how events find it. */
export interface BundleMap {
  /** Entry path of the map in the zip. */
  path: string;
  debugId?: string;
  /** URL paths of the minified files it maps (what a frame's `abs_path` is matched on). */
  urlPaths: string[];
}

/**
 * Where a script's map is: its `sourcemap` header, else `<script>.map` as sentry-cli guesses
 * when the script has no `sourceMappingURL` comment (esbuild's `sourcemap: 'external'`).
 */
const referenceOf = (file: ManifestFile) =>
  file.headers.sourcemap ?? file.headers['x-sourcemap'] ?? `${file.url.replace(/[?#].*$/, '')}.map`;

/**
 * The bundle's source maps: files typed `source_map`, and files a script points at (see
 * `referenceOf`) whatever their type: sentry-cli types a map it cannot parse as a script,
 * and indexing it anyway lets events say the map is unreadable rather than missing.
 */
function mapsOf(files: Map<string, ManifestFile>): Map<string, ManifestFile> {
  const referenced = new Set<string>();
  for (const file of files.values()) {
    if (file.type === 'minified_source' && !file.url.endsWith('.map')) {
      referenced.add(resolveReference(file.url, referenceOf(file)));
    }
  }
  return new Map(
    [...files].filter(([, file]) => file.type === 'source_map' || referenced.has(file.url)),
  );
}

/** The map a minified file points at: its `sourcemap` header, else the same debug ID. */
function mapOf(file: ManifestFile, maps: Map<string, ManifestFile>): string | undefined {
  const reference = referenceOf(file);
  if (!reference.startsWith('data:')) {
    const target = resolveReference(file.url, reference);
    for (const [path, map] of maps) if (map.url === target) return path;
  }
  const debugId = file.headers['debug-id']?.toLowerCase();
  if (debugId) {
    for (const [path, map] of maps)
      if (map.headers['debug-id']?.toLowerCase() === debugId) return path;
  }
  return undefined;
}

/**
 * Which source maps a bundle holds, with their debug IDs and the URL paths of the minified
 * files that use them. A map no minified file claims is found by its own URL without
 * `.map` (`~/app.js.map` maps `/app.js`), as sentry-cli names them.
 */
export function indexBundle(bundle: ArtifactBundle): BundleMap[] {
  const maps = mapsOf(bundle.files);
  const indexed = new Map<string, BundleMap>();
  for (const [path, file] of maps) {
    const debugId = file.headers['debug-id']?.toLowerCase();
    indexed.set(path, { path, debugId, urlPaths: [] });
  }
  for (const [filePath, file] of bundle.files) {
    if (file.type !== 'minified_source' || maps.has(filePath)) continue;
    const target = mapOf(file, maps);
    const path = urlPath(file.url);
    const entry = target ? indexed.get(target) : undefined;
    if (!entry || !path) continue;
    entry.urlPaths.push(path);
    entry.debugId ??= file.headers['debug-id']?.toLowerCase();
  }
  for (const [path, entry] of indexed) {
    const own = urlPath(maps.get(path)?.url ?? '');
    if (entry.urlPaths.length === 0 && own?.endsWith('.map')) entry.urlPaths.push(own.slice(0, -4));
  }
  return [...indexed.values()];
}
