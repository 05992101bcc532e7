import type { SentryEvent } from '../protocol/SentryEvent';
import { eventMessage } from './eventMessage';
import { mainException } from './mainException';

export interface EventDescription {
  /** `TypeError: x is undefined`, as Sentry titles issues. */
  title: string;
  /** Where it happened: `checkout(app.js)`, or the transaction or URL. */
  culprit: string;
}

function basename(path: string): string {
  const withoutQuery = path.split(/[?#]/)[0] ?? path;
  return withoutQuery.slice(withoutQuery.lastIndexOf('/') + 1) || withoutQuery;
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

  const frames = exception?.stacktrace?.frames ?? [];
  const crashFrame =
    [...frames].reverse().find((frame) => frame.in_app) ?? frames[frames.length - 1];
  let culprit = typeof event.culprit === 'string' ? event.culprit : '';
  if (crashFrame) {
    const file = crashFrame.module || basename(crashFrame.filename ?? crashFrame.abs_path ?? '');
    const fn = crashFrame.function && crashFrame.function !== '?' ? crashFrame.function : '?';
    culprit = file ? `${fn}(${file})` : fn;
  } else if (!culprit) {
    culprit = event.transaction || event.request?.url || '';
  }
  return { title: truncate(title.split('\n')[0] ?? title, 200), culprit: truncate(culprit, 200) };
}
