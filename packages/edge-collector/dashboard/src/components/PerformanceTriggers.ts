import { html } from 'htm/preact';
import type { Trigger } from '../lib/alertRules';

// The performance triggers of the rules API as issue 12 documents them:
// performance_regression {metric, transaction?, threshold, windowMinutes, baseline, minCount}
// and error_rate {threshold, windowMinutes, minCount}.

const METRICS = ['p50', 'p75', 'p95'].flatMap((p) =>
  ['duration', 'lcp', 'inp', 'cls', 'fcp', 'ttfb'].map((figure) => `${p}(${figure})`),
);

const num = (value: FormDataEntryValue | null, fallback: number) =>
  value === null || value === '' ? fallback : Number(value);

/** The performance triggers ticked in the form. */
export function readPerformanceTriggers(data: FormData): Trigger[] {
  const triggers: Trigger[] = [];
  if (data.get('t-performance_regression')) {
    const transaction = String(data.get('pr-transaction') ?? '').trim();
    triggers.push({
      type: 'performance_regression',
      metric: String(data.get('pr-metric') ?? 'p75(duration)'),
      ...(transaction ? { transaction } : {}),
      threshold: num(data.get('pr-threshold'), 10),
      windowMinutes: num(data.get('pr-window'), 60),
      baseline: String(data.get('pr-baseline') ?? 'previous_release'),
      minCount: num(data.get('pr-min'), 50),
    });
  }
  if (data.get('t-error_rate')) {
    triggers.push({
      type: 'error_rate',
      threshold: num(data.get('er-threshold'), 5),
      windowMinutes: num(data.get('er-window'), 60),
      minCount: num(data.get('er-min'), 50),
    });
  }
  return triggers;
}

/** Fields for a performance regression and an error rate trigger, filled from `current`. */
export function PerformanceTriggers(props: { current: Trigger[] }) {
  const regression = props.current.find((trigger) => trigger.type === 'performance_regression');
  const errorRate = props.current.find((trigger) => trigger.type === 'error_rate');
  return html`<div class="threshold">
      <label class="inline"><input type="checkbox" name="t-performance_regression" checked=${!!regression} /> A transaction gets slower than its baseline</label>
      <label>Figure
        <select name="pr-metric">${METRICS.map((metric) => html`<option selected=${(regression?.metric ?? 'p75(duration)') === metric}>${metric}</option>`)}</select>
      </label>
      <label>Transaction (empty: each) <input name="pr-transaction" value=${String(regression?.transaction ?? '')} /></label>
      <label>By more than (%) <input type="number" min="0" name="pr-threshold" value=${Number(regression?.threshold ?? 10)} /></label>
      <label>Window (minutes) <input type="number" min="1" name="pr-window" value=${Number(regression?.windowMinutes ?? 60)} /></label>
      <label>Baseline
        <select name="pr-baseline">
          <option value="previous_release" selected=${regression?.baseline !== 'previous_week'}>previous release</option>
          <option value="previous_week" selected=${regression?.baseline === 'previous_week'}>a week earlier</option>
        </select>
      </label>
      <label>Minimum count <input type="number" min="1" name="pr-min" value=${Number(regression?.minCount ?? 50)} /></label>
    </div>
    <div class="threshold">
      <label class="inline"><input type="checkbox" name="t-error_rate" checked=${!!errorRate} /> Errors per transaction above (%)</label>
      <label>Rate (%) <input type="number" min="0" step="any" name="er-threshold" value=${Number(errorRate?.threshold ?? 5)} /></label>
      <label>Window (minutes) <input type="number" min="1" name="er-window" value=${Number(errorRate?.windowMinutes ?? 60)} /></label>
      <label>Minimum count <input type="number" min="1" name="er-min" value=${Number(errorRate?.minCount ?? 50)} /></label>
    </div>`;
}
