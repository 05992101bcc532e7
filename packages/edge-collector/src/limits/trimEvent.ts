import { ClientError } from '../http/ClientError';

/**
 * A D1 row holds at most 1,000,000 bytes; the payload gets this much so the
 * other columns always fit beside it.
 */
export const MAX_STORED_PAYLOAD_BYTES = 900_000;

/** Strings longer than this are cut when nothing else made the event fit. */
const LONG_STRING = 4096;

/** What was cut to fit, kept in the stored event as `trimmed`. */
export interface TrimNote {
  original_bytes: number;
  breadcrumbs?: number;
  frame_vars?: number;
  extra?: string[];
  strings?: number;
}

type Json = Record<string, unknown>;
const encoder = new TextEncoder();

function sizeOf(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

function breadcrumbList(event: Json): unknown[] | undefined {
  const crumbs = event.breadcrumbs as unknown;
  if (Array.isArray(crumbs)) return crumbs;
  const values = (crumbs as { values?: unknown } | undefined)?.values;
  return Array.isArray(values) ? values : undefined;
}

/** Every frame list: exceptions', threads' and a top-level stacktrace's. */
function frameLists(event: Json): Json[][] {
  const holders = [
    ...(((event.exception as Json | undefined)?.values as Json[] | undefined) ?? []),
    ...(((event.threads as Json | undefined)?.values as Json[] | undefined) ?? []),
    event,
  ];
  return holders
    .map((holder) => (holder?.stacktrace as Json | undefined)?.frames)
    .filter((frames): frames is Json[] => Array.isArray(frames));
}

function cutLongStrings(value: unknown, note: TrimNote): unknown {
  if (typeof value === 'string' && value.length > LONG_STRING) {
    note.strings = (note.strings ?? 0) + 1;
    return `${value.slice(0, LONG_STRING)}…`;
  }
  if (Array.isArray(value)) return value.map((entry) => cutLongStrings(entry, note));
  if (value && typeof value === 'object') {
    const result: Json = {};
    for (const [key, entry] of Object.entries(value)) result[key] = cutLongStrings(entry, note);
    return result;
  }
  return value;
}

/**
 * Serializes an event for storage, trimming it to fit a D1 row when needed:
 * the oldest breadcrumbs first, then frames' local variables, then `extra`
 * (largest first), then very long strings. What was cut is recorded in the
 * event's `trimmed` field. An event that still does not fit is a 413.
 */
export function serializeForStorage(input: Json, maxBytes = MAX_STORED_PAYLOAD_BYTES): string {
  const original = JSON.stringify(input);
  const originalBytes = encoder.encode(original).length;
  if (originalBytes <= maxBytes) return original;

  const event = JSON.parse(original) as Json; // a private copy to cut
  const note: TrimNote = { original_bytes: originalBytes };
  event.trimmed = note;
  const fits = () => sizeOf(event) <= maxBytes;

  const crumbs = breadcrumbList(event);
  while (crumbs && crumbs.length > 0 && !fits()) {
    const removed = crumbs.splice(0, Math.ceil(crumbs.length / 2));
    note.breadcrumbs = (note.breadcrumbs ?? 0) + removed.length;
  }
  // Sizes are subtracted as parts go, so the event is not re-serialized per frame.
  let size = sizeOf(event);
  // Oldest calls first: the crash frame's variables matter most, so they go last.
  for (const frame of frameLists(event).flat()) {
    if (size <= maxBytes) break;
    if (frame.vars === undefined) continue;
    size -= sizeOf(frame.vars) + '"vars":,'.length;
    delete frame.vars;
    note.frame_vars = (note.frame_vars ?? 0) + 1;
  }
  const extra = event.extra as Json | undefined;
  if (extra && typeof extra === 'object' && size > maxBytes) {
    const sizes = new Map(Object.keys(extra).map((key) => [key, sizeOf(extra[key])]));
    const bySize = [...sizes.keys()].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
    for (const key of bySize) {
      if (size <= maxBytes) break;
      size -= (sizes.get(key) ?? 0) + sizeOf(key) + 2;
      delete extra[key];
      note.extra = [...(note.extra ?? []), key];
    }
  }
  if (fits()) return JSON.stringify(event);
  const cut = cutLongStrings(event, note) as Json;
  cut.trimmed = note;
  const serialized = JSON.stringify(cut);
  if (encoder.encode(serialized).length > maxBytes) {
    throw new ClientError(413, `event is over ${maxBytes} bytes even after trimming`);
  }
  return serialized;
}
