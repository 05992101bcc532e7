import type { TraceSegment } from '../types/Trace';
import type {
  AggregateKey,
  SketchMetric,
  TransactionAggregate,
} from '../types/TransactionAggregate';
import { emptyAggregate } from './addAggregate';
import { addToSketch, emptySketch, type Sketch } from './quantileSketch';
import { spanOpBreakdown } from './spanOpBreakdown';
import { rateVital, scoreVital, WEB_VITALS } from './webVitals';

/** Statuses that are not failures, as Sentry's failure_rate() counts them. */
const NOT_FAILED = new Set(['', 'ok', 'cancelled', 'unknown', 'unknown_error']);

const RATING_TALLY = { good: 'good', 'needs-improvement': 'needsImprovement', poor: 'poor' };

function add(record: Record<string, number>, key: string, amount: number): void {
  record[key] = (record[key] ?? 0) + amount;
}

/** The row's sketch of a metric, started when the row has none yet. */
function sketchOf(row: TransactionAggregate, metric: SketchMetric): Sketch {
  const sketch = row.sketches[metric] ?? emptySketch();
  row.sketches[metric] = sketch;
  return sketch;
}

function keyOf(segment: TraceSegment): AggregateKey {
  return {
    projectId: segment.projectId,
    name: segment.name,
    op: segment.op,
    environment: segment.environment ?? '',
    release: segment.release ?? '',
    hour: Math.floor(segment.timestamp / 3_600_000) * 3600,
  };
}

/**
 * The aggregate rows a batch of transactions adds: one per key (project ×
 * name × op × environment × release × hour), so a batch costs one upsert per
 * key however many transactions share it. `apdexThresholdMs` is each project's T.
 */
export function aggregateSegments(
  segments: TraceSegment[],
  apdexThresholdMs: (projectId: number) => number,
): TransactionAggregate[] {
  const rows = new Map<string, TransactionAggregate>();
  for (const segment of segments) {
    const key = keyOf(segment);
    const id = JSON.stringify(Object.values(key));
    let row = rows.get(id);
    if (!row) {
      row = {
        ...key,
        ...emptyAggregate(),
        eventIds: [],
      };
      rows.set(id, row);
    }
    const duration = Math.max(0, segment.timestamp - segment.startTimestamp);
    const threshold = apdexThresholdMs(segment.projectId);
    row.count += 1;
    row.eventIds.push(segment.eventId);
    row.failures += NOT_FAILED.has(segment.status) ? 0 : 1;
    row.apdexSatisfied += duration <= threshold ? 1 : 0;
    row.apdexTolerated += duration > threshold && duration <= 4 * threshold ? 1 : 0;
    row.durationSum += duration;
    addToSketch(sketchOf(row, 'duration'), duration);
    for (const vital of WEB_VITALS) {
      const value = segment.measurements[vital]?.value;
      if (value === undefined || !Number.isFinite(value) || value < 0) continue;
      addToSketch(sketchOf(row, vital), value);
      add(row.vitalTallies, `${vital}.${RATING_TALLY[rateVital(vital, value)]}`, 1);
      add(row.vitalTallies, `${vital}.score`, scoreVital(vital, value));
    }
    for (const [category, ms] of Object.entries(spanOpBreakdown(segment.spans))) {
      add(row.spanOps, category, ms);
    }
  }
  return [...rows.values()];
}
