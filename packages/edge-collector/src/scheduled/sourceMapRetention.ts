import { DEFAULT_PROJECT_SETTINGS } from '../projects/ProjectSettings';
import { bundleKey, CHUNK_PREFIX, mapPrefix } from '../sourcemaps/r2Keys';
import { UPLOAD_LIMITS } from '../sourcemaps/uploadLimits';
import { deleteBundles, selectExpiredBundles } from '../store/artifactBundles';

/** Bundles removed per run; the rest wait for the next minute. */
const BUNDLES_PER_RUN = 50;

async function deleteUnder(bucket: R2Bucket, prefix: string): Promise<void> {
  for (;;) {
    const listed = await bucket.list({ prefix, limit: 1000 });
    if (listed.objects.length === 0) return;
    await bucket.delete(listed.objects.map((object) => object.key));
    if (!listed.truncated) return;
  }
}

/**
 * Removes artifact bundles older than their project's `retentionDays` and those of
 * projects that no longer exist: R2 objects first, then the D1 rows (so a failed run is
 * retried, never leaving objects nothing points at). Also removes uploaded chunks that
 * were never assembled. Returns how many bundles it removed.
 */
export async function runSourceMapRetention(
  bucket: R2Bucket | undefined,
  db: D1Database,
  now: number,
): Promise<number> {
  if (!bucket) return 0;
  const expired = await selectExpiredBundles(
    db,
    now,
    DEFAULT_PROJECT_SETTINGS.retentionDays,
    BUNDLES_PER_RUN,
  );
  for (const bundle of expired) {
    await bucket.delete(bundleKey(bundle.projectId, bundle.checksum));
    await deleteUnder(bucket, mapPrefix(bundle.projectId, bundle.checksum));
  }
  await deleteBundles(
    db,
    expired.map((bundle) => bundle.id),
  );
  const chunks = await bucket.list({ prefix: CHUNK_PREFIX, limit: 1000 });
  const stale = chunks.objects.filter(
    (object) => object.uploaded.getTime() < now - UPLOAD_LIMITS.staleChunkMs,
  );
  if (stale.length > 0) await bucket.delete(stale.map((object) => object.key));
  return expired.length;
}
