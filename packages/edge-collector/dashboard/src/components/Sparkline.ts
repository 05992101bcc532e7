import { html } from 'htm/preact';

/** A small SVG line of counts (oldest first): how an issue has been going lately. */
export function Sparkline(props: { points: [number, number][] | undefined; label: string }) {
  const points = props.points ?? [];
  const width = 96;
  const height = 24;
  const max = Math.max(1, ...points.map(([, count]) => count));
  const step = points.length > 1 ? width / (points.length - 1) : width;
  const line = points
    .map(
      ([, count], index) =>
        `${(index * step).toFixed(1)},${(height - 1 - (count / max) * (height - 2)).toFixed(1)}`,
    )
    .join(' ');
  const total = points.reduce((sum, [, count]) => sum + count, 0);
  return html`<svg
    class="sparkline"
    viewBox=${`0 0 ${width} ${height}`}
    width=${width}
    height=${height}
    role="img"
    aria-label=${`${props.label}: ${total} events in 24 hours`}
  >
    <polyline points=${line} fill="none" stroke="currentColor" stroke-width="1.5" />
  </svg>`;
}
