// The parts of Sentry's event schema the collector reads. Unknown fields are kept as they are.

export interface StackFrame {
  filename?: string;
  abs_path?: string;
  function?: string;
  module?: string;
  lineno?: number;
  colno?: number;
  in_app?: boolean;
  vars?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ExceptionValue {
  type?: string;
  value?: string;
  module?: string;
  mechanism?: { type?: string; handled?: boolean; [key: string]: unknown };
  stacktrace?: { frames?: StackFrame[]; [key: string]: unknown };
  /** Faultline extension: the raw `error.stack` string, parsed by the collector. */
  raw_stack?: string;
  [key: string]: unknown;
}

export interface SentryEvent {
  event_id: string;
  timestamp: number;
  level: string;
  platform: string;
  message?: string | { formatted?: string; message?: string; params?: unknown[] };
  logentry?: { formatted?: string; message?: string; params?: unknown[] | Record<string, unknown> };
  exception?: { values?: ExceptionValue[] };
  transaction?: string;
  culprit?: string;
  fingerprint?: string[];
  release?: string;
  environment?: string;
  request?: { url?: string; headers?: Record<string, string>; [key: string]: unknown };
  tags?: Record<string, string> | [string, string][];
  [key: string]: unknown;
}
