import { eventFacts } from '../alerts/eventFacts';
import type { AlertSetup } from '../alerts/planAlerts';
import { planAlerts } from '../alerts/planAlerts';
import { ClientError } from '../http/ClientError';
import { unpackItem } from '../ingest/packItem';
import { transactionInsights } from '../insights/transactionInsights';
import type { Outcome } from '../outcomes/OutcomeTally';
import { scrubOptionsFor } from '../scrub/scrubOptionsFor';
import type { StorableMessage } from '../store/ingestBatch';
import { processSpanItem } from '../traces/processSpanItem';
import type { ArtifactReader } from '../types/ArtifactReader';
import type { IngestMessage, SenderFacts } from '../types/IngestMessage';
import { processEvent } from './processEvent';
import { processTransaction } from './processTransaction';

/**
 * A span v2 item's stages (map → name → scrub → fit, see `processSpanItem`), counted
 * by span: those kept `accepted`, those without ids or times `invalid`; a segment too
 * large even trimmed makes all of them `invalid` (`too_large`).
 */
function withSpans(
  storable: StorableMessage,
  payload: unknown,
  sender: SenderFacts,
): StorableMessage {
  const count = (outcome: Outcome, reason: string, quantity: number) => {
    if (quantity > 0) storable.outcomes.push({ outcome, category: 'span', reason, quantity });
  };
  try {
    const spans = processSpanItem(
      payload,
      sender.projectId,
      scrubOptionsFor(sender.settings, sender.salt),
    );
    count('accepted', '', spans.accepted);
    count('invalid', 'malformed', spans.invalid);
    return {
      ...storable,
      spans: { ...spans, apdexThresholdMs: sender.settings.apdexThresholdMs ?? 300 },
    };
  } catch (error) {
    if (!(error instanceof ClientError && error.status < 500)) throw error;
    const items = (payload as { items?: unknown } | null)?.items;
    count('invalid', 'too_large', Array.isArray(items) ? items.length : 1);
    return storable;
  }
}

/**
 * The consumer stages of one message: process its item (parse stack → symbolicate → scrub →
 * fingerprint → trim, see `processEvent`), plan the alerts it may fire, and count it
 * `accepted`, or `invalid` when it turns out malformed (too large even after
 * trimming, say), as Relay counts what it drops after answering. Anything else it
 * throws is a bug or an outage: the message is retried, then dead-lettered.
 */
export async function processMessage(
  message: IngestMessage,
  loadAlertSetup: (projectId: number) => Promise<AlertSetup>,
  artifactsFor?: (projectId: number) => ArtifactReader | undefined,
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
  if (item.kind === 'spans') return withSpans(storable, item.payload, sender);
  const category = item.kind === 'event' ? item.category : 'transaction';
  try {
    if (item.kind === 'event') {
      const record = await processEvent(item.event, sender, artifactsFor?.(sender.projectId));
      const setup = await loadAlertSetup(sender.projectId);
      const filtersOnTags = setup.rules.some((rule) => rule.enabled && rule.filters.tags);
      storable.event = { record, alerts: planAlerts(eventFacts(record, filtersOnTags), setup) };
    } else {
      storable.transaction = processTransaction(item.event, item.times, sender);
      storable.insights = await transactionInsights(
        storable.transaction,
        sender.settings,
        loadAlertSetup,
      );
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
