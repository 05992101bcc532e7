import type { TraceSegment, TraceSpan } from '../types/Trace';

/** Ops whose description is a URL (`GET https://…`, a resource, the page for navigation phases). */
const URL_OPS = /^(http\.|resource\.|browser\.)/;
/** Ops whose same-origin URL is written relative, as @sentry/browser writes them in a transaction. */
const RELATIVE_OPS = /^(http\.|resource\.)/;

/** `https://shop.example:8443` of a URL; read as text, so a masked host (`[ip]`) still counts. */
function originOf(url: unknown): string | undefined {
  return typeof url === 'string' ? /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(url)?.[0] : undefined;
}

/** `GET https://shop/a?b=1#c` → `GET https://shop/a`; a same-origin URL loses the origin. */
function describeUrl(description: string, op: string, pageOrigin: string | undefined): string {
  const match = /^([A-Z]+ )?(\S+)$/.exec(description);
  if (!match) return description;
  const [, method = '', url = ''] = match;
  let path = url.replace(/[?#].*$/, '');
  if (pageOrigin && RELATIVE_OPS.test(op) && path.startsWith(`${pageOrigin}/`)) {
    path = path.slice(pageOrigin.length);
  }
  return `${method}${path}`;
}

/**
 * One description for the same span whichever client sent it: URLs lose their
 * query and fragment (values there are often secrets and always high
 * cardinality), and an http.client or resource URL of the page's own origin
 * is written relative (`GET /api/orders/17`), as @sentry/browser writes it.
 */
export function normalizeSpanDescriptions(segment: TraceSegment): TraceSegment {
  const pageOrigin = originOf(segment.data?.['url.full']);
  const spans = segment.spans.map((span): TraceSpan => {
    if (!URL_OPS.test(span.op)) return span;
    return { ...span, description: describeUrl(span.description, span.op, pageOrigin) };
  });
  return { ...segment, spans };
}
