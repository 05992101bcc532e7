import type { Measurement, StreamedSegments, TraceSegment, TraceSpan } from '../types/Trace';
import {
  ownAttributes,
  readStreamedSpan,
  type StreamedSpan,
  streamedSpanOp,
  toTraceSpan,
} from './streamedSpan';
import { webVitalAttribution, webVitalMeasurements } from './webVitalMeasurements';

/** Ops of the spans that only carry a web vital: folded into measurements, not kept as spans. */
const VITAL_OP = /^ui\.(webvital\.|interaction\.)/;

interface Collected {
  measurements: Record<string, Measurement>;
  data: Record<string, unknown>;
  spans: TraceSpan[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The segment a span belongs to: a web vital names its page load, other spans their segment. */
function segmentIdOf(span: StreamedSpan): string {
  return (
    text(span.attributes['sentry.pageload.span_id']) ||
    text(span.attributes['sentry.segment.id']) ||
    span.parentSpanId ||
    span.spanId
  ).toLowerCase();
}

/** A segment's own data: its attributes minus SDK internals and the vitals now in measurements. */
function segmentData(span: StreamedSpan): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ownAttributes(span.attributes))) {
    if (!key.startsWith('browser.web_vital.') && key !== 'network.connection.rtt')
      data[key] = value;
  }
  return { ...data, ...webVitalAttribution(span.attributes) };
}

/**
 * As Sentry names a URL-sourced page load: @sentry/browser 11 names the
 * segment "Pageload" / "Navigation" and puts the path in `url.path`.
 */
function segmentName(span: StreamedSpan): { name: string; nameSource: string } {
  const source =
    text(span.attributes['sentry.segment.name.source']) ||
    text(span.attributes['sentry.span.source']);
  const path = text(span.attributes['url.path']);
  if (source === 'url' && path) return { name: path, nameSource: 'url' };
  return { name: span.name || '<unlabeled transaction>', nameSource: source || 'custom' };
}

/** A deterministic event id for a streamed segment, so a resent envelope is stored once. */
function segmentEventId(span: StreamedSpan): string {
  return `${span.traceId.slice(0, 16)}${span.spanId}`;
}

function toSegment(span: StreamedSpan, projectId: number, collected: Collected): TraceSegment {
  return {
    projectId,
    eventId: segmentEventId(span),
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    ...segmentName(span),
    op: streamedSpanOp(span),
    status: span.status,
    startTimestamp: span.startTimestamp,
    timestamp: span.timestamp,
    release: text(span.attributes['sentry.release']) || null,
    environment: text(span.attributes['sentry.environment']) || null,
    measurements: { ...webVitalMeasurements(span.attributes), ...collected.measurements },
    spans: collected.spans,
    data: { ...segmentData(span), ...collected.data },
  };
}

/**
 * The span v2 stream of @sentry/browser 11 mapped to the trace model: each
 * segment span (`is_segment`) with the child spans of this item becomes a
 * `TraceSegment`; spans whose segment came in an earlier envelope (the web
 * vitals sent when the page is hidden) become a `SegmentUpdate` of it. Web
 * vital spans (`ui.webvital.lcp`, `ui.webvital.cls`, `ui.interaction.*` with
 * INP) become measurements and attribution data, as in a transaction event.
 * Spans without valid ids or times are dropped.
 */
export function spanStreamToSegments(payload: unknown, projectId: number): StreamedSegments {
  const rawItems = (payload as { items?: unknown } | null)?.items;
  const items = Array.isArray(rawItems) ? rawItems : [];
  const spans = items
    .map(readStreamedSpan)
    .filter((span): span is StreamedSpan => span !== undefined);
  const roots = new Map<string, StreamedSpan>();
  for (const span of spans) if (span.isSegment) roots.set(`${span.traceId}:${span.spanId}`, span);

  const collected = new Map<string, Collected>();
  for (const span of spans) {
    if (span.isSegment) continue;
    const key = `${span.traceId}:${segmentIdOf(span)}`;
    const entry = collected.get(key) ?? { measurements: {}, data: {}, spans: [] };
    collected.set(key, entry);
    const vitals = webVitalMeasurements(span.attributes);
    if (VITAL_OP.test(streamedSpanOp(span)) && Object.keys(vitals).length > 0) {
      Object.assign(entry.measurements, vitals);
      Object.assign(entry.data, webVitalAttribution(span.attributes));
    } else {
      entry.spans.push(toTraceSpan(span));
    }
  }

  const empty: Collected = { measurements: {}, data: {}, spans: [] };
  const segments = [...roots].map(([key, root]) =>
    toSegment(root, projectId, collected.get(key) ?? empty),
  );
  const updates = [...collected]
    .filter(([key]) => !roots.has(key))
    .map(([key, entry]) => {
      const [traceId = '', spanId = ''] = key.split(':');
      return { projectId, traceId, spanId, ...entry };
    });
  return { segments, updates, accepted: spans.length, invalid: items.length - spans.length };
}
