// A mergeable quantile sketch in the manner of DDSketch (Masson, Rim, Lee,
// VLDB 2019): a value x > 0 goes to bucket ceil(log_gamma(x)) with
// gamma = (1 + α) / (1 − α), so every value of a bucket lies within a relative
// error α of the bucket's representative 2·gamma^i / (gamma + 1). Buckets are
// sparse counts; two sketches merge by adding counts, so hourly sketches add up
// to any period and a percentile never needs the raw values.

/** The relative error every quantile keeps: 1 %. */
export const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

/** Values at or below this (CLS 0, a 0 ms TTFB) are counted in the zero bucket. */
const MIN_INDEXABLE = 1e-9;

/** The key of the zero bucket. */
export const ZERO_BUCKET = 'z';

/** Sparse bucket counts: bucket index (or `z`) → count. */
export type Sketch = Record<string, number>;

/** The bucket a value belongs to. */
export function bucketKey(value: number): string {
  if (!(value > MIN_INDEXABLE)) return ZERO_BUCKET;
  return String(Math.ceil(Math.log(value) / LOG_GAMMA));
}

/** The value a bucket stands for: within α of every value it holds. */
export function bucketValue(key: string): number {
  if (key === ZERO_BUCKET) return 0;
  return (2 * GAMMA ** Number(key)) / (GAMMA + 1);
}

/** Counts one value into a sketch (changes it). */
export function addToSketch(sketch: Sketch, value: number): void {
  const key = bucketKey(value);
  sketch[key] = (sketch[key] ?? 0) + 1;
}

/** Adds `from`'s counts into `into` (changes it). */
export function mergeSketch(into: Sketch, from: Sketch): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

function order(key: string): number {
  return key === ZERO_BUCKET ? Number.NEGATIVE_INFINITY : Number(key);
}

/**
 * The q-quantile (0–1) of the values counted, within α of the exact value of
 * rank floor(q · (n − 1)) in sorted order; null when the sketch is empty.
 */
export function sketchQuantile(sketch: Sketch, q: number): number | null {
  const keys = Object.keys(sketch).filter((key) => (sketch[key] ?? 0) > 0);
  const total = keys.reduce((sum, key) => sum + (sketch[key] ?? 0), 0);
  if (total === 0) return null;
  keys.sort((a, b) => order(a) - order(b));
  const rank = Math.floor(q * (total - 1));
  let seen = 0;
  for (const key of keys) {
    seen += sketch[key] ?? 0;
    if (seen > rank) return bucketValue(key);
  }
  return bucketValue(keys[keys.length - 1] as string);
}
