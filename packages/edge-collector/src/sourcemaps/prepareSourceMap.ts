import { AnyMap, encodedMappings, type TraceMap } from '@jridgewell/trace-mapping';
import { isInAppSource, originalFilename } from '../symbolicate/originalFilename';

/**
 * A source map as the symbolicator reads it, made once at upload: line 1 is JSON with the
 * mappings (sections flattened), `names`, each source's display path, absolute path and
 * in-app flag and where its content starts in the rest; after the newline, every
 * `sourcesContent` one after another. A cold event then parses only the small JSON line
 * and slices out the sources it needs, instead of parsing the whole map.
 */
export interface PreparedMapHeader {
  version: 1;
  mappings: string;
  names: string[];
  sources: string[];
  filenames: string[];
  inApp: boolean[];
  /** Per source: [offset, length] of its content in the text after the newline, or null. */
  content: ([number, number] | null)[];
}

export type PreparedMap =
  | { ok: true; text: string; debugId?: string }
  | { ok: false; problem: string };

function mapDebugId(json: Record<string, unknown>): string | undefined {
  const id = json.debug_id ?? json.debugId;
  return typeof id === 'string' ? id.toLowerCase() : undefined;
}

/** Prepares one source map file; a file that is no source map gives the reason instead. */
export function prepareSourceMap(bytes: Uint8Array): PreparedMap {
  let json: Record<string, unknown>;
  let map: TraceMap;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return { ok: false, problem: 'the source map is not valid JSON' };
  }
  try {
    map = new AnyMap(json as never);
    if (map.version !== 3) return { ok: false, problem: 'the source map is not version 3' };
  } catch (error) {
    return { ok: false, problem: `the source map cannot be read: ${(error as Error).message}` };
  }
  const sources = map.resolvedSources.map((source) => source ?? '');
  const contents: string[] = [];
  const content: ([number, number] | null)[] = [];
  let offset = 0;
  sources.forEach((_, index) => {
    const text = map.sourcesContent?.[index];
    if (typeof text !== 'string') {
      content.push(null);
      return;
    }
    content.push([offset, text.length]);
    contents.push(text);
    offset += text.length;
  });
  const header: PreparedMapHeader = {
    version: 1,
    mappings: encodedMappings(map),
    names: map.names.map((name) => name ?? ''),
    sources,
    filenames: sources.map(originalFilename),
    inApp: sources.map(isInAppSource),
    content,
  };
  return {
    ok: true,
    text: `${JSON.stringify(header)}\n${contents.join('')}`,
    debugId: mapDebugId(json),
  };
}
