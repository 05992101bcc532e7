// SQL for releases as sentry-cli creates and finalizes them (`releases new` / `finalize`).
// Ingest adds releases too (src/store/batchReleases.ts), with first_seen only.

export interface ReleaseRecord {
  projectId: number;
  version: string;
  createdAt: number;
  dateStarted: number | null;
  dateReleased: number | null;
}

interface ReleaseRow {
  project_id: number;
  version: string;
  first_seen: number;
  date_started: number | null;
  date_released: number | null;
}

const toRelease = (row: ReleaseRow): ReleaseRecord => ({
  projectId: row.project_id,
  version: row.version,
  createdAt: row.first_seen,
  dateStarted: row.date_started,
  dateReleased: row.date_released,
});

/**
 * Creates the release in each project, or updates the dates given (null keeps a date), in
 * one transaction; returns the rows as stored.
 */
export async function upsertReleases(
  db: D1Database,
  projectIds: number[],
  input: { version: string; now: number; dateStarted: number | null; dateReleased: number | null },
): Promise<ReleaseRecord[]> {
  const results = await db.batch<ReleaseRow>(
    projectIds.map((projectId) =>
      db
        .prepare(
          `INSERT INTO releases (project_id, version, first_seen, date_started, date_released)
           VALUES (?1, ?2, ?3, ?4, ?5)
           ON CONFLICT (project_id, version) DO UPDATE SET
             date_started = coalesce(?4, date_started), date_released = coalesce(?5, date_released)
           RETURNING project_id, version, first_seen, date_started, date_released`,
        )
        .bind(projectId, input.version, input.now, input.dateStarted, input.dateReleased),
    ),
  );
  return results.flatMap((result) => result.results.map(toRelease));
}

/** The projects (of `projectIds`, or any when null) that have this release. */
export async function selectReleaseProjects(
  db: D1Database,
  version: string,
  projectIds: number[] | null,
): Promise<number[]> {
  const { results } = await db
    .prepare(
      `SELECT project_id FROM releases WHERE version = ?1
         AND (?2 IS NULL OR project_id IN (SELECT value FROM json_each(?2)))`,
    )
    .bind(version, projectIds === null ? null : JSON.stringify(projectIds))
    .all<{ project_id: number }>();
  return results.map((row) => row.project_id);
}
