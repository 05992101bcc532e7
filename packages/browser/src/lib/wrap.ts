/**
 * Replaces `target[name]` with a function that calls the original and then
 * `after(result, args, this)`. The page always gets the original's own
 * result (or exception); whatever `after` throws is swallowed.
 */
export const wrap = <T extends object>(
  target: T,
  name: keyof T,
  // biome-ignore lint/suspicious/noExplicitAny: wraps methods of any signature
  after: (result: any, args: any[], self: any) => void,
) => {
  const original = target[name] as (...args: unknown[]) => unknown;
  target[name] = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    try {
      after(result, args, this);
    } catch {
      // A breadcrumb is never worth breaking the page's call.
    }
    return result;
  } as T[keyof T];
};
