/** One run of a search hit: plain text, marked or not. */
export interface HighlightPart {
  text: string;
  mark: boolean;
}

const TAG = /<(\/?)mark>/gi;

/**
 * Splits the API's `highlight` (matching words wrapped in `<mark>…</mark>`, text otherwise as
 * written) into runs of text that the template renders with interpolation, never as HTML: any
 * other markup in the text stays visible text, so nothing can be injected.
 */
export function splitHighlight(highlight: string | null | undefined): HighlightPart[] {
  if (!highlight) return [];
  const parts: HighlightPart[] = [];
  let marked = false;
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const previous = parts[parts.length - 1];
    if (previous && previous.mark === marked) previous.text += text;
    else parts.push({ text, mark: marked });
  };
  for (const match of highlight.matchAll(TAG)) {
    push(highlight.slice(last, match.index));
    marked = match[1] !== '/';
    last = (match.index ?? 0) + match[0].length;
  }
  push(highlight.slice(last));
  return parts;
}
