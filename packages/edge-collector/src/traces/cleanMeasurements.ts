import type { Measurement } from '../types/Trace';

/** Keeps measurements shaped `{name: {value: number, unit?: string}}`; drops the rest. */
export function cleanMeasurements(value: unknown): Record<string, Measurement> {
  const result: Record<string, Measurement> = {};
  if (!value || typeof value !== 'object') return result;
  for (const [name, entry] of Object.entries(value)) {
    const measured = (entry as { value?: unknown } | null)?.value;
    if (typeof measured !== 'number' || !Number.isFinite(measured)) continue;
    const unit = (entry as { unit?: unknown }).unit;
    result[name] = typeof unit === 'string' ? { value: measured, unit } : { value: measured };
  }
  return result;
}
