import ErrorStackParser from 'error-stack-parser';
import type { StackFrame } from '../protocol/SentryEvent';

/**
 * Parses a raw JavaScript `error.stack` string (Chrome, Firefox or Safari
 * format) into Sentry frames, oldest call first as Sentry orders them. A stack
 * no parser understands yields no frames rather than an error.
 */
export function parseRawStack(stack: string): StackFrame[] {
  let parsed: ErrorStackParser.StackFrame[];
  try {
    parsed = ErrorStackParser.parse({ stack, name: '', message: '' } as Error);
  } catch {
    return [];
  }
  // A line that is not a frame (a message line, say) parses to a frame with no location.
  const located = parsed.filter((frame) => frame.fileName || frame.lineNumber !== undefined);
  return located.reverse().map((frame) => {
    const result: StackFrame = { function: frame.functionName || '?' };
    if (frame.fileName) {
      result.filename = frame.fileName;
      result.abs_path = frame.fileName;
    }
    if (frame.lineNumber !== undefined) result.lineno = frame.lineNumber;
    if (frame.columnNumber !== undefined) result.colno = frame.columnNumber;
    return result;
  });
}
