/** An event waiting to be sent: its id and its JSON. */
export type QueuedEvent = [id: string, json: string];

/**
 * The characters stored events may take together, the newest kept: about
 * 200 KB of the site's localStorage quota (5 MB or so), which stays the site's.
 */
export const MAX_STORED_CHARS = 1e5;

/** Events that could not be sent (offline, 5xx), kept for a later page, `online` or hiding. */
export const readStored = (key: string): QueuedEvent[] =>
  JSON.parse(localStorage.getItem(key) || '[]');

/**
 * Forgets the stored event with `id` and, given `keep`, stores that event
 * last, dropping the oldest past the bound.
 */
export const updateStored = (key: string, id: string, keep?: QueuedEvent | false) => {
  const events = readStored(key).filter((event) => event[0] !== id);
  for (keep && events.push(keep); JSON.stringify(events).length > MAX_STORED_CHARS; )
    events.shift();
  localStorage.setItem(key, JSON.stringify(events));
};
