import { type Options, type ResolvedOptions, resolveOptions } from './options.js';

/** The options of the last `init`; undefined while the SDK is off. */
export let options: ResolvedOptions | undefined;

/** Resolves and keeps the options of an `init`, and returns them. */
export const setOptions = (userOptions: Options) => (options = resolveOptions(userOptions));
