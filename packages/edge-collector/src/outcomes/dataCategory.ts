/**
 * Sentry's data category for an envelope item type, as rate limits and
 * outcomes name them. Unknown types count under their own name.
 */
export function dataCategory(itemType: string): string {
  switch (itemType) {
    case 'event':
      return 'error';
    case 'sessions':
      return 'session';
    case 'replay_event':
    case 'replay_recording':
    case 'replay_video':
      return 'replay';
    case 'check_in':
      return 'monitor';
    case 'otel_log':
      return 'log_item';
    default:
      return itemType;
  }
}
