// A mergeable quantile sketch in the manner of DDSketch (Masson, Rim, Lee,
// VLDB 2019): a value x > 0 goes to bucket ceil(log_gamma(x)) with
// gamma = (1 + α) / (1 − α), so every value of a bucket lies within a relative
// error α of the bucket's representative 2·gamma^i / (gamma + 1). Two sketches
// merge by adding counts, so hourly sketches add up to any period and a
// percentile never needs the raw values.
//
// Encoding: a dense array `[zeroCount, offset, c(offset), c(offset + 1), …]`
// (stored as the JSON text of that array): the counts of the buckets from the
// lowest to the highest one used, zeros between. A page's values span a few
// dozen to a few hundred buckets, so this is far smaller and faster to read
// than one key per bucket, and SQLite can still add two of them (see
// `store/transactionAggregates`). `[0, 0]` is the empty sketch.

/** The relative error every quantile keeps: 1 %. */
export const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

/** Values at or below this (CLS 0, a 0 ms TTFB) are counted in the zero bucket. */
const MIN_INDEXABLE = 1e-9;

/** `[zeroCount, offset, ...counts]`; never a leading or trailing zero count. */
export type Sketch = number[];

export function emptySketch(): Sketch {
  return [0, 0];
}

/** The bucket a value belongs to; null for the zero bucket. */
export function bucketIndex(value: number): number | null {
  if (!(value > MIN_INDEXABLE)) return null;
  return Math.ceil(Math.log(value) / LOG_GAMMA);
}

/** The value a bucket stands for (null: the zero bucket): within α of every value it holds. */
export function bucketValue(index: number | null): number {
  if (index === null) return 0;
  return (2 * GAMMA ** index) / (GAMMA + 1);
}

/** Adds `count` to bucket `index` of `sketch` (changes it), widening its range as needed. */
function addToBucket(sketch: Sketch, index: number, count: number): void {
  const used = sketch.length - 2;
  if (used === 0) {
    sketch[1] = index;
    sketch.push(count);
    return;
  }
  const offset = sketch[1] as number;
  if (index < offset) {
    sketch.splice(2, 0, count, ...new Array<number>(offset - index - 1).fill(0));
    sketch[1] = index;
    return;
  }
  const at = index - offset;
  while (sketch.length - 2 <= at) sketch.push(0);
  sketch[2 + at] = (sketch[2 + at] as number) + count;
}

/** Counts one value into a sketch (changes it). */
export function addToSketch(sketch: Sketch, value: number): void {
  const index = bucketIndex(value);
  if (index === null) sketch[0] = (sketch[0] as number) + 1;
  else addToBucket(sketch, index, 1);
}

/** Adds `from`'s counts into `into` (changes it). */
export function mergeSketch(into: Sketch, from: Sketch): void {
  into[0] = (into[0] as number) + (from[0] as number);
  const used = from.length - 2;
  if (used === 0) return;
  const fromOffset = from[1] as number;
  // Widen `into` once to cover both ranges, then add in one pass.
  if (into.length === 2 || fromOffset < (into[1] as number)) {
    addToBucket(into, fromOffset, 0);
  }
  addToBucket(into, fromOffset + used - 1, 0);
  const shift = fromOffset - (into[1] as number) + 2;
  for (let i = 0; i < used; i++)
    into[shift + i] = (into[shift + i] as number) + (from[2 + i] as number);
}

/** How many values the sketch counts. */
export function sketchCount(sketch: Sketch): number {
  let total = 0;
  for (let i = 0; i < sketch.length; i++) if (i !== 1) total += sketch[i] as number;
  return total;
}

/**
 * The q-quantile (0–1) of the values counted, within α of the exact value of
 * rank floor(q · (n − 1)) in sorted order; null when the sketch is empty.
 */
export function sketchQuantile(sketch: Sketch, q: number): number | null {
  const total = sketchCount(sketch);
  if (total === 0) return null;
  const rank = Math.floor(q * (total - 1));
  let seen = sketch[0] as number;
  if (seen > rank) return 0;
  const offset = sketch[1] as number;
  for (let i = 2; i < sketch.length; i++) {
    seen += sketch[i] as number;
    if (seen > rank) return bucketValue(offset + i - 2);
  }
  return bucketValue(offset + sketch.length - 3);
}
