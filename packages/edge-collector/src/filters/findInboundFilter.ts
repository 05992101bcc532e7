import { eventUserAgent } from '../protocol/eventUserAgent';
import type { SentryEvent } from '../protocol/SentryEvent';
import { isBrowserExtensionError } from './browserExtensionFilter';
import type { FilterSettings } from './filterSettings';
import { matchesAnyGlob } from './glob';
import { isLocalhostEvent } from './localhostFilter';
import { isResizeObserverLoop, isScriptError, matchesIgnoredMessage } from './messageFilters';
import { isWebCrawler } from './webCrawlerFilter';

/** The name of a filter, as in `settings.filters`; also the reason outcomes are counted under. */
export type FilterName = keyof FilterSettings;

/**
 * The first enabled inbound filter the event matches, or undefined to keep
 * it. Runs before the rate limit, so filtered events use no quota.
 */
export function findInboundFilter(
  event: SentryEvent,
  filters: FilterSettings,
  deliveryUserAgent?: string,
): FilterName | undefined {
  if (filters.ignoreReleases.length > 0 && typeof event.release === 'string') {
    if (matchesAnyGlob(event.release, filters.ignoreReleases)) return 'ignoreReleases';
  }
  if (filters.localhost && isLocalhostEvent(event)) return 'localhost';
  if (filters.webCrawlers && isWebCrawler(eventUserAgent(event, deliveryUserAgent))) {
    return 'webCrawlers';
  }
  if (filters.browserExtensions && isBrowserExtensionError(event)) return 'browserExtensions';
  if (filters.scriptErrors && isScriptError(event)) return 'scriptErrors';
  if (filters.resizeObserver && isResizeObserverLoop(event)) return 'resizeObserver';
  if (matchesIgnoredMessage(event, filters.ignoreMessages)) return 'ignoreMessages';
  return undefined;
}
