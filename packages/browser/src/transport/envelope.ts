import type { ResolvedOptions } from '../core/options.js';
import type { QueuedEvent } from './storage.js';

/**
 * One Sentry envelope holding one event. The header carries only the event
 * id, and the DSN through a tunnel, which needs it to forward: `sdk` is in
 * the event already, and `sent_at` is optional (it serves clock-drift
 * correction, which the collector does not do), so neither costs bytes.
 */
export const envelope = ([eventId, eventJson]: QueuedEvent, o: ResolvedOptions): string =>
  `${JSON.stringify({ event_id: eventId, dsn: o.tunnel && o.dsn })}\n{"type":"event"}\n${eventJson}`;
