import { sha256Sync } from '../lib/sha256Sync';
import type { SentryEvent } from '../protocol/SentryEvent';
import { type FingerprintRule, matchFingerprintRules } from './fingerprintRules';
import { groupingFrames } from './groupingFrames';
import { mainException } from './mainException';
import { messageTemplate } from './messageTemplate';
import { parameterizeMessage } from './parameterizeMessage';

/**
 * What the default grouping looks at, as readable lines: each exception's
 * type and its grouping frames (file and function, see `groupingFrames`);
 * without a usable stack, the type and the parameterised value; without an
 * exception, the parameterised log message.
 */
export function defaultGroupingComponents(event: SentryEvent): string[] {
  const exceptions = event.exception?.values ?? [];
  const components: string[] = [];
  let hasFrames = false;
  for (const exception of exceptions) {
    components.push(`type:${exception.type || 'Error'}`);
    for (const frame of groupingFrames(exception.stacktrace?.frames ?? [], event.platform)) {
      components.push(`frame:${frame.file}:${frame.function}`);
      hasFrames = true;
    }
  }
  if (exceptions.length > 0 && !hasFrames) {
    components.push(`value:${parameterizeMessage(mainException(event)?.value ?? '')}`);
  }
  if (exceptions.length === 0) {
    const message = messageTemplate(event);
    if (message) components.push(`message:${parameterizeMessage(message)}`);
    else components.push(`transaction:${event.transaction ?? ''}`);
  }
  return components;
}

/** Fills `{{ default }}`, `{{ error.type }}`, `{{ error.value }}`, `{{ message }}`, … */
function expand(fingerprint: readonly string[], event: SentryEvent): string[] {
  const variables: Record<string, () => string[]> = {
    default: () => defaultGroupingComponents(event),
    'error.type': () => [mainException(event)?.type ?? '<no type>'],
    type: () => [mainException(event)?.type ?? '<no type>'],
    'error.value': () => [mainException(event)?.value ?? '<no value>'],
    message: () => [messageTemplate(event) ?? '<no message>'],
    transaction: () => [event.transaction ?? '<no transaction>'],
    level: () => [event.level],
    logger: () => [typeof event.logger === 'string' ? event.logger : '<no logger>'],
    release: () => [event.release ?? '<no release>'],
  };
  return fingerprint.flatMap((part) => {
    const name = /^\{\{\s*([\w.]+)\s*\}\}$/.exec(part)?.[1];
    const variable = name ? variables[name] : undefined;
    return variable ? variable() : [String(part)];
  });
}

/**
 * The event's fingerprint (a SHA-256 hex): the first matching project rule's
 * fingerprint, else the SDK's `fingerprint`, else the default grouping; in the
 * first two `{{ default }}` stands for the default grouping, so
 * `["{{ default }}"]` groups exactly as the default does.
 */
export function fingerprintEvent(
  event: SentryEvent,
  rules: readonly FingerprintRule[] = [],
): string {
  const fromSdk =
    Array.isArray(event.fingerprint) && event.fingerprint.length > 0
      ? event.fingerprint
      : undefined;
  const custom = matchFingerprintRules(event, rules) ?? fromSdk;
  const components = custom ? expand(custom, event) : defaultGroupingComponents(event);
  return sha256Sync(components.join('\n'));
}
