/** A string pattern matches anywhere in `text`; a RegExp is tested. No patterns, no match. */
export const matches = (text = '', patterns: (string | RegExp)[] = []): boolean =>
  patterns.some((pattern) =>
    (pattern as RegExp).test ? (pattern as RegExp).test(text) : text.includes(pattern as string),
  );
