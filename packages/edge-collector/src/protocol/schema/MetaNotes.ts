/** Where a value sits in the event: keys and list indexes from the top. */
export type MetaPath = (string | number)[];

/**
 * Most removals noted one by one. A hostile event can hold thousands of
 * wrong values, and the notes must not outgrow the event: past this many
 * only the count goes on growing (`_meta[""].removed`).
 */
export const MAX_META_NOTES = 100;

type MetaNode = { [key: string]: MetaNode | MetaEntry };
interface MetaEntry {
  err: [string, { reason: string }][];
  val?: unknown;
}

/** A value small enough to keep as `val`, so the note shows what was sent. */
function keptValue(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string' && value.length <= 200) return value;
  return undefined;
}

/**
 * Collects what the schema removed in Sentry's `_meta` shape: a tree that
 * mirrors the event (list indexes as string keys), with the note for a value
 * under the key `""`:
 * `{"exception": {"values": {"0": {"type": {"": {"err": [["invalid_data", {"reason": "expected a string"}]], "val": 5}}}}}}`.
 */
export class MetaNotes {
  readonly tree: MetaNode = {};
  private count = 0;

  removed(path: MetaPath, value: unknown, reason: string): void {
    this.count += 1;
    if (this.count > MAX_META_NOTES) return;
    let node = this.tree;
    for (const key of path) {
      const name = String(key);
      let child = Object.hasOwn(node, name) ? node[name] : undefined;
      if (!child) {
        child = {};
        Object.defineProperty(node, name, {
          value: child,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      node = child as MetaNode;
    }
    const entry: MetaEntry = { err: [['invalid_data', { reason }]] };
    const val = keptValue(value);
    if (val !== undefined) entry.val = val;
    node[''] = entry;
  }

  /** The `_meta` to store, or undefined when nothing was removed. */
  result(): MetaNode | undefined {
    if (this.count === 0) return undefined;
    if (this.count > MAX_META_NOTES) {
      const top = (this.tree[''] ?? {}) as MetaNode;
      this.tree[''] = { ...top, removed: this.count } as unknown as MetaEntry;
    }
    return this.tree;
  }
}
