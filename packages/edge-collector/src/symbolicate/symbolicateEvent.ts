import type { ExceptionValue, SentryEvent, StackFrame } from '../protocol/SentryEvent';
import { urlPath } from '../sourcemaps/urlPath';
import type { MapIndexRecord } from '../store/artifactBundles';
import type { ArtifactReader } from '../types/ArtifactReader';
import { LoadedMap } from './LoadedMap';
import { isolateMapCache, type MapCache } from './MapCache';
import type {
  SymbolicationNote,
  SymbolicationReason,
  SymbolicationSummary,
} from './SymbolicationSummary';
import { type FrameResult, symbolicateFrame } from './symbolicateFrame';

/** Frames mapped per event at most; stacks are rarely deeper than 50. */
const MAX_FRAMES = 250;

interface Candidate {
  exception: ExceptionValue;
  index: number;
  frame: StackFrame;
  url: string;
  path: string;
  debugId?: string;
}

/** `debug_meta.images` of type sourcemap (@sentry/browser): script URL → debug ID. */
function debugIdsByUrl(event: SentryEvent): Map<string, string> {
  const ids = new Map<string, string>();
  const images = (event.debug_meta as { images?: unknown } | undefined)?.images;
  if (!Array.isArray(images)) return ids;
  for (const image of images as Record<string, unknown>[]) {
    if (image?.type !== 'sourcemap') continue;
    if (typeof image.code_file === 'string' && typeof image.debug_id === 'string') {
      ids.set(image.code_file, image.debug_id.toLowerCase());
    }
  }
  return ids;
}

function candidatesOf(event: SentryEvent): Candidate[] {
  if (event.platform !== 'javascript' && event.platform !== 'node') return [];
  const debugIds = debugIdsByUrl(event);
  const found: Candidate[] = [];
  for (const exception of event.exception?.values ?? []) {
    exception.stacktrace?.frames?.forEach((frame, index) => {
      const url = frame.abs_path ?? frame.filename;
      if (typeof url !== 'string' || typeof frame.lineno !== 'number') return;
      if (typeof frame.colno !== 'number' || frame.colno < 1) return;
      const path = urlPath(url);
      if (!path || found.length >= MAX_FRAMES) return;
      found.push({ exception, index, frame, url, path, debugId: debugIds.get(url) });
    });
  }
  return found;
}

/** The index row for a frame: by its debug ID first, else by release + URL path. */
function rowFor(candidate: Candidate, rows: MapIndexRecord[], release: string | null) {
  if (candidate.debugId) {
    const byId = rows.find((row) => row.debugId === candidate.debugId);
    if (byId) return byId;
  }
  if (!release) return undefined;
  return rows.find((row) => row.release === release && row.urlPath === candidate.path);
}

async function loadMap(reader: ArtifactReader, cache: MapCache, key: string) {
  const cached = cache.get(key);
  if (cached) return cached;
  const text = await reader.readMap(key);
  if (text === null) return null;
  try {
    const map = new LoadedMap(text);
    cache.set(key, map);
    return map;
  } catch {
    return null;
  }
}

/**
 * Maps an event's minified JavaScript frames to original files, lines, columns, functions
 * and source context using uploaded source maps, found by the frame's debug ID
 * (`debug_meta.images`) or by the event's release + the script's URL path. Each exception
 * keeps its frames as sent in `raw_stacktrace`; `event.symbolication` says what was mapped
 * and why the rest was not. Never throws for a missing or broken map.
 */
export async function symbolicateEvent(
  event: SentryEvent,
  reader: ArtifactReader | undefined,
  cache: MapCache = isolateMapCache,
): Promise<SentryEvent> {
  const candidates = reader ? candidatesOf(event) : [];
  if (!reader || candidates.length === 0) return event;
  const release = typeof event.release === 'string' && event.release ? event.release : null;
  const debugIds = [...new Set(candidates.flatMap((c) => (c.debugId ? [c.debugId] : [])))];
  const urlPaths = release ? [...new Set(candidates.map((c) => c.path))] : [];
  const rows =
    debugIds.length > 0 || urlPaths.length > 0
      ? await reader.findMaps({ debugIds, release, urlPaths })
      : [];
  const maps = new Map<string, LoadedMap | null>();
  const notes = new Map<string, SymbolicationNote>();
  const note = (c: Candidate, reason: SymbolicationReason, detail?: string) => {
    const key = `${reason} ${c.url}`;
    const existing = notes.get(key);
    if (existing) existing.frames++;
    else
      notes.set(key, {
        reason,
        url: c.url,
        debugId: c.debugId,
        release: release ?? undefined,
        detail,
        frames: 1,
      });
  };
  const results = new Map<Candidate, FrameResult & { ok: true }>();
  for (const candidate of candidates) {
    const row = rowFor(candidate, rows, release);
    if (!row) {
      note(
        candidate,
        candidate.debugId ? 'no_matching_debug_id' : 'no_source_map',
        release ? undefined : 'the event has no release and the frame no debug ID',
      );
      continue;
    }
    if (row.problem) {
      note(candidate, 'unreadable_source_map', row.problem);
      continue;
    }
    if (!maps.has(row.mapKey)) maps.set(row.mapKey, await loadMap(reader, cache, row.mapKey));
    const map = maps.get(row.mapKey);
    if (!map) {
      note(candidate, 'unreadable_source_map', 'the prepared source map could not be read');
      continue;
    }
    const result = symbolicateFrame(candidate.frame, map, row.debugId ?? candidate.path);
    if (!result.ok) {
      note(candidate, result.reason);
      continue;
    }
    if (result.warning) note(candidate, result.warning);
    results.set(candidate, result);
  }
  applyResults(candidates, results);
  const summary: SymbolicationSummary = {
    symbolicated: results.size === candidates.length,
    frames: candidates.length,
    symbolicatedFrames: results.size,
    notes: [...notes.values()],
  };
  return { ...event, symbolication: summary };
}

/**
 * Writes mapped frames back, keeping each changed exception's frames as sent in
 * `raw_stacktrace`. A mapped frame's function is the original name at its caller's call
 * site (the older frame's position names the function it calls, as Sentry falls back to),
 * else the name the browser reported.
 */
function applyResults(
  candidates: Candidate[],
  results: Map<Candidate, FrameResult & { ok: true }>,
) {
  const byException = new Map<ExceptionValue, Candidate[]>();
  for (const candidate of candidates) {
    const list = byException.get(candidate.exception) ?? [];
    list.push(candidate);
    byException.set(candidate.exception, list);
  }
  for (const [exception, list] of byException) {
    const frames = exception.stacktrace?.frames;
    if (!frames || !list.some((c) => results.has(c))) continue;
    const original = frames.map((frame) => ({ ...frame }));
    const positions = new Map(list.map((c) => [c.index, results.get(c)?.position]));
    for (const candidate of list) {
      const result = results.get(candidate);
      if (!result) continue;
      const callerName = positions.get(candidate.index - 1)?.name;
      frames[candidate.index] = {
        ...result.frame,
        function: callerName ?? candidate.frame.function,
      };
    }
    exception.raw_stacktrace = { frames: original };
  }
}
