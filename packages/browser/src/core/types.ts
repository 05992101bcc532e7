/** Sentry severity levels. */
export type Level = 'fatal' | 'error' | 'warning' | 'log' | 'info' | 'debug';

/** A breadcrumb as Sentry stores it; `timestamp` is in seconds. */
export interface Breadcrumb {
  type?: string;
  category?: string;
  message?: string;
  level?: Level;
  data?: Record<string, unknown>;
  timestamp?: number;
}

/** The user an event is attributed to. */
export interface User {
  id?: string | number;
  email?: string;
  username?: string;
  ip_address?: string;
  [key: string]: unknown;
}

/** Extra data for one captured event, merged over what the scope holds. */
export interface CaptureContext {
  level?: Level;
  tags?: Record<string, string>;
  extra?: Record<string, unknown>;
  contexts?: Record<string, Record<string, unknown>>;
  fingerprint?: string[];
  user?: User;
}

/** One frame, only sent when there is no raw stack (an `error` event without an Error). */
export interface StackFrame {
  filename?: string;
  function?: string;
  lineno?: number;
  colno?: number;
}

export interface Mechanism {
  type: string;
  handled: boolean;
  source?: string;
}

/**
 * A Sentry exception value plus Faultline's one extension: `raw_stack`, the
 * untouched `error.stack` text that the collector parses into frames.
 */
export interface ExceptionValue {
  type: string;
  value: string;
  raw_stack?: string;
  stacktrace?: { frames: StackFrame[] };
  mechanism: Mechanism;
}

/** The event as sent (Sentry event schema). */
export interface Event {
  event_id: string;
  timestamp: number;
  platform: 'javascript';
  level: Level;
  release?: string;
  environment?: string;
  sdk: { name: string; version: string };
  request: { url: string; headers: Record<string, string> };
  user?: User;
  tags: Record<string, string>;
  contexts: Record<string, Record<string, unknown> | undefined>;
  extra?: Record<string, unknown>;
  breadcrumbs: { values: Breadcrumb[] };
  /** Oldest cause first, the captured error last, as Sentry orders them. */
  exception?: { values: ExceptionValue[] };
  message?: string;
  fingerprint?: string[];
}

/** What `beforeSend` receives besides the event. */
export interface EventHint {
  event_id: string;
  originalException: unknown;
}

/** Where automatic breadcrumbs go: `addBreadcrumb`, which never throws. */
export type RecordBreadcrumb = (breadcrumb: Breadcrumb) => unknown;
