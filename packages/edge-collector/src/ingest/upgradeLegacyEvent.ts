/** Old interface names (raven-js 1.x, raven-python) and their current keys, as Relay maps them. */
const LEGACY_ALIASES: Record<string, string> = {
  'sentry.interfaces.Exception': 'exception',
  'sentry.interfaces.Message': 'logentry',
  'sentry.interfaces.Http': 'request',
  'sentry.interfaces.User': 'user',
  'sentry.interfaces.Stacktrace': 'stacktrace',
  'sentry.interfaces.Breadcrumbs': 'breadcrumbs',
  'sentry.interfaces.Contexts': 'contexts',
  'sentry.interfaces.DebugMeta': 'debug_meta',
  'sentry.interfaces.Template': 'template',
  'sentry.interfaces.Threads': 'threads',
  'sentry.interfaces.Csp': 'csp',
};

type Json = Record<string, unknown>;

/**
 * Brings a legacy `/store/` event to today's shape: interface aliases renamed,
 * `exception` given as a bare list wrapped in `{values}`, and a top-level
 * `stacktrace` moved into a lone exception that has none.
 */
export function upgradeLegacyEvent(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const event: Json = { ...(raw as Json) };
  for (const [alias, key] of Object.entries(LEGACY_ALIASES)) {
    if (alias in event) {
      event[key] ??= event[alias];
      delete event[alias];
    }
  }
  if (Array.isArray(event.exception)) event.exception = { values: event.exception };
  else if (event.exception && typeof event.exception === 'object') {
    const exception = event.exception as Json;
    if (!Array.isArray(exception.values) && ('type' in exception || 'value' in exception)) {
      event.exception = { values: [exception] };
    }
  }
  const values = (event.exception as { values?: Json[] } | undefined)?.values;
  if (event.stacktrace && values?.length === 1 && values[0] && !values[0].stacktrace) {
    values[0] = { ...values[0], stacktrace: event.stacktrace };
    delete event.stacktrace;
  }
  return event;
}
