import type { StackFrame } from '../protocol/SentryEvent';
import { normalizeFilename } from './normalizeFilename';
import { normalizeFunction } from './normalizeFunction';

/**
 * V8 (Chrome, Node) records at most 10 frames (`Error.stackTraceLimit`), natives included;
 * Firefox and Safari record many more. Only the innermost frames of a browser
 * stack are reported by every browser alike, so only they group.
 */
const MAX_JAVASCRIPT_FRAMES = 6;

/** Frames of no file of the app's: natives (Chakra's `native code`) and eval'd code (Chakra's `eval code`). */
const NOT_CODE =
  /^(?:\[native code\]|native code|\(?native\)?|<anonymous>|<eval>|eval|eval code|Function code|self-hosted)$/;
/** Code made from a string: Chrome's `eval at f`, Firefox's `app.js line 3 > eval` / `> Function`. */
const EVAL_PATH = / > (?:eval|Function)\b|eval at /;
/**
 * An async stack frame: Chrome's `async checkout`, Firefox's `async*checkout` and
 * `setTimeout handler*setup/<` (the scheduling site, `cause*function`).
 */
const ASYNC_FRAME = /^async\s|\*/;
const POLYFILL = /polyfill|core-js|regenerator-runtime|zone(?:\.min)?\.js|es\d-shim/i;

/** The grouping key of one frame: its normalised module or file, and function. */
export interface FrameKey {
  file: string;
  function: string;
}

function isUsable(frame: StackFrame): boolean {
  const path = frame.abs_path ?? frame.filename ?? '';
  if (NOT_CODE.test(path) || EVAL_PATH.test(path)) return false;
  if (frame.function === 'eval' || POLYFILL.test(path)) return false;
  return true;
}

/**
 * The frames after the innermost async stack frame. Async stack traces are
 * recorded by some engines only (V8 always, Firefox while devtools are open,
 * JavaScriptCore not at all), so only the synchronous part of a stack is
 * reported alike by every browser: see test/fixtures/stacks/*-async.json.
 */
function synchronousPart(frames: readonly StackFrame[]): readonly StackFrame[] {
  for (let i = frames.length - 1; i >= 0; i--) {
    const name = frames[i]?.function;
    if (typeof name === 'string' && ASYNC_FRAME.test(name)) return frames.slice(i + 1);
  }
  return frames;
}

/**
 * The frames that decide grouping, innermost last: in-app frames (all of them
 * when none is marked in-app), without native, eval or polyfill frames, with
 * recursion collapsed, and never a line or column. In JavaScript, async stack
 * frames and everything outside them are left out (see `synchronousPart`).
 */
export function groupingFrames(frames: readonly StackFrame[], platform: string): FrameKey[] {
  const isJavaScript = platform === 'javascript' || platform === 'node';
  const candidates = isJavaScript ? synchronousPart(frames) : frames;
  const inApp = candidates.some((frame) => frame.in_app === true)
    ? candidates.filter((frame) => frame.in_app === true)
    : candidates;
  const keys: FrameKey[] = [];
  for (const frame of inApp) {
    if (!isUsable(frame)) continue;
    const file = frame.module || normalizeFilename(frame.filename || frame.abs_path || '');
    const key = { file, function: normalizeFunction(frame.function, platform) };
    if (!key.file && !key.function) continue;
    const previous = keys[keys.length - 1];
    if (previous && previous.file === key.file && previous.function === key.function) continue;
    keys.push(key);
  }
  return isJavaScript ? keys.slice(-MAX_JAVASCRIPT_FRAMES) : keys;
}
