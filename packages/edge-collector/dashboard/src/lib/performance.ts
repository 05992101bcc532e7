// The performance API's shapes (documented in issues 11 and 12) and helpers to read them.

export const VITALS = ['lcp', 'inp', 'cls', 'fcp', 'ttfb'] as const;
export type Vital = (typeof VITALS)[number];

export type Rating = 'good' | 'needs-improvement' | 'poor';

/** A rating in words: the table says it as well as colouring it. */
export const RATING_LABELS: Record<Rating, string> = {
  good: 'good',
  'needs-improvement': 'needs improvement',
  poor: 'poor',
};

/** The API's sorts (`sort=`), each slowest or worst first. */
export const PERFORMANCE_SORTS = ['p95', 'p75', 'count', 'opportunity', ...VITALS] as const;
export type PerformanceSort = (typeof PERFORMANCE_SORTS)[number];

export interface VitalFigures {
  p75: number | null;
  rating: Rating | null;
  good: number;
  needsImprovement: number;
  poor: number;
}

export interface PerformanceRow {
  name: string;
  op: string;
  count: number;
  tpm: number;
  p50: number | null;
  p75: number | null;
  p95: number | null;
  failureRate: number;
  apdex: number | null;
  score: number | null;
  opportunity: number | null;
  vitals: Partial<Record<Vital, VitalFigures>>;
  /** Error events that share trace ids with this transaction. */
  errors: number;
}

export interface SummaryPoint {
  /** Start of the step, epoch seconds. */
  t: number;
  count: number;
  p50: number | null;
  p75: number | null;
  p95: number | null;
  vitals: Partial<Record<Vital, number | null>>;
}

/** `GET /performance/summary/?transaction=`: the row's figures, a series, samples and span ops. */
export interface PerformanceSummary extends Omit<PerformanceRow, 'tpm' | 'opportunity' | 'errors'> {
  op: string;
  series: SummaryPoint[];
  slowest: { eventId: string; durationMs: number; traceId: string; timestamp: number }[];
  /** Time in spans per op category (db, http, resource, browser…) and its share of the duration. */
  spanOps: Record<string, { ms: number; share: number }>;
}

/** A vital's value as people read it: CLS unitless, the others in ms or s. */
export function formatVital(vital: Vital, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (vital === 'cls') return value.toFixed(2);
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}

/** Epoch milliseconds from seconds, milliseconds or an ISO string. */
export function toMs(value: number | string | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'string') return Date.parse(value);
  return value < 1e11 ? value * 1000 : value;
}
