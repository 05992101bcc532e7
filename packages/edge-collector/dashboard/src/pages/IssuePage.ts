import { html } from 'htm/preact';
import { useMemo, useState } from 'preact/hooks';
import { Chart } from '../components/Chart';
import { EventView } from '../components/EventView';
import { IssueHeader } from '../components/IssueHeader';
import { TagBars } from '../components/TagBars';
import { useApi } from '../lib/useApi';
import type { IssueDetails, StoredEvent } from '../types';

/** `/issues/<id>` (its latest event) and `/issues/<id>/events/<eventId>`. */
export function IssuePage(props: { issueId: string; eventId?: string }) {
  const issue = useApi<IssueDetails>(`/api/0/issues/${props.issueId}/`);
  const event = useApi<StoredEvent>(
    props.eventId
      ? `/api/0/events/${props.eventId.replaceAll('-', '')}/`
      : `/api/0/issues/${props.issueId}/events/latest/`,
  );
  const [period, setPeriod] = useState<'24h' | '30d'>('24h');
  const points = issue.data?.stats[period];
  const chart = useMemo(
    () => ({
      times: (points ?? []).map(([time]) => time),
      series: [{ label: 'events', values: (points ?? []).map(([, count]) => count) }],
    }),
    [points],
  );
  if (issue.error) return html`<p class="error" role="alert">${issue.error}</p>`;
  if (!issue.data) return html`<p aria-busy="true">Loading…</p>`;
  return html`<${IssueHeader} issue=${issue.data} onChanged=${issue.reload} />
    <div class="grid-2">
      <section class="card">
        <div class="section-head">
          <h2>Events</h2>
          <div class="segmented" role="group" aria-label="Period">
            <button type="button" aria-pressed=${period === '24h'} onClick=${() => setPeriod('24h')}>24 h</button>
            <button type="button" aria-pressed=${period === '30d'} onClick=${() => setPeriod('30d')}>30 d</button>
          </div>
        </div>
        <${Chart}
          times=${chart.times}
          series=${chart.series}
          label=${`Events per ${period === '24h' ? 'hour over 24 hours' : 'day over 30 days'}`}
        />
      </section>
      <section class="card">
        <h2>Tags</h2>
        <${TagBars} tags=${issue.data.tags} total=${issue.data.count} />
      </section>
    </div>
    ${event.error && html`<p class="error" role="alert">${event.error}</p>`}
    ${
      event.data &&
      html`<${EventView}
        key=${String(event.data.event_id ?? event.data.eventID)}
        event=${event.data}
        issueId=${props.issueId}
        projectId=${issue.data.projectId}
      />`
    }`;
}
