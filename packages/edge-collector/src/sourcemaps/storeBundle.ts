import { insertBundle, type MapIndexRecord } from '../store/artifactBundles';
import { indexBundle } from './indexBundle';
import { prepareSourceMap } from './prepareSourceMap';
import { bundleKey, mapKey } from './r2Keys';
import type { ArtifactBundle } from './readBundle';

export interface BundleTarget {
  projectId: number;
  checksum: string;
  release: string | null;
  dist: string | null;
  now: number;
}

/**
 * Stores an opened bundle for one project: the zip and each source map prepared for
 * symbolication in R2, then the map index in D1 (last, so an index row never points at
 * an object not yet written). A map that cannot be read is indexed with the reason, so
 * events that need it say why they stay minified.
 */
export async function storeBundle(
  bucket: R2Bucket,
  db: D1Database,
  zip: Uint8Array,
  bundle: ArtifactBundle,
  target: BundleTarget,
): Promise<{ maps: number; problems: number }> {
  const { projectId, checksum } = target;
  const rows: MapIndexRecord[] = [];
  await bucket.put(bundleKey(projectId, checksum), zip);
  let problems = 0;
  // One map at a time: memory holds the zip and one map, however many the bundle has.
  for (const [index, map] of indexBundle(bundle).entries()) {
    const content = bundle.read(map.path);
    const prepared = content
      ? prepareSourceMap(content)
      : { ok: false as const, problem: 'the source map is missing from the bundle' };
    const key = mapKey(projectId, checksum, index);
    if (prepared.ok) await bucket.put(key, prepared.text);
    else problems++;
    const debugId = map.debugId ?? (prepared.ok ? prepared.debugId : undefined) ?? null;
    const problem = prepared.ok ? null : prepared.problem;
    const base = { debugId, release: target.release, mapKey: key, problem };
    if (map.urlPaths.length === 0) rows.push({ ...base, urlPath: null });
    for (const urlPath of map.urlPaths) rows.push({ ...base, urlPath });
  }
  await insertBundle(
    db,
    {
      projectId,
      checksum,
      bundleId: bundle.manifest.debugId ?? null,
      release: target.release,
      dist: target.dist,
      size: zip.length,
      mapCount: rows.length,
      createdAt: target.now,
    },
    rows,
  );
  return { maps: rows.length - problems, problems };
}
