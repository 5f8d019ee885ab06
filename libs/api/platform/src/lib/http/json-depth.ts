/** The deepest nesting of arrays and objects a JSON body may have (the deepest DTO needs 3). */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/** How many times `char` occurs in `text`, counting no further than `max + 1`. */
function occurrences(text: string, char: string, max: number): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1 && n <= max; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/**
 * True when JSON text nests arrays and objects deeper than `limit`. No recursion and no
 * allocation, so it cannot itself overflow the stack. A body with at most `limit` opening
 * brackets cannot be too deep: two native searches tell (a registration body has three). Only
 * other bodies get one pass over the text counting brackets outside strings. Malformed text is
 * not judged here (the parser refuses it).
 */
export function jsonNestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  const length = text.length;
  if (length <= limit * 2) return false; // too short to hold limit + 1 levels
  if (occurrences(text, '[', limit) + occurrences(text, '{', limit) <= limit) return false;
  let depth = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: up to the next quote not escaped (preceded by an even number of backslashes).
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i === -1) return false;
        let backslashes = 0;
        while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
        if (backslashes % 2 === 0) break;
      }
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}
