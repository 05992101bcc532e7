import { ClientError } from '../http/ClientError';
import { WEB_VITALS } from '../insights/webVitals';
import { type AlertTrigger, MAX_WINDOW_MINUTES } from '../types/AlertRule';

/** `p75(lcp)` style: a percentile of the duration or a web vital. */
export const METRIC_PATTERN = new RegExp(`^(p50|p75|p95)\\((duration|${WEB_VITALS.join('|')})\\)$`);

function fail(message: string): never {
  throw new ClientError(400, message);
}

function number(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(`${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

/**
 * `{"type": "performance_regression", "metric": "p75(lcp)", "transaction"?, "threshold": 10,
 * "windowMinutes": 60, "baseline": "previous_release" | "previous_week", "minCount": 50}` or
 * `{"type": "error_rate", "threshold": 5, "windowMinutes": 60, "minCount": 50}`; the
 * numbers shown are the defaults.
 */
export function parseCronTrigger(value: Record<string, unknown>, name: string): AlertTrigger {
  const windowMinutes = number(
    value.windowMinutes,
    `${name}.windowMinutes`,
    60,
    1,
    MAX_WINDOW_MINUTES,
  );
  const minCount = number(value.minCount, `${name}.minCount`, 50, 1, 1_000_000);
  if (value.type === 'error_rate') {
    const threshold = number(value.threshold, `${name}.threshold`, 5, 0, 100);
    return { type: 'error_rate', threshold, windowMinutes, minCount };
  }
  const metric = value.metric ?? 'p75(duration)';
  if (typeof metric !== 'string' || !METRIC_PATTERN.test(metric)) {
    fail(
      `${name}.metric must be p50, p75 or p95 of duration, ${WEB_VITALS.join(', ')}, e.g. p75(lcp)`,
    );
  }
  const baseline = value.baseline ?? 'previous_release';
  if (baseline !== 'previous_release' && baseline !== 'previous_week') {
    fail(`${name}.baseline must be previous_release or previous_week`);
  }
  const transaction = value.transaction;
  if (
    transaction !== undefined &&
    (typeof transaction !== 'string' || !transaction || transaction.length > 200)
  ) {
    fail(`${name}.transaction must be a transaction name of 1 to 200 characters`);
  }
  return {
    type: 'performance_regression',
    metric,
    ...(transaction ? { transaction: transaction as string } : {}),
    threshold: number(value.threshold, `${name}.threshold`, 10, 0, 10_000),
    windowMinutes,
    baseline,
    minCount,
  };
}
