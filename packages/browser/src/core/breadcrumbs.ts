import { now } from '../lib/now.js';
import { options } from './client.js';
import { guard } from './guard.js';
import type { Breadcrumb } from './types.js';

// The trail, oldest first, at most `maxBreadcrumbs` long. Dropping from the
// front of a 100-item array is cheap, and fewer bytes than a ring buffer.
const trail: Breadcrumb[] = [];

/** Records a breadcrumb through `beforeBreadcrumb`; a no-op before `init`. */
export const recordBreadcrumb = (breadcrumb: Breadcrumb) => {
  const stamped = { timestamp: now() / 1e3, ...breadcrumb };
  const crumb = options?.beforeBreadcrumb ? options.beforeBreadcrumb(stamped) : stamped;
  if (options && crumb) {
    // A negative count removes nothing; a smaller maxBreadcrumbs from a new
    // `init` trims the trail at the next breadcrumb.
    trail.splice(0, trail.push(crumb) - options.maxBreadcrumbs);
  }
};

/** A copy of the trail for an event, so `beforeSend` cannot change the trail. */
export const breadcrumbs = (): Breadcrumb[] => trail.slice();

/**
 * Adds a breadcrumb of your own to the trail sent with the next events.
 * @example addBreadcrumb({ category: 'auth', message: 'signed in', level: 'info' })
 */
export const addBreadcrumb = guard(recordBreadcrumb);
