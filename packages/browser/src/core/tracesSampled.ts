import type { Options } from './options.js';

// One roll per page load, taken when the SDK loads: every `init` of the page
// (the loader snippet replays one, add-ons wrap it) gets the same answer,
// and it is known before any performance code is fetched.
const roll = Math.random();

/** Whether this page load sends a performance trace (`tracesSampleRate`; undefined is 0). */
export const tracesSampled = (options: Options) => roll < (options.tracesSampleRate as number);
