import type { Measurement } from '../types/Trace';

/** Web vitals as Sentry names measurements: times in milliseconds, CLS unitless (`''`). */
const VITAL_UNITS: Record<string, string> = {
  lcp: 'millisecond',
  fcp: 'millisecond',
  fp: 'millisecond',
  ttfb: 'millisecond',
  inp: 'millisecond',
  cls: '',
};

/** Span v2 attributes whose value is a measurement of a transaction event, by measurement name. */
const OTHER_MEASUREMENTS: Record<string, [string, string]> = {
  'browser.web_vital.ttfb.request_time': ['ttfb.requestTime', 'millisecond'],
  'network.connection.rtt': ['connection.rtt', 'millisecond'],
};

const VITAL_VALUE = /^browser\.web_vital\.([a-z]+)\.value$/;

/**
 * The measurements a span v2 segment or web-vital span carries as attributes
 * (`browser.web_vital.lcp.value: 1640` → `lcp: {value: 1640, unit: 'millisecond'}`),
 * named as @sentry/browser names them in a transaction event.
 */
export function webVitalMeasurements(
  attributes: Record<string, unknown>,
): Record<string, Measurement> {
  const measurements: Record<string, Measurement> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const vital = VITAL_VALUE.exec(key)?.[1];
    if (vital && vital in VITAL_UNITS) {
      measurements[vital] = { value, unit: VITAL_UNITS[vital] as string };
      continue;
    }
    const other = OTHER_MEASUREMENTS[key];
    if (other) measurements[other[0]] = { value, unit: other[1] };
  }
  return measurements;
}

/**
 * What a web-vital attribute that is not the value tells (LCP's element, CLS's
 * source, INP's target), keyed as a transaction event's trace data keys them:
 * `browser.web_vital.lcp.element` → `lcp.element`.
 */
export function webVitalAttribution(attributes: Record<string, unknown>): Record<string, unknown> {
  const attribution: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const rest = /^browser\.web_vital\.((?:lcp|cls|inp)\..+)$/.exec(key)?.[1];
    if (rest && !rest.endsWith('.value')) attribution[rest] = value;
  }
  return attribution;
}
