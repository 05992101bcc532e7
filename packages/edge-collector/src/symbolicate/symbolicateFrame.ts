import type { StackFrame } from '../protocol/SentryEvent';
import type { LoadedMap, OriginalPosition } from './LoadedMap';
import type { SymbolicationReason } from './SymbolicationSummary';
import { sourceContext } from './sourceContext';

export type FrameResult =
  | { ok: true; frame: StackFrame; position: OriginalPosition; warning?: SymbolicationReason }
  | { ok: false; reason: SymbolicationReason };

/**
 * One minified frame mapped to its original file, line, column and source context. The
 * function name is left to `symbolicateEvent`, which takes it from the caller's frame.
 */
export function symbolicateFrame(frame: StackFrame, map: LoadedMap, mapRef: string): FrameResult {
  const position = map.lookup(frame.lineno as number, (frame.colno as number) - 1);
  if (!position) return { ok: false, reason: 'no_mapping' };
  const { header } = map;
  const mapped: StackFrame = {
    ...frame,
    abs_path: header.sources[position.source] ?? frame.abs_path,
    filename: header.filenames[position.source] ?? frame.filename,
    lineno: position.line + 1,
    colno: position.column + 1,
    in_app: header.inApp[position.source] ?? frame.in_app,
    data: { ...(frame.data as object | undefined), sourcemap: mapRef, symbolicated: true },
  };
  const lines = map.sourceLines(position.source);
  const context = lines && sourceContext(lines, position.line, position.column);
  if (context) Object.assign(mapped, context);
  return {
    ok: true,
    frame: mapped,
    position,
    warning: context ? undefined : 'missing_source_content',
  };
}
