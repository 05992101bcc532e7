/**
 * A statement whose values are named beside its SQL: `values` become a one-row table
 * `input` (`WITH input AS (SELECT ? AS project_id, ? AS fingerprint, …)`), so the SQL
 * reads `input.project_id` instead of a numbered `?1`. A statement that starts with its
 * own `WITH` gets `input` as its first table. Absent values bind as NULL.
 */
export function withInput(
  db: D1Database,
  values: Record<string, unknown>,
  sql: string,
): D1PreparedStatement {
  const names = Object.keys(values);
  const input = `input AS (SELECT ${names.map((name) => `? AS ${name}`).join(', ')})`;
  const text = /^\s*WITH\s/i.test(sql)
    ? sql.replace(/^\s*WITH\s/i, `WITH ${input},\n`)
    : `WITH ${input}\n${sql}`;
  return db.prepare(text).bind(...names.map((name) => values[name] ?? null));
}
