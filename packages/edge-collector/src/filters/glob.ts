/**
 * A case-insensitive matcher for a glob where `*` is any run of characters
 * and `?` one character; the whole text must match, as in Relay's filters.
 */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 'is');
}

export function matchesAnyGlob(text: string, globs: string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(text));
}
