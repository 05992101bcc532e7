import { eventSchema } from './schema/eventSchema';
import { isObject } from './schema/fieldTypes';
import { MetaNotes } from './schema/MetaNotes';

type Json = Record<string, unknown>;

/** The SDK's `_meta` with the collector's notes laid over it (ours win where both note a value). */
function mergeMeta(sent: unknown, ours: Json): Json {
  if (!isObject(sent)) return ours;
  const merged: Json = { ...sent };
  for (const [key, value] of Object.entries(ours)) {
    const theirs = Object.hasOwn(merged, key) ? merged[key] : undefined;
    const next = key !== '' && isObject(value) ? mergeMeta(theirs, value) : value;
    Object.defineProperty(merged, key, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
}

/**
 * Checks every field of an event or transaction against the protocol's
 * types, as Relay's schema does at its boundary: a value of the wrong type is
 * removed (or coerced where the protocol allows, e.g. a numeric `release`)
 * and noted in `_meta`, Sentry's shape for such notes, so no later stage ever
 * sees a type it does not expect. A `_meta` the SDK sent (sentry-python notes
 * there what it trimmed) is kept when it is an object, with our notes added.
 * See https://develop.sentry.dev/sdk/data-model/event-payloads/
 */
export function normalizeEventSchema(event: Json): Json {
  const { _meta: sent, ...rest } = event;
  const notes = new MetaNotes();
  const checked = eventSchema(rest, [], notes) as Json;
  const ours = notes.result();
  const meta = ours ? mergeMeta(sent, ours) : isObject(sent) ? sent : undefined;
  return meta ? { ...checked, _meta: meta } : checked;
}
