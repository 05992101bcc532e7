import { eventFacts } from '../alerts/eventFacts';
import type { AlertSetup } from '../alerts/planAlerts';
import { planAlerts } from '../alerts/planAlerts';
import { ClientError } from '../http/ClientError';
import { unpackItem } from '../ingest/packItem';
import type { StorableMessage } from '../store/ingestBatch';
import type { IngestMessage } from '../types/IngestMessage';
import { processEvent } from './processEvent';
import { processTransaction } from './processTransaction';

/**
 * The consumer stages of one message: process its item (parse stack → scrub →
 * fingerprint → trim, see `processEvent`), plan the alerts it may fire, and count it
 * `accepted`, or `invalid` when it turns out malformed (too large even after
 * trimming, say), as Relay counts what it drops after answering. Anything else it
 * throws is a bug or an outage: the message is retried, then dead-lettered.
 */
export async function processMessage(
  message: IngestMessage,
  loadAlertSetup: (projectId: number) => Promise<AlertSetup>,
): Promise<StorableMessage> {
  const { sender } = message;
  const storable: StorableMessage = {
    key: message.key,
    projectId: sender.projectId,
    receivedAt: sender.receivedAt,
    outcomes: [...message.outcomes],
  };
  if (!message.item) return storable;
  const item = await unpackItem(message.item);
  const category = item.kind === 'event' ? item.category : 'transaction';
  try {
    if (item.kind === 'event') {
      const record = await processEvent(item.event, sender);
      const setup = await loadAlertSetup(sender.projectId);
      const filtersOnTags = setup.rules.some((rule) => rule.enabled && rule.filters.tags);
      storable.event = { record, alerts: planAlerts(eventFacts(record, filtersOnTags), setup) };
    } else {
      storable.transaction = processTransaction(item.event, item.times, sender);
    }
  } catch (error) {
    if (!(error instanceof ClientError && error.status < 500)) throw error;
    const reason = error.status === 413 ? 'too_large' : 'malformed';
    storable.outcomes.push({ outcome: 'invalid', category, reason, quantity: 1 });
    return storable;
  }
  storable.outcomes.push({ outcome: 'accepted', category, reason: '', quantity: 1 });
  return storable;
}
