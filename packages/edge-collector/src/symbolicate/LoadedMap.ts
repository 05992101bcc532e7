import { TraceMap, traceSegment } from '@jridgewell/trace-mapping';
import type { PreparedMapHeader } from '../sourcemaps/prepareSourceMap';

/** An original position: source index, 0-based line and column, and the name there. */
export interface OriginalPosition {
  source: number;
  line: number;
  column: number;
  name: string | null;
}

/**
 * A prepared map (see `prepareSourceMap`) ready for lookups. Parsing reads only the JSON
 * line; each source's lines are split the first time a frame needs them, then kept.
 */
export class LoadedMap {
  readonly header: PreparedMapHeader;
  /** Rough bytes held, for the cache's budget: the text plus decoded mappings. */
  readonly bytes: number;
  private readonly map: TraceMap;
  private readonly body: string;
  private readonly lines = new Map<number, string[]>();

  constructor(text: string) {
    const newline = text.indexOf('\n');
    this.header = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as PreparedMapHeader;
    this.body = newline < 0 ? '' : text.slice(newline + 1);
    this.map = new TraceMap({
      version: 3,
      sources: this.header.sources,
      names: this.header.names,
      mappings: this.header.mappings,
    });
    // Decoded segments take about 8 bytes per mapping character; strings 2 per character.
    this.bytes = text.length * 2 + this.header.mappings.length * 8;
  }

  /** The original position of a 1-based line and 0-based column, or null when unmapped. */
  lookup(line: number, column: number): OriginalPosition | null {
    const segment = traceSegment(this.map, line - 1, column);
    if (!segment || segment.length < 4) return null;
    const [, source, sourceLine, sourceColumn, name] = segment as readonly number[];
    return {
      source: source ?? 0,
      line: sourceLine ?? 0,
      column: sourceColumn ?? 0,
      name: name === undefined ? null : (this.header.names[name] ?? null),
    };
  }

  /** The lines of a source's content, or null when the map has none for it. */
  sourceLines(source: number): string[] | null {
    const cached = this.lines.get(source);
    if (cached) return cached;
    const range = this.header.content[source];
    if (!range) return null;
    const lines = this.body.slice(range[0], range[0] + range[1]).split(/\r\n|\r|\n/);
    this.lines.set(source, lines);
    return lines;
  }
}
