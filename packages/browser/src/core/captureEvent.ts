import { now } from '../lib/now.js';
import { uuid } from '../lib/uuid.js';
import { send } from '../transport/send.js';
import { breadcrumbs } from './breadcrumbs.js';
import { options } from './client.js';
import { debugDropped, debugLog } from './debugLog.js';
import { filterReason } from './filterReason.js';
import { isFiltered } from './isFiltered.js';
import { contexts, tags, user } from './scope.js';
import type { CaptureContext, Event } from './types.js';
import { SDK } from './version.js';

let lastKey: string | undefined;
let sentOnPage = 0;

/**
 * The pipeline every event goes through: sample, filter, drop a repeat of
 * the previous event (same type, message and stack, however caught), cap per
 * page, complete from the scope, `beforeSend`, then send.
 * The capture context's fields (level, extra, fingerprint, user) override
 * the scope's; its tags are merged. Returns the event id, also when dropped.
 */
export const captureEvent = (
  partial: Partial<Event>,
  original: unknown,
  context: CaptureContext = {},
): string => {
  const id = uuid();
  // The captured error's own value, last (`at(-1)` is newer than ES2020).
  const main = partial.exception?.values.slice(-1)[0];
  const text = main ? `${main.type}: ${main.value}` : partial.message;
  const key = (text as string) + main?.raw_stack;
  // Each check ends in `|| (__DEBUG__ && …)`: a debug build logs what
  // dropped the event, a production build has only the checks.
  if (
    options &&
    (!(Math.random() >= (options.sampleRate as number)) ||
      (__DEBUG__ && debugDropped(id, text, `sampleRate ${options.sampleRate}`))) &&
    (!isFiltered(text, main?.raw_stack, options) ||
      (__DEBUG__ && debugDropped(id, text, filterReason(text, main?.raw_stack, options)))) &&
    (key !== lastKey ||
      (__DEBUG__ && debugDropped(id, text, 'dedupe: it repeats the previous event'))) &&
    (sentOnPage < options.maxEventsPerPage ||
      (__DEBUG__ &&
        debugDropped(id, text, `maxEventsPerPage: ${options.maxEventsPerPage} sent already`)))
  ) {
    lastKey = key;
    let event: Event | null | undefined = {
      event_id: id,
      timestamp: now() / 1e3,
      platform: 'javascript',
      level: 'error',
      release: options.release,
      environment: options.environment,
      sdk: SDK,
      // The page URL goes as is, as Sentry's SDK sends it; the collector scrubs.
      request: { url: location.href, headers: { 'User-Agent': navigator.userAgent } },
      user,
      contexts,
      breadcrumbs: { values: breadcrumbs() },
      ...partial,
      ...context,
      tags: { ...tags, ...context.tags },
    };
    if (options.beforeSend)
      event = options.beforeSend(event as Event, { event_id: id, originalException: original });
    if (event) {
      sentOnPage++;
      if (__DEBUG__) debugLog('log', `sending event ${id} (${text})`);
      send(options, [id, JSON.stringify(event)]);
    } else if (__DEBUG__) debugDropped(id, text, 'beforeSend (it returned no event)');
  }
  return id;
};
