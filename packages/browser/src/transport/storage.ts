/** An event waiting to be sent: its id and its JSON. */
export type QueuedEvent = [id: string, json: string];

/** Events kept at most, the newest; the site's own quota stays the site's. */
export const MAX_STORED = 10;

/** Events that could not be sent (offline, 5xx), kept for a later page or `online`. */
export const readStored = (key: string): QueuedEvent[] =>
  JSON.parse(localStorage.getItem(key) || '[]');

export const storeEvent = (key: string, event: QueuedEvent) =>
  localStorage.setItem(key, JSON.stringify(readStored(key).concat([event]).slice(-MAX_STORED)));
