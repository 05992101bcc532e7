/** What an item type must look like to be counted under its own name. */
const ITEM_TYPE_NAME = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Sentry's data category for an envelope item type, as rate limits and
 * outcomes name them. Unknown types count under their own name when it looks
 * like one (so a newer SDK's items show up in the stats), else as `unknown`, as
 * Relay does: a client must not choose the size or the number of category names.
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
      return ITEM_TYPE_NAME.test(itemType) ? itemType : 'unknown';
  }
}
