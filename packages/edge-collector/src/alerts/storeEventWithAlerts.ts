import type { Env } from '../env';
import { indexedEvent } from '../insights/indexedEvent';
import { insertEventIndexStatement } from '../store/eventIndex';
import { type EventRecord, insertEvent, type StoredEvent } from '../store/events';
import { loadAlertSetup } from './alertSetupCache';
import { alertStatements } from './alertStatements';
import { deliverAlerts } from './deliverAlerts';
import { eventFacts } from './eventFacts';

/**
 * Rounds of deliveries (10 each) sent right after an event: three rounds of attempts that
 * time out after 10 s fit in the 30 s waitUntil allows. The cron sends any more.
 */
const ROUNDS_AFTER_EVENT = 3;

/**
 * Stores an event and, in the same D1 batch, the alerts it fires with their outbox
 * rows; then delivers those after the response (`waitUntil`). What this Worker does
 * not get to deliver, the cron retries, so an alert is never lost between the two.
 */
export async function storeEventWithAlerts(
  env: Env,
  ctx: ExecutionContext,
  record: EventRecord,
  extraStatements: D1PreparedStatement[] = [],
): Promise<StoredEvent> {
  const setup = await loadAlertSetup(env.DB, record.projectId);
  const filtersOnTags = setup.rules.some((rule) => rule.enabled && rule.filters.tags);
  const facts = eventFacts(record, filtersOnTags);
  const { statements, fireIndexes } = alertStatements(env.DB, record, facts, setup);
  const stored = await insertEvent(env.DB, record, [
    ...statements,
    insertEventIndexStatement(env.DB, indexedEvent(record)),
    ...extraStatements,
  ]);
  const fired = fireIndexes.some((index) => (stored.extraResults[index]?.meta.changes ?? 0) > 0);
  if (fired) {
    const event = { projectId: record.projectId, eventId: record.eventId };
    ctx.waitUntil(
      deliverAlerts(env, { event, maxRounds: ROUNDS_AFTER_EVENT }).catch((error) => {
        console.error(
          `delivering alerts of event ${record.eventId} failed, the cron retries:`,
          error,
        );
      }),
    );
  }
  return stored;
}
