import { html } from 'htm/preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** A CSS custom property for the colour, e.g. `--chart-1`. */
  color?: string;
}

/** Colours follow the page's (light or dark) theme through CSS custom properties. */
function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/**
 * A uPlot chart of series over time (`times` in epoch seconds): bars for counts,
 * lines for durations. Resizes with its container.
 */
export function Chart(props: {
  times: number[];
  series: ChartSeries[];
  kind?: 'bars' | 'line';
  height?: number;
  label: string;
  format?: (value: number) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const axisColor = cssColor('--muted');
    const gridColor = cssColor('--border');
    const bars = props.kind !== 'line' ? uPlot.paths.bars?.({ size: [0.7, 40] }) : undefined;
    const format = props.format ?? ((value: number) => String(value));
    const axis = {
      stroke: axisColor,
      grid: { stroke: gridColor, width: 1 },
      ticks: { stroke: gridColor },
    };
    const plot = new uPlot(
      {
        width: Math.max(200, element.clientWidth),
        height: props.height ?? 160,
        legend: { show: props.series.length > 1 },
        cursor: { drag: { x: false, y: false } },
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [axis, { ...axis, size: 64, values: (_u, values) => values.map(format) }],
        series: [
          {},
          ...props.series.map((series, index) => {
            const color = cssColor(series.color ?? `--chart-${index + 1}`);
            return {
              label: series.label,
              stroke: color,
              fill: props.kind === 'line' ? undefined : color,
              width: props.kind === 'line' ? 2 : 0,
              paths: bars,
              // Lines let uPlot show points where they fit: a lone hour is a dot, not nothing.
              ...(props.kind === 'line' ? {} : { points: { show: false } }),
              value: (_u: uPlot, value: number | null) => (value === null ? '—' : format(value)),
            };
          }),
        ],
      },
      [props.times, ...props.series.map((series) => series.values)],
      element,
    );
    const observer = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(200, element.clientWidth), height: props.height ?? 160 });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [props.times, props.series, props.kind]);
  return html`<figure class="chart">
    <div ref=${box} role="img" aria-label=${props.label}></div>
  </figure>`;
}
