import type { StackFrame } from '../protocol/SentryEvent';
import { normalizeFilename } from './normalizeFilename';
import { normalizeFunction } from './normalizeFunction';

/**
 * V8 (Chrome, Node) records at most 10 frames (`Error.stackTraceLimit`), natives included;
 * Firefox and Safari record many more. Only the innermost frames of a browser
 * stack are reported by every browser alike, so only they group.
 */
const MAX_JAVASCRIPT_FRAMES = 6;

const NOT_CODE = /^(?:\[native code\]|\(?native\)?|<anonymous>|<eval>|eval|Function code)$/;
const POLYFILL = /polyfill|core-js|regenerator-runtime|zone(?:\.min)?\.js|es\d-shim/i;

/** The grouping key of one frame: its normalised module or file, and function. */
export interface FrameKey {
  file: string;
  function: string;
}

function isUsable(frame: StackFrame): boolean {
  const path = frame.abs_path ?? frame.filename ?? '';
  if (NOT_CODE.test(path) || / > eval|eval at /.test(path)) return false;
  if (frame.function === 'eval' || POLYFILL.test(path)) return false;
  return true;
}

/**
 * The frames that decide grouping, innermost last: in-app frames (all of them
 * when none is marked in-app), without native, eval or polyfill frames, with
 * recursion collapsed, and never a line or column.
 */
export function groupingFrames(frames: readonly StackFrame[], platform: string): FrameKey[] {
  const inApp = frames.some((frame) => frame.in_app === true)
    ? frames.filter((frame) => frame.in_app === true)
    : frames;
  const keys: FrameKey[] = [];
  for (const frame of inApp) {
    if (!isUsable(frame)) continue;
    const file = frame.module || normalizeFilename(frame.filename || frame.abs_path || '');
    const key = { file, function: normalizeFunction(frame.function) };
    if (!key.file && !key.function) continue;
    const previous = keys[keys.length - 1];
    if (previous && previous.file === key.file && previous.function === key.function) continue;
    keys.push(key);
  }
  const isJavaScript = platform === 'javascript' || platform === 'node';
  return isJavaScript ? keys.slice(-MAX_JAVASCRIPT_FRAMES) : keys;
}
