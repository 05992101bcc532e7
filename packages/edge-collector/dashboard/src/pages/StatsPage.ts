import { html } from 'htm/preact';
import { useMemo, useState } from 'preact/hooks';
import { Chart } from '../components/Chart';
import { formatCount } from '../lib/format';
import { useApi } from '../lib/useApi';

interface HourlyStats {
  hours: number[];
  series: Record<string, number[]>;
}

const SHOWN = [
  ['accepted', 'Accepted'],
  ['filtered', 'Filtered'],
  ['rate_limited', 'Rate-limited'],
] as const;

/** What the project's clients sent per hour: accepted, filtered and rate-limited. */
export function StatsPage(props: { projectId: string }) {
  const [period, setPeriod] = useState<'24h' | '7d' | '30d'>('24h');
  const stats = useApi<HourlyStats>(
    `/api/0/projects/${props.projectId}/stats/hourly/?period=${period}`,
  );
  const series = useMemo(
    () =>
      SHOWN.map(([key, label], index) => ({
        label,
        values: stats.data?.series[key] ?? [],
        color: `--chart-${index + 1}`,
      })),
    [stats.data],
  );
  const total = (key: string) =>
    (stats.data?.series[key] ?? []).reduce((sum, value) => sum + value, 0);
  return html`<h1>Stats</h1>
    <div class="segmented" role="group" aria-label="Period">
      ${(['24h', '7d', '30d'] as const).map(
        (value) =>
          html`<button type="button" aria-pressed=${period === value} onClick=${() => setPeriod(value)}>${value}</button>`,
      )}
    </div>
    ${stats.error && html`<p class="error" role="alert">${stats.error}</p>`}
    <dl class="facts">
      ${SHOWN.map(([key, label]) => html`<dt>${label}</dt><dd>${formatCount(total(key))}</dd>`)}
    </dl>
    ${
      stats.data &&
      html`<section class="card">
        <h2>Per hour</h2>
        <${Chart} times=${stats.data.hours} series=${series} kind="line" height=${220} label="Accepted, filtered and rate-limited events per hour" />
      </section>`
    }`;
}
