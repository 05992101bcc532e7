import { describe, expect, it } from 'vitest';
import { performanceScore, rateVital, scoreVital } from '../../src/insights/webVitals';

/** erfc by the trapezoid rule over e^(−t²): independent of the module's approximation. */
function erfc(x: number): number {
  const steps = 200_000;
  const upper = 10;
  const h = (upper - x) / steps;
  let sum = (Math.exp(-x * x) + Math.exp(-upper * upper)) / 2;
  for (let i = 1; i < steps; i++) sum += Math.exp(-((x + i * h) ** 2));
  return (2 / Math.sqrt(Math.PI)) * sum * h;
}

describe('web vitals', () => {
  it('rates values with web.dev thresholds, the threshold itself still the better rating', () => {
    expect(rateVital('lcp', 2500)).toBe('good');
    expect(rateVital('lcp', 2501)).toBe('needs-improvement');
    expect(rateVital('lcp', 4000)).toBe('needs-improvement');
    expect(rateVital('lcp', 4001)).toBe('poor');
    expect(rateVital('cls', 0.1)).toBe('good');
    expect(rateVital('cls', 0.26)).toBe('poor');
    expect(rateVital('inp', 300)).toBe('needs-improvement');
    expect(rateVital('fcp', 1800)).toBe('good');
    expect(rateVital('ttfb', 1801)).toBe('poor');
  });

  it("scores 0.9 at Sentry's p10 control point and 0.5 at its median", () => {
    expect(scoreVital('lcp', 1200)).toBeCloseTo(0.9, 5);
    expect(scoreVital('lcp', 2400)).toBeCloseTo(0.5, 5);
    expect(scoreVital('cls', 0.1)).toBeCloseTo(0.9, 5);
    expect(scoreVital('inp', 500)).toBeCloseTo(0.5, 5);
    expect(scoreVital('ttfb', 200)).toBeCloseTo(0.9, 5);
  });

  it('follows the log-normal curve between and beyond the control points', () => {
    // sigma of ln(value) such that the p10 point lies at the 10th percentile.
    const inverseErfcOneFifth = 0.9061938024368232;
    for (const value of [300, 1800, 3100, 6000, 12_000]) {
      const z = (Math.log(value / 2400) * inverseErfcOneFifth) / Math.log(2400 / 1200);
      expect(scoreVital('lcp', value)).toBeCloseTo(erfc(z) / 2, 5);
    }
  });

  it('weights vitals 30/30/15/15/10 and leaves out the ones without data', () => {
    const all = performanceScore({ lcp: 1, inp: 0.5, cls: 0, fcp: 1, ttfb: 0.2 });
    expect(all).toBeCloseTo(((30 + 15 + 0 + 15 + 2) / 100) * 100, 10);
    expect(performanceScore({ lcp: 0.8, cls: 0.4 })).toBeCloseTo(
      ((30 * 0.8 + 15 * 0.4) / 45) * 100,
      10,
    );
    expect(performanceScore({})).toBeNull();
  });
});
