// SQL for artifact bundles (sentry-cli uploads) and the index of their source maps.

export interface BundleRecord {
  projectId: number;
  checksum: string;
  bundleId: string | null;
  release: string | null;
  dist: string | null;
  size: number;
  mapCount: number;
  createdAt: number;
}

/** One row of the map index: a prepared map, by debug ID and by release + URL path. */
export interface MapIndexRecord {
  debugId: string | null;
  release: string | null;
  urlPath: string | null;
  mapKey: string;
  problem: string | null;
}

export async function bundleExists(
  db: D1Database,
  projectId: number,
  checksum: string,
): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS found FROM artifact_bundles WHERE project_id = ? AND checksum = ?')
    .bind(projectId, checksum)
    .first();
  return row !== null;
}

/** Stores a bundle and its map index in one transaction; a bundle stored twice is kept once. */
export async function insertBundle(
  db: D1Database,
  bundle: BundleRecord,
  maps: MapIndexRecord[],
): Promise<void> {
  const bundleIdOf = '(SELECT id FROM artifact_bundles WHERE project_id = ? AND checksum = ?)';
  await db.batch([
    db
      .prepare(
        `INSERT OR IGNORE INTO artifact_bundles
           (project_id, checksum, bundle_id, release, dist, size, map_count, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        bundle.projectId,
        bundle.checksum,
        bundle.bundleId,
        bundle.release,
        bundle.dist,
        bundle.size,
        bundle.mapCount,
        bundle.createdAt,
      ),
    db
      .prepare(`DELETE FROM artifact_maps WHERE bundle_id = ${bundleIdOf}`)
      .bind(bundle.projectId, bundle.checksum),
    ...maps.map((map) =>
      db
        .prepare(
          `INSERT INTO artifact_maps (bundle_id, project_id, debug_id, release, url_path, map_key, problem)
           VALUES (${bundleIdOf}, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          bundle.projectId,
          bundle.checksum,
          bundle.projectId,
          map.debugId,
          map.release,
          map.urlPath,
          map.mapKey,
          map.problem,
        ),
    ),
  ]);
}

interface MapIndexRow {
  debug_id: string | null;
  release: string | null;
  url_path: string | null;
  map_key: string;
  problem: string | null;
}

/**
 * The maps of a project with one of `debugIds`, or of `release` at one of `urlPaths`
 * (newest bundle first, so a re-upload wins). One statement whatever the frame count.
 */
export async function selectMaps(
  db: D1Database,
  projectId: number,
  query: { debugIds: string[]; release: string | null; urlPaths: string[] },
): Promise<MapIndexRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT debug_id, release, url_path, map_key, problem FROM artifact_maps
       WHERE project_id = ?1 AND (
         debug_id IN (SELECT value FROM json_each(?2))
         OR (release = ?3 AND url_path IN (SELECT value FROM json_each(?4))))
       ORDER BY bundle_id DESC`,
    )
    .bind(projectId, JSON.stringify(query.debugIds), query.release, JSON.stringify(query.urlPaths))
    .all<MapIndexRow>();
  return results.map((row) => ({
    debugId: row.debug_id,
    release: row.release,
    urlPath: row.url_path,
    mapKey: row.map_key,
    problem: row.problem,
  }));
}

/** A bundle due for removal, with what locates its objects in R2. */
export interface ExpiredBundle {
  id: number;
  projectId: number;
  checksum: string;
}

/**
 * Up to `limit` bundles older than their project's `retentionDays` (`defaultDays` when
 * unset), and bundles whose project no longer exists.
 */
export async function selectExpiredBundles(
  db: D1Database,
  now: number,
  defaultDays: number,
  limit: number,
): Promise<ExpiredBundle[]> {
  const { results } = await db
    .prepare(
      `SELECT b.id, b.project_id AS projectId, b.checksum FROM artifact_bundles b
       LEFT JOIN projects p ON p.id = b.project_id
       WHERE p.id IS NULL
          OR b.created_at < ?1 - coalesce(json_extract(p.settings, '$.retentionDays'), ?2) * 86400000
       LIMIT ?3`,
    )
    .bind(now, defaultDays, limit)
    .all<ExpiredBundle>();
  return results;
}

/** Deletes bundles and (by cascade) their map index rows. */
export async function deleteBundles(db: D1Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .prepare('DELETE FROM artifact_bundles WHERE id IN (SELECT value FROM json_each(?))')
    .bind(JSON.stringify(ids))
    .run();
}
