import { ClientError } from '../http/ClientError';
import { WEB_VITALS } from '../insights/webVitals';
import type { AggregateFilter } from '../store/transactionAggregateReads';

const PERIODS: Record<string, number> = {
  '1h': 3600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
};

export const PERFORMANCE_SORTS = ['p95', 'p75', 'count', 'opportunity', ...WEB_VITALS] as const;
export type PerformanceSort = (typeof PERFORMANCE_SORTS)[number];

export interface PerformanceQuery {
  /** Milliseconds since the epoch, [start, end). */
  start: number;
  end: number;
  filter: AggregateFilter;
  sort: PerformanceSort;
}

/** `start`/`end` as epoch seconds or an ISO 8601 time. */
function parseTime(value: string, name: string): number {
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  if (!Number.isFinite(ms))
    throw new ClientError(400, `${name} must be epoch seconds or an ISO time`);
  return ms;
}

function optional(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}

/**
 * The period and filters of a performance request: `period` (1h, 24h, 7d,
 * 30d, 90d; default 24h) or `start` and `end`; `environment`, `release`, `op`,
 * `query` (name contains), `sort`. Aggregates are hourly, so the period is
 * widened to whole hours.
 */
export function parsePerformanceQuery(url: URL, projectId: number, now: number): PerformanceQuery {
  const params = url.searchParams;
  let start: number;
  let end: number;
  if (params.has('start') || params.has('end')) {
    const startText = optional(params, 'start');
    const endText = optional(params, 'end');
    if (!startText || !endText) throw new ClientError(400, 'start and end go together');
    start = parseTime(startText, 'start');
    end = parseTime(endText, 'end');
    if (end <= start) throw new ClientError(400, 'end must be after start');
  } else {
    const period = params.get('period') ?? '24h';
    const length = PERIODS[period];
    if (!length)
      throw new ClientError(400, `period must be one of ${Object.keys(PERIODS).join(', ')}`);
    end = now;
    start = now - length;
  }
  const sort = (params.get('sort') ?? 'count') as PerformanceSort;
  if (!PERFORMANCE_SORTS.includes(sort)) {
    throw new ClientError(400, `sort must be one of ${PERFORMANCE_SORTS.join(', ')}`);
  }
  const startHour = Math.floor(start / 3_600_000) * 3600;
  const endHour = Math.ceil(end / 3_600_000) * 3600;
  return {
    start: startHour * 1000,
    end: endHour * 1000,
    sort,
    filter: {
      projectId,
      startHour,
      endHour,
      environment: optional(params, 'environment'),
      release: optional(params, 'release'),
      op: optional(params, 'op'),
      query: optional(params, 'query'),
    },
  };
}
