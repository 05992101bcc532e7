import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { asText } from '../lib/format';

export interface Frame {
  function?: string;
  module?: string;
  filename?: string;
  abs_path?: string;
  lineno?: number;
  colno?: number;
  in_app?: boolean;
  pre_context?: string[];
  context_line?: string;
  post_context?: string[];
  vars?: Record<string, unknown>;
}

export interface ExceptionValue {
  type?: string;
  value?: string;
  module?: string;
  mechanism?: { type?: string; handled?: boolean };
  stacktrace?: { frames?: Frame[] };
  raw_stack?: string;
}

const where = (frame: Frame) =>
  `${frame.filename ?? frame.abs_path ?? frame.module ?? '?'}${frame.lineno ? `:${frame.lineno}` : ''}${frame.colno ? `:${frame.colno}` : ''}`;

/** The stack as text, the way runtimes print it (newest call first). */
export function rawStack(exception: ExceptionValue): string {
  if (exception.raw_stack) return exception.raw_stack;
  const frames = [...(exception.stacktrace?.frames ?? [])].reverse();
  const head = `${exception.type ?? 'Error'}: ${exception.value ?? ''}`;
  return [head, ...frames.map((frame) => `    at ${frame.function ?? '?'} (${where(frame)})`)].join(
    '\n',
  );
}

function FrameView(props: { frame: Frame; open: boolean }) {
  const { frame } = props;
  const hasContext = frame.context_line !== undefined;
  const first = (frame.lineno ?? 0) - (frame.pre_context?.length ?? 0);
  const lines = [
    ...(frame.pre_context ?? []),
    frame.context_line ?? '',
    ...(frame.post_context ?? []),
  ];
  return html`<li class=${frame.in_app ? 'frame in-app' : 'frame'}>
    <details open=${props.open}>
      <summary>
        <code class="function">${frame.function ?? '?'}</code>
        <span class="muted"> in </span><code>${where(frame)}</code>
        ${frame.in_app && html`<span class="badge">in app</span>`}
      </summary>
      ${
        hasContext &&
        html`<ol class="context" start=${first}>
          ${lines.map(
            (line, index) =>
              html`<li class=${first + index === frame.lineno ? 'crash-line' : ''}><code>${line}</code></li>`,
          )}
        </ol>`
      }
      ${
        frame.vars &&
        html`<dl class="vars">
          ${Object.entries(frame.vars).map(
            ([name, value]) => html`<dt>${name}</dt><dd><code>${asText(value)}</code></dd>`,
          )}
        </dl>`
      }
      ${!hasContext && !frame.vars && html`<p class="muted small">No source context was sent.</p>`}
    </details>
  </li>`;
}

/** Frames newest first; in-app frames open, runs of library frames folded into one line. */
export function StackTrace(props: { exception: ExceptionValue }) {
  const [raw, setRaw] = useState(false);
  const [unfolded, setUnfolded] = useState<Set<number>>(new Set());
  const frames = [...(props.exception.stacktrace?.frames ?? [])].reverse();
  const anyInApp = frames.some((frame) => frame.in_app);
  const groups: { start: number; frames: Frame[]; inApp: boolean }[] = [];
  frames.forEach((frame, index) => {
    const inApp = !anyInApp || frame.in_app === true;
    const last = groups[groups.length - 1];
    if (last && !inApp && !last.inApp) last.frames.push(frame);
    else groups.push({ start: index, frames: [frame], inApp });
  });
  return html`<div class="stack">
    <div class="stack-tools">
      <button type="button" class="small" aria-pressed=${raw} onClick=${() => setRaw(!raw)}>Raw stack</button>
    </div>
    ${
      raw
        ? html`<pre class="raw" tabindex="0">${rawStack(props.exception)}</pre>`
        : frames.length === 0
          ? html`<p class="muted">No stack trace.</p>`
          : html`<ol class="frames">
              ${groups.map((group) =>
                group.inApp || unfolded.has(group.start)
                  ? group.frames.map(
                      (frame, index) =>
                        html`<${FrameView} key=${group.start + index} frame=${frame} open=${group.inApp} />`,
                    )
                  : html`<li key=${`fold-${group.start}`} class="fold">
                      <button type="button" class="link" onClick=${() => setUnfolded(new Set([...unfolded, group.start]))}>
                        ${group.frames.length} other frame${group.frames.length === 1 ? '' : 's'}
                      </button>
                    </li>`,
              )}
            </ol>`
    }
  </div>`;
}
