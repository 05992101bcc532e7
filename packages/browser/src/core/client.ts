import type { ResolvedOptions } from './options.js';

/** The options of the last successful `init`; undefined while the SDK is off. */
export let options: ResolvedOptions | undefined;

/** Sets the options, and returns them. */
export const setOptions = (resolved: ResolvedOptions | undefined) => (options = resolved);
