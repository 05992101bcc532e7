import { describe, expect, it } from 'vitest';
import {
  addToSketch,
  emptySketch,
  mergeSketch,
  RELATIVE_ACCURACY,
  type Sketch,
  sketchQuantile,
} from '../../src/insights/quantileSketch';
import { exactQuantile, logNormal, seededRandom } from './seededRandom';

function sketchOf(values: number[]): Sketch {
  const sketch: Sketch = emptySketch();
  for (const value of values) addToSketch(sketch, value);
  return sketch;
}

describe('quantileSketch', () => {
  it('answers p50, p75, p95 and p99 within 1 % of the exact values', () => {
    const random = seededRandom(12);
    const values = Array.from({ length: 20_000 }, () => logNormal(random, 240, 1.1));
    const sketch = sketchOf(values);
    for (const q of [0, 0.5, 0.75, 0.95, 0.99, 1]) {
      const exact = exactQuantile(values, q);
      const estimate = sketchQuantile(sketch, q) as number;
      expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-12);
    }
  });

  it('keeps values from 0.001 (CLS) to an hour apart, and zeros in their own bucket', () => {
    const values = [0, 0, 0, 0.001, 0.05, 0.3, 3_600_000];
    const sketch = sketchOf(values);
    expect(sketchQuantile(sketch, 2 / 6)).toBe(0);
    const p = sketchQuantile(sketch, 4 / 6) as number;
    expect(Math.abs(p - 0.05) / 0.05).toBeLessThanOrEqual(RELATIVE_ACCURACY);
    const max = sketchQuantile(sketch, 1) as number;
    expect(Math.abs(max - 3_600_000) / 3_600_000).toBeLessThanOrEqual(RELATIVE_ACCURACY);
  });

  it('merges two sketches into the sketch of all their values', () => {
    const random = seededRandom(7);
    const a = Array.from({ length: 3000 }, () => logNormal(random, 100, 0.8));
    const b = Array.from({ length: 5000 }, () => logNormal(random, 900, 0.5));
    const merged = sketchOf(a);
    mergeSketch(merged, sketchOf(b));
    expect(merged).toEqual(sketchOf([...a, ...b]));
    const exact = exactQuantile([...a, ...b], 0.75);
    expect(Math.abs((sketchQuantile(merged, 0.75) as number) - exact) / exact).toBeLessThanOrEqual(
      RELATIVE_ACCURACY,
    );
  });

  it('keeps its dense encoding canonical whichever order values and merges come in', () => {
    const sketch = sketchOf([0, 100, 0.5, 5000, 100]);
    const [zero, offset, ...counts] = sketch;
    expect(zero).toBe(1);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[counts.length - 1]).toBeGreaterThan(0);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(4);
    expect(sketchQuantile(sketch, 0.25)).toBeCloseTo(0.5, 1);
    const merged = sketchOf([5000]);
    mergeSketch(merged, sketchOf([0.5, 100]));
    mergeSketch(merged, sketchOf([0, 100]));
    mergeSketch(merged, emptySketch());
    expect(merged).toEqual(sketch);
    expect(offset).toBe(merged[1]);
  });

  it('has no quantile when empty', () => {
    expect(sketchQuantile(emptySketch(), 0.5)).toBeNull();
  });
});
