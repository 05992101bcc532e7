import { SDK } from '../core/version';
import type { QueuedEvent } from './storage';

/**
 * One Sentry envelope holding one event. `sent_at` is stamped at send time,
 * so an event replayed from storage is not mistaken for clock drift. The DSN
 * goes in the header only through a tunnel, which needs it to forward.
 */
export const envelope = ([eventId, eventJson]: QueuedEvent, dsn?: string): string =>
  `${JSON.stringify({ event_id: eventId, sent_at: new Date().toISOString(), sdk: SDK, dsn })}\n{"type":"event"}\n${eventJson}`;
