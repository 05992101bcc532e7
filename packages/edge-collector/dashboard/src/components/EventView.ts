import { html } from 'htm/preact';
import { asText, formatDate } from '../lib/format';
import { toMs } from '../lib/performance';
import { Link } from '../lib/router';
import type { EventRequest } from '../lib/toCurl';
import { useApi } from '../lib/useApi';
import type { StoredEvent } from '../types';
import { Breadcrumbs } from './Breadcrumbs';
import { ExceptionChain } from './ExceptionChain';
import { KeyValues } from './KeyValues';
import { RequestView } from './RequestView';
import type { ExceptionValue } from './StackTrace';

interface Neighbours {
  previousEventId: string | null;
  nextEventId: string | null;
  latestEventId: string | null;
}

/** The event's message: formatted log entry, or the message (string or object). */
function messageOf(event: StoredEvent): string {
  const logentry = event.logentry as { formatted?: string; message?: string } | undefined;
  const message = event.message as string | { formatted?: string; message?: string } | undefined;
  if (logentry) return logentry.formatted ?? logentry.message ?? '';
  if (typeof message === 'string') return message;
  return message?.formatted ?? message?.message ?? '';
}

function Section(props: { title: string; children: unknown }) {
  return html`<section class="card"><h2>${props.title}</h2>${props.children}</section>`;
}

/** One event in full: exception and stack, breadcrumbs, request, user, contexts, tags, SDK. */
export function EventView(props: { event: StoredEvent; issueId: string; projectId: string }) {
  const { event } = props;
  const eventId = String(event.event_id ?? event.eventID ?? '');
  const { data: around } = useApi<Neighbours>(
    eventId ? `/api/0/events/${eventId}/neighbours/` : null,
  );
  const eventHref = (id: string) => `/issues/${props.issueId}/events/${id}`;
  const exceptions = (event.exception as { values?: ExceptionValue[] } | undefined)?.values ?? [];
  const contexts = (event.contexts ?? {}) as Record<string, Record<string, unknown>>;
  const traceId = contexts.trace?.trace_id;
  const sdk = event.sdk as { name?: string; version?: string } | undefined;
  const message = messageOf(event);
  return html`<div class="event">
    <nav class="event-nav" aria-label="Events of this issue">
      <span>Event <code>${eventId}</code> · ${formatDate(event.dateCreated ?? toMs(event.timestamp as number | string))}</span>
      <span class="pager">
        ${around?.previousEventId ? html`<${Link} href=${eventHref(around.previousEventId)}>Older<//>` : html`<span class="muted">Older</span>`}
        ${around?.nextEventId ? html`<${Link} href=${eventHref(around.nextEventId)}>Newer<//>` : html`<span class="muted">Newer</span>`}
        ${around?.latestEventId && around.latestEventId !== eventId ? html`<${Link} href=${`/issues/${props.issueId}`}>Latest<//>` : html`<span class="muted">Latest</span>`}
      </span>
      ${
        typeof traceId === 'string' &&
        /^[0-9a-f]{32}$/.test(traceId) &&
        html`<${Link} href=${`/projects/${props.projectId}/traces/${traceId}`}>Trace ${traceId.slice(0, 8)}<//>`
      }
    </nav>
    ${message && html`<${Section} title="Message"><p class="message">${message}</p><//>`}
    ${exceptions.length > 0 && html`<${Section} title="Exception"><${ExceptionChain} values=${exceptions} /><//>`}
    <${Section} title="Breadcrumbs"><${Breadcrumbs} crumbs=${event.breadcrumbs} /><//>
    ${event.request && html`<${Section} title="Request"><${RequestView} request=${event.request as EventRequest} /><//>`}
    <div class="grid-2">
      <${Section} title="User"><${KeyValues} data=${event.user} label="User" /><//>
      <${Section} title="Tags"><${KeyValues} data=${event.tags} label="Tags" /><//>
    </div>
    <${Section} title="Contexts">
      ${Object.entries(contexts)
        .filter(([name]) => name !== 'trace')
        .map(
          ([name, context]) => html`<h3>${name}</h3><${KeyValues} data=${context} label=${name} />`,
        )}
      ${Object.keys(contexts).length === 0 && html`<p class="muted">None.</p>`}
    <//>
    <${Section} title="SDK">
      <${KeyValues}
        data=${{
          sdk: sdk ? `${asText(sdk.name)} ${asText(sdk.version)}` : undefined,
          release: event.release,
          environment: event.environment,
          platform: event.platform,
        }}
      />
    <//>
  </div>`;
}
