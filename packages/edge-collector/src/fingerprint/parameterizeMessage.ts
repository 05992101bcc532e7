/**
 * Values that change between occurrences of one bug, replaced by placeholders
 * so they do not split issues. Order matters: a URL or an email contains
 * numbers, a UUID contains hex.
 */
const PARAMETERS: [RegExp, string][] = [
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>)]+/gi, '<url>'],
  [/\b[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g, '<email>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b/g, '<date>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\b/gi, '<ip>'],
  [/\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/gi, '<hex>'],
  [/'[^'\n]*'|"[^"\n]*"|`[^`\n]*`/g, '<str>'],
  [/-?\b\d+(?:\.\d+)?\b/g, '<num>'],
];

/**
 * A message with its variable parts replaced:
 * `Order 1234 for jane@x.io failed` → `Order <num> for <email> failed`.
 */
export function parameterizeMessage(message: string): string {
  let text = message;
  for (const [pattern, placeholder] of PARAMETERS) text = text.replace(pattern, placeholder);
  return text;
}
