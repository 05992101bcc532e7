/**
 * A query with its literal values replaced by `%s`, as Relay parameterizes
 * span descriptions before hashing them: quoted strings, numbers, hex and
 * booleans; `IN (…)` lists collapse to one `%s`; whitespace to one space. The
 * same query run for different rows gives the same text.
 */
export function normalizeQuery(query: string): string {
  return query
    .replace(/'(?:[^']|'')*'/g, '%s')
    .replace(/\b0x[0-9a-f]+\b/gi, '%s')
    .replace(/(?<![\w."])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\b/gi, '%s')
    .replace(/\b(?:true|false)\b/gi, '%s')
    .replace(/\bIN\s*\(\s*%s(?:\s*,\s*%s)*\s*\)/gi, 'IN (%s)')
    .replace(/\s+/g, ' ')
    .trim();
}
