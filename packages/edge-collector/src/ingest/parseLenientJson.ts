import { ClientError } from '../http/ClientError';

const decoder = new TextDecoder();
const NON_FINITE = /-?Infinity|NaN/y;

/**
 * Deepest nesting of objects and arrays accepted: serde_json's recursion
 * limit, so Relay refuses deeper payloads too. Every later stage walks the
 * event recursively, and a deeper one would exhaust the Worker's stack.
 */
export const MAX_JSON_DEPTH = 128;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when arrays and objects nest deeper than `limit`; brackets inside strings do not count. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * Rewrites the bare `NaN`, `Infinity` and `-Infinity` tokens that Python's
 * `json.dumps` writes by default (raven-python, hand-rolled clients) into the
 * strings "NaN", "Infinity", "-Infinity"; text inside strings is untouched.
 */
function quoteNonFiniteNumbers(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      continue;
    }
    if (char !== 'N' && char !== 'I' && char !== '-') continue;
    NON_FINITE.lastIndex = index;
    const match = NON_FINITE.exec(text);
    if (!match) continue;
    result += `${text.slice(copiedUpTo, index)}"${match[0]}"`;
    index += match[0].length - 1;
    copiedUpTo = index + 1;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

/**
 * Parses a JSON payload as Relay would accept it, plus Python's non-finite
 * numbers; anything else that is not JSON, or nested deeper than
 * `MAX_JSON_DEPTH`, is a 400 naming `what`.
 */
export function parseLenientJson(payload: Uint8Array | string, what: string): unknown {
  const text = typeof payload === 'string' ? payload : decoder.decode(payload);
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ClientError(400, `${what} nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch {
    // Only pay for the rewrite when plain JSON failed.
  }
  try {
    return JSON.parse(quoteNonFiniteNumbers(text));
  } catch {
    throw new ClientError(400, `${what} is not valid JSON`);
  }
}
