/** Lines of context on each side of the frame's line, as Sentry shows them. */
const CONTEXT_LINES = 5;
/** Longer lines are cut around the column, with Sentry's `{snip}` marker. */
const MAX_LINE = 140;

function trimLine(line: string, column: number): string {
  if (line.length <= MAX_LINE) return line;
  const start = Math.max(0, Math.min(column - MAX_LINE / 2, line.length - MAX_LINE));
  const end = start + MAX_LINE;
  return `${start > 0 ? '{snip} ' : ''}${line.slice(start, end)}${end < line.length ? ' {snip}' : ''}`;
}

export interface SourceContext {
  pre_context: string[];
  context_line: string;
  post_context: string[];
}

/** The frame's line and its neighbours from an original source; null past its end. */
export function sourceContext(lines: string[], line: number, column: number): SourceContext | null {
  const current = lines[line];
  if (current === undefined) return null;
  return {
    pre_context: lines.slice(Math.max(0, line - CONTEXT_LINES), line).map((l) => trimLine(l, 0)),
    context_line: trimLine(current, column),
    post_context: lines.slice(line + 1, line + 1 + CONTEXT_LINES).map((l) => trimLine(l, 0)),
  };
}
