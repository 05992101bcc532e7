/** Names engines give functions that have none. */
const ANONYMOUS = new Set([
  'global code',
  'anonymous',
  'eval code',
  'Anonymous function',
  '<anonymous function>',
]);

/**
 * A frame's function name as grouping sees it, the same for every browser:
 * Chrome's `Cart.total`, `Cart.prototype.total`, `Object.total [as run]`,
 * `async total` and `new Total` and Firefox's and Safari's `total` are all
 * `total`. Anonymous functions (`<anonymous>`, `?`, Firefox's `outer/<`,
 * Safari's empty name and `global code`, Chakra's `Anonymous function`) and, in
 * JavaScript, minified names of one or two characters come out empty: they carry
 * no weight. As Sentry's JavaScript grouping, the name is judged by its last
 * dotted part, so `Foo.prototype.bar` (Chakra, Firefox) is Chrome's `Foo.bar`.
 */
export function normalizeFunction(name: string | undefined, platform = 'javascript'): string {
  if (!name) return '';
  let text = name
    .replace(/\s*\[as [^\]]*\]$/, '') // V8's `[as alias]`
    .replace(/^(?:async\*?|new)\s*/, '') // V8's `async f`/`new F`, Firefox's `async*f`
    .replace(/^\*/, '')
    .trim();
  if (/<\/*$|\/<$/.test(text) || text.includes('<anonymous>') || text === '?') return '';
  if (ANONYMOUS.has(text.slice(text.lastIndexOf('.') + 1))) return '';
  text = text.slice(text.lastIndexOf('/') + 1); // Firefox's `outer/inner`
  text = text.slice(text.lastIndexOf('.') + 1); // `Foo.prototype.bar`, `Object.bar`
  const minified = text.length <= 2 && (platform === 'javascript' || platform === 'node');
  return minified ? '' : text;
}
