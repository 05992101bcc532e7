type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stacktrace whose `frames` is a list of objects; undefined when it is no stacktrace. */
function normalizeStacktrace(value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  const { frames, ...rest } = value;
  if (frames === undefined || frames === null) return rest;
  return Array.isArray(frames) ? { ...rest, frames: frames.filter(isObject) } : rest;
}

/** A value in `exception.values` or `threads.values`, with fields of the types the pipeline reads. */
function normalizeStackHolder(value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  const holder: Json = { ...value };
  for (const key of ['type', 'module', 'raw_stack'] as const) {
    if (holder[key] !== undefined && typeof holder[key] !== 'string') delete holder[key];
  }
  // Relay reads `value` leniently: numbers and objects become their text.
  const text = holder.value;
  if (text === null) delete holder.value;
  else if (text !== undefined && typeof text !== 'string') {
    holder.value = typeof text === 'object' ? JSON.stringify(text) : String(text);
  }
  if (holder.mechanism !== undefined && !isObject(holder.mechanism)) delete holder.mechanism;
  const stacktrace = normalizeStacktrace(holder.stacktrace);
  if (stacktrace) holder.stacktrace = stacktrace;
  else delete holder.stacktrace;
  return holder;
}

/** `{values: [...]}` (or a bare list, which Relay also reads) with only usable entries. */
function normalizeValues(value: unknown): { values: Json[] } | undefined {
  const list = Array.isArray(value) ? value : isObject(value) ? value.values : undefined;
  if (!Array.isArray(list)) return undefined;
  const values = list.map(normalizeStackHolder).filter((entry) => entry !== undefined);
  return isObject(value) ? { ...value, values } : { values };
}

/**
 * Brings `exception`, `threads` and a top-level `stacktrace` to the shapes the
 * pipeline relies on, dropping what is not an object where one is expected,
 * as Relay's schema does instead of failing the event: a list of frames that
 * is not a list, a `null` exception, a number for a type.
 */
export function normalizeStacks(event: Json): Json {
  const normalized: Json = { ...event };
  for (const key of ['exception', 'threads'] as const) {
    if (normalized[key] === undefined) continue;
    const values = normalizeValues(normalized[key]);
    if (values) normalized[key] = values;
    else delete normalized[key];
  }
  if (normalized.stacktrace !== undefined) {
    const stacktrace = normalizeStacktrace(normalized.stacktrace);
    if (stacktrace) normalized.stacktrace = stacktrace;
    else delete normalized.stacktrace;
  }
  return normalized;
}
