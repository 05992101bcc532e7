/**
 * The real local D1, except that statements naming `table` get a table that
 * does not exist: D1 itself fails them (`no such table`), mid-batch included,
 * while other test files sharing the database are not disturbed.
 */
export function withTableMissing(db: D1Database, table: string): D1Database {
  const pattern = new RegExp(`\\b${table}\\b`, 'g');
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => target.prepare(sql.replace(pattern, `${table}_unavailable`));
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
