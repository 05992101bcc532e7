import type { SentryEvent, StackFrame } from '../protocol/SentryEvent';
import { parseRawStack } from '../stack/parseRawStack';

const EXTENSION_URL =
  /^(chrome-extension|moz-extension|safari-extension|safari-web-extension|ms-browser-extension|chrome|resource):\/\//i;

/** Messages extensions and injected toolbars are known to raise (from Relay's list). */
const EXTENSION_MESSAGES =
  /top\.GLOBALS|originalCreateNotification|canvas\.contentDocument|MyApp_RemoveAllHighlights|http:\/\/tt\.epicplay\.com|Can't find variable: ZiteReader|jigsaw is not defined|ComboSearch is not defined|http:\/\/loading\.retry\.widdit\.com\/|atomicFindClose|plugin\.setSuspendState is not a function|_gCrWeb|conduitPage|bmi_SafeAddOnload|EBCallBackMessageReceived/;

/** The frame that raised: the last one of the last exception, parsing a `raw_stack` if needed. */
function crashFrame(event: SentryEvent): StackFrame | undefined {
  const exception = event.exception?.values?.at(-1);
  if (!exception) return undefined;
  const frames = exception.stacktrace?.frames?.length
    ? exception.stacktrace.frames
    : typeof exception.raw_stack === 'string'
      ? parseRawStack(exception.raw_stack)
      : [];
  return frames.at(-1);
}

/** True when the error was raised inside a browser extension rather than the page. */
export function isBrowserExtensionError(event: SentryEvent): boolean {
  const csp = event.csp as { blocked_uri?: unknown; source_file?: unknown } | undefined;
  if (csp && (isExtensionUrl(csp.blocked_uri) || isExtensionUrl(csp.source_file))) return true;
  const frame = crashFrame(event);
  const source = frame?.abs_path ?? frame?.filename;
  if (typeof source === 'string' && EXTENSION_URL.test(source)) return true;
  const exception = event.exception?.values?.at(-1);
  const text = `${exception?.type ?? ''}: ${exception?.value ?? ''}`;
  return EXTENSION_MESSAGES.test(text);
}

/** For CSP reports: a blocked resource that an extension injected. */
export function isExtensionUrl(url: unknown): boolean {
  return typeof url === 'string' && EXTENSION_URL.test(url);
}
