/** The deepest nesting of arrays and objects a JSON body may have (the deepest DTO needs 3). */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * True when JSON text nests arrays and objects deeper than `limit`. One pass over the raw text
 * counting brackets outside strings, no recursion and no allocation, so it cannot itself
 * overflow the stack; on a registration body (~500 characters) it costs about a microsecond.
 * Malformed text is not judged here (the parser refuses it).
 */
export function jsonNestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  const length = text.length;
  if (length <= limit * 2) return false; // too short to hold limit + 1 levels
  let depth = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: up to the next quote that is not escaped.
      for (i++; i < length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}
