import type { User } from './types.js';

// Data every later event carries, under each capture's own context. Setters
// only assign, so they cannot throw and need no guard.
export let user: User | undefined;
export const tags: Record<string, string> = {};
export const contexts: Record<string, Record<string, unknown> | undefined> = {};

/**
 * Attributes later events to a user; `null` forgets them.
 * @example setUser({ id: '42', email: 'ada@example.com' })
 */
export const setUser = (value: User | null) => {
  user = value || undefined;
};

/** Sets several tags at once; the collector indexes tags. @example setTags({ plan: 'pro' }) */
export const setTags = (values: Record<string, string>) => {
  Object.assign(tags, values);
};

/** Sets one tag. @example setTag('plan', 'pro') */
export const setTag = (key: string, value: string) => {
  tags[key] = value;
};

/**
 * Named structured data shown with each event; `null` removes it.
 * @example setContext('cart', { items: 3, total: 42.5 })
 */
export const setContext = (name: string, context: Record<string, unknown> | null) => {
  contexts[name] = context || undefined;
};
