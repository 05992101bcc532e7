import { matches } from '../lib/matches.js';
import type { ResolvedOptions } from './options.js';

/**
 * Truthy when `ignoreErrors` or `allowUrls` / `denyUrls` drop the event, or
 * when its crash frame is in a browser extension and no web page script is
 * on the stack (an extension's errors are not the site's bugs). `text` is
 * the captured exception's `Type: message`, or a message event's text.
 * URL rules need a raw stack: an event without one (a thrown string) passes.
 */
export const isFiltered = (
  text: string | undefined,
  stack: string | undefined,
  o: ResolvedOptions,
): unknown => {
  // The crash frame's script: the first URL right before `:line:col` at the end
  // of a line, in Chrome (`at f (URL:1:2)`), Firefox and Safari (`f@URL:1:2`)
  // alike, so a URL quoted in the message line is skipped. No stack reads as
  // the text `undefined`, which has no URL.
  const url = /([\w-]+:\/\/[^\s()]+):\d+:\d+\)?$/m.exec(stack as string)?.[1];
  return (
    matches(text, o.ignoreErrors) ||
    (url && (matches(url, o.denyUrls) || !matches(url, o.allowUrls || [url]))) ||
    (/-extension:/.test(url as string) && !/http/.test(stack as string))
  );
};
