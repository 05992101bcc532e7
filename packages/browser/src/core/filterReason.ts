import { matches } from '../lib/matches.js';
import { isFiltered } from './isFiltered.js';
import type { ResolvedOptions } from './options.js';

/**
 * Which of `isFiltered`'s rules dropped an event, in words, found by trying
 * them again one at a time; for the debug log only.
 */
export const filterReason = (
  text: string | undefined,
  stack: string | undefined,
  o: ResolvedOptions,
): string => {
  const without = { ...o, ignoreErrors: [], allowUrls: undefined, denyUrls: undefined };
  if (matches(text, o.ignoreErrors)) return 'ignoreErrors';
  if (isFiltered(text, stack, without)) return 'the browser extension filter';
  return isFiltered(text, stack, { ...without, denyUrls: o.denyUrls }) ? 'denyUrls' : 'allowUrls';
};
