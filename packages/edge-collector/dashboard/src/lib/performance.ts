// The performance API's shapes (documented in issues 11 and 12) and helpers to read them.

export const VITALS = ['lcp', 'inp', 'cls', 'fcp', 'ttfb'] as const;
export type Vital = (typeof VITALS)[number];

export interface VitalFigures {
  p75: number | null;
  rating: 'good' | 'needs-improvement' | 'poor' | null;
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
  errorCount?: number;
  errors?: number;
}

export interface SummaryPoint {
  t: number;
  count: number;
  p50: number | null;
  p75: number | null;
  p95: number | null;
  vitals?: Partial<Record<Vital, { p75: number | null } | number | null>>;
}

/** A vital's value as people read it: CLS unitless, the others in ms or s. */
export function formatVital(vital: Vital, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (vital === 'cls') return value.toFixed(2);
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}

/** A vital's p75 in a series point, whichever way the point spells it. */
export function pointVital(point: SummaryPoint, vital: Vital): number | null {
  const value = point.vitals?.[vital];
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : value.p75;
}

/** Epoch milliseconds from seconds, milliseconds or an ISO string. */
export function toMs(value: number | string | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'string') return Date.parse(value);
  return value < 1e11 ? value * 1000 : value;
}
