/**
 * `text` cut to at most `max` UTF-16 code units, ending with an ellipsis when cut. Never
 * splits a surrogate pair: half an emoji is invalid UTF-16 that a receiver may reject.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate: keep the pair whole
  return `${text.slice(0, end)}…`;
}
