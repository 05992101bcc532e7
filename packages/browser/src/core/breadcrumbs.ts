import { now } from '../lib/now';
import { options } from './client';
import { guard } from './guard';
import type { Breadcrumb } from './types';

// A ring buffer: `count` keeps growing and `count % maxBreadcrumbs` is the
// next slot, so recording costs the same however chatty the page is.
let ring: Breadcrumb[] = [];
let count = 0;

/** Records a breadcrumb through `beforeBreadcrumb`; a no-op before `init`. */
export const recordBreadcrumb = (breadcrumb: Breadcrumb) => {
  const o = options;
  const stamped = { timestamp: now() / 1e3, ...breadcrumb };
  const crumb = o?.beforeBreadcrumb ? o.beforeBreadcrumb(stamped) : stamped;
  if (o && crumb) {
    // With maxBreadcrumbs 0 the slot is NaN: a property off the array, never read back.
    ring[count++ % o.maxBreadcrumbs] = crumb;
  }
};

/** The last `maxBreadcrumbs` breadcrumbs, oldest first (call after `init`). */
export const breadcrumbs = (max: number): Breadcrumb[] =>
  ring.slice(count % max).concat(ring.slice(0, count % max));

/** Starts over; `init` does, as `maxBreadcrumbs` may change. */
export const clearBreadcrumbs = () => {
  ring = [];
  count = 0;
};

/**
 * Adds a breadcrumb of your own to the trail sent with the next events.
 * @example addBreadcrumb({ category: 'auth', message: 'signed in', level: 'info' })
 */
export const addBreadcrumb = guard(recordBreadcrumb);
