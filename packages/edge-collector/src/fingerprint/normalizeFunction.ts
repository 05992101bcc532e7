/**
 * A frame's function name as grouping sees it, the same for every browser:
 * Chrome's `Cart.total`, `Cart.prototype.total`, `Object.total [as run]`,
 * `async total` and `new Total` and Firefox's and Safari's `total` are all
 * `total`. Anonymous functions (`<anonymous>`, `?`, Firefox's `outer/<`,
 * Safari's empty name and `global code`) and minified names of one or two
 * characters come out empty: they carry no weight.
 */
export function normalizeFunction(name: string | undefined): string {
  if (!name) return '';
  let text = name
    .replace(/\s*\[as [^\]]*\]$/, '') // V8's `[as alias]`
    .replace(/^(?:async\*?|new)\s*/, '') // V8's `async f`/`new F`, Firefox's `async*f`
    .replace(/^\*/, '')
    .trim();
  if (/<\/*$|\/<$/.test(text) || text.includes('<anonymous>') || text === '?') return '';
  if (text === 'global code' || text === 'anonymous' || text === 'eval code') return '';
  text = text.slice(text.lastIndexOf('/') + 1); // Firefox's `outer/inner`
  text = text.slice(text.lastIndexOf('.') + 1); // `Foo.prototype.bar`, `Object.bar`
  return text.length <= 2 ? '' : text;
}
