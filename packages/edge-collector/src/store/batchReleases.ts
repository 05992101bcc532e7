import { withInput } from './withInput';

/**
 * Adds the releases a batch's events name, each first seen at the earliest event
 * naming it. Runs before the issue upserts: a regression compares release order.
 * `groups` is the batch's `batchInput`.
 */
export function batchReleasesStatement(db: D1Database, groups: string): D1PreparedStatement {
  return withInput(
    db,
    { groups },
    `INSERT INTO releases (project_id, version, first_seen)
     SELECT g.value ->> 'project_id', e.value ->> 'release', min(e.value ->> 'received_at')
     FROM input, json_each(input.groups) g, json_each(g.value -> 'events') e
     WHERE e.value ->> 'release' IS NOT NULL
     GROUP BY 1, 2
     ON CONFLICT (project_id, version) DO NOTHING`,
  );
}
