import type { MetaNotes, MetaPath } from './MetaNotes';

/**
 * One field's type in the event schema: returns the value as the protocol
 * types it (coerced where Relay coerces), or `undefined` after noting in
 * `notes` why it was removed. Checked values are rebuilt, never mutated.
 */
export type FieldType = (value: unknown, path: MetaPath, notes: MetaNotes) => unknown;

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets `key` as an own property, also `__proto__` (a key JSON may carry):
 * assigning that one would set the object's prototype, and later stages
 * would read fields through it that no check has seen.
 */
function setField(target: Json, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else target[key] = value;
}

/** A field that keeps any JSON value (`extra`, `request.data`, frame `vars`…). */
export const anyValue: FieldType = (value) => value;

/** A check of the value's JSON kind; anything else is removed with `reason`. */
function kind(accepts: (value: unknown) => boolean, reason: string): FieldType {
  return (value, path, notes) => {
    if (accepts(value)) return value;
    notes.removed(path, value, reason);
    return undefined;
  };
}

export const string = kind((value) => typeof value === 'string', 'expected a string');
export const boolean = kind((value) => typeof value === 'boolean', 'expected a boolean');
export const number = kind(
  (value) => typeof value === 'number' && Number.isFinite(value),
  'expected a number',
);
export const object = kind(isObject, 'expected an object');

/**
 * Relay's `LenientString` (exception `value`, tag values, `release`, user
 * `id`): numbers and booleans become their text; objects and lists are removed.
 */
export const lenientString: FieldType = (value, path, notes) => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  notes.removed(path, value, 'expected a string');
  return undefined;
};

/** A timestamp: seconds since the epoch, or an RFC 3339 string (read by later stages). */
export const timestamp = kind(
  (value) => (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string',
  'expected a timestamp',
);

/** The first of `types` whose JSON kind matches decides (`message`: a string or a logentry). */
export function either(
  types: [(value: unknown) => boolean, FieldType][],
  reason: string,
): FieldType {
  return (value, path, notes) => {
    for (const [accepts, type] of types) if (accepts(value)) return type(value, path, notes);
    notes.removed(path, value, reason);
    return undefined;
  };
}

/**
 * A list of `item`; entries of the wrong type are removed from it, and so are
 * `null`s unless `keepNull` (context lines: a line the SDK could not read).
 */
export function list(item: FieldType, { keepNull = false } = {}): FieldType {
  return (value, path, notes) => {
    if (!Array.isArray(value)) {
      notes.removed(path, value, 'expected a list');
      return undefined;
    }
    const kept: unknown[] = [];
    value.forEach((entry, index) => {
      if (entry === null) {
        if (keepNull) kept.push(null);
        return;
      }
      const checked = item(entry, [...path, index], notes);
      if (checked !== undefined) kept.push(checked);
    });
    return kept;
  };
}

/** An object whose every value is `item` (tags, modules, measurements). */
export function record(item: FieldType): FieldType {
  return (value, path, notes) => {
    if (!isObject(value)) {
      notes.removed(path, value, 'expected an object');
      return undefined;
    }
    const kept: Json = {};
    for (const [key, entry] of Object.entries(value)) {
      if (entry === null) continue;
      const checked = item(entry, [...path, key], notes);
      if (checked !== undefined) setField(kept, key, checked);
    }
    return kept;
  };
}

/**
 * `{key: value}` or a list of `[key, value]` pairs, as Relay reads tags and
 * headers; the shape sent is kept, pairs that are not `[string, value]` removed.
 */
export function pairs(item: FieldType): FieldType {
  const pair: FieldType = (value, path, notes) => {
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') {
      notes.removed(path, value, 'expected a [key, value] pair');
      return undefined;
    }
    if (value[1] === null) return undefined;
    const checked = item(value[1], [...path, 1], notes);
    return checked === undefined ? undefined : [value[0], checked];
  };
  const asList = list(pair);
  const asRecord = record(item);
  return (value, path, notes) =>
    Array.isArray(value) ? asList(value, path, notes) : asRecord(value, path, notes);
}

/**
 * An object with known `fields`; other keys are kept as sent (the protocol
 * grows, and Relay keeps them too). A field set to `null` is left out.
 */
export function struct(fields: Record<string, FieldType>): FieldType {
  return (value, path, notes) => {
    if (!isObject(value)) {
      notes.removed(path, value, 'expected an object');
      return undefined;
    }
    const kept: Json = {};
    for (const [key, entry] of Object.entries(value)) {
      const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (entry === null && field) continue;
      const checked = field ? field(entry, [...path, key], notes) : entry;
      if (checked !== undefined) setField(kept, key, checked);
    }
    return kept;
  };
}

/** `{values: [item…]}`, also given as a bare list (Relay reads both), kept as `{values}`. */
export function values(item: FieldType): FieldType {
  const holder = struct({ values: list(item) });
  return (value, path, notes) =>
    Array.isArray(value) ? holder({ values: value }, path, notes) : holder(value, path, notes);
}
