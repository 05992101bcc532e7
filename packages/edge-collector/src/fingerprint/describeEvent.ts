import { eventMessage } from '../protocol/eventMessage';
import type { SentryEvent } from '../protocol/SentryEvent';
import { groupingFrames } from './groupingFrames';
import { mainException } from './mainException';

export interface EventDescription {
  /** `TypeError: x is undefined`, as Sentry titles issues. */
  title: string;
  /** Where it happened: `checkout(app.js)`, or the transaction or URL. */
  culprit: string;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function describeEvent(event: SentryEvent): EventDescription {
  const exception = mainException(event);
  let title: string;
  if (exception) {
    const type = exception.type || 'Error';
    title = exception.value ? `${type}: ${exception.value}` : type;
  } else {
    title = eventMessage(event) ?? '<unlabeled event>';
  }

  // The innermost frame with a name, as every browser names it: `total(app.js)`.
  const keys = groupingFrames(exception?.stacktrace?.frames ?? [], event.platform);
  const crashFrame = [...keys].reverse().find((key) => key.function) ?? keys[keys.length - 1];
  let culprit = typeof event.culprit === 'string' ? event.culprit : '';
  if (crashFrame) {
    // An anonymous function adds nothing to the file name: `app.js`, not `?(app.js)`.
    const fn = crashFrame.function;
    culprit = fn && crashFrame.file ? `${fn}(${crashFrame.file})` : fn || crashFrame.file || '?';
  } else if (!culprit) {
    // A page URL's query and fragment vary per visit (and may hold tokens).
    const url = event.request?.url;
    culprit = event.transaction || (typeof url === 'string' ? url.split(/[?#]/)[0] : '') || '';
  }
  return { title: truncate(title.split('\n')[0] ?? title, 200), culprit: truncate(culprit, 200) };
}
