import type { SentryEvent } from './SentryEvent';

// Placeholders as Relay fills them: Python's `%s`/`%d`/`%f` and `%(name)s`,
// and `{}`/`{0}`/`{name}`. `%%` is a literal percent sign.
const PLACEHOLDER = /%%|%\((\w+)\)[sdfr]|%[sdfr]|\{(\d*)\}|\{(\w+)\}/g;

function paramText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'None';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * The text of a log template with its params filled in, or undefined when
 * there is nothing to fill. A placeholder without a matching param stays as
 * written, so a template with too few params still reads sensibly.
 */
export function formatLogMessage(template: string, params: unknown): string | undefined {
  const list = Array.isArray(params) ? params : undefined;
  const named =
    params && typeof params === 'object' && !list ? (params as Record<string, unknown>) : undefined;
  if (!list?.length && !named) return undefined;
  let next = 0;
  return template.replace(PLACEHOLDER, (whole, percentName, index, braceName) => {
    if (whole === '%%') return list || named ? '%' : whole;
    const name = percentName ?? braceName;
    if (name !== undefined) return named && name in named ? paramText(named[name]) : whole;
    const position = index ? Number(index) : next++;
    return list && position < list.length ? paramText(list[position]) : whole;
  });
}

/**
 * Fills `logentry.formatted` from `message` and `params` when the client sent
 * only the template (sentry-python's logging integration does), so titles and
 * the event show `payment failed for order 123`; grouping keeps the template.
 */
export function formatLogEntry(event: SentryEvent): SentryEvent {
  const entry = event.logentry;
  if (!entry || typeof entry !== 'object' || entry.formatted) return event;
  if (typeof entry.message !== 'string') return event;
  const formatted = formatLogMessage(entry.message, entry.params);
  return formatted === undefined ? event : { ...event, logentry: { ...entry, formatted } };
}
