/** How long the app may take to show the counterpart of the painted element (ms). */
const LIMIT_MS = 10_000;

/**
 * The app starts on a page the server painted when the reader interacts, often by moving the
 * keyboard focus onto one of its links (index.html). Starting replaces the painted part, which
 * would drop that focus to the page's start; this gives it to the same link in the app (same
 * href, the same n-th one), for a painted language link to the header's language button, and for
 * one of the list's painted filters to the app's filter field (opened when it was pressed), as
 * soon as the app has rendered it — unless the reader has put the focus somewhere else meanwhile.
 * Call it before the app starts; call the function it returns once it has started.
 */
export function keepPaintedFocus(): () => void {
  const painted = document.querySelector('.gfmd-prerender');
  if (!painted) return () => undefined;
  // A press (mouse, touch) on a painted filter started the app (index.html): its field gets the
  // focus and opens, so that the press does what it was for.
  const name = (window as { gfmdPressedFilter?: string }).gfmdPressedFilter;
  const pressed = name
    ? painted.querySelector<HTMLElement>(`.gfmd-prerender__filters select[name="${CSS.escape(name)}"]`)
    : null;
  const active = pressed ?? document.activeElement;
  if (!(active instanceof HTMLElement) || !painted.contains(active)) return () => undefined;
  const href = active.getAttribute('href');
  const language = active.closest('.gfmd-prerender__languages') !== null;
  // The n-th link to that place (a card's title and its button lead to the same page).
  const sameHref = (root: Element) =>
    Array.from(root.querySelectorAll<HTMLElement>('a[href]')).filter((a) => a.getAttribute('href') === href);
  const nth = href ? sameHref(painted).indexOf(active) : -1;
  // The list's painted filters (two lists and a button): the app's filter fields, in order.
  const filters = Array.from(
    painted.querySelectorAll<HTMLElement>('.gfmd-prerender__filters select, .gfmd-prerender__filters button'),
  );
  const field = filters.indexOf(active);
  const find = (): HTMLElement | null => {
    const root = document.querySelector('gfmd-root');
    if (!root) return null;
    if (language) {
      // The header's language button reads "Language: FR (Français)" (its code in capitals).
      const code = new RegExp(`\\b${document.documentElement.lang.toUpperCase()}\\b`);
      return (
        Array.from(root.querySelectorAll<HTMLElement>('header button')).find((b) => code.test(b.textContent ?? '')) ??
        null
      );
    }
    if (field >= 0) {
      const fields = root.querySelectorAll<HTMLElement>('.gfmd-filters mat-select');
      return fields.length ? fields[Math.min(field, fields.length - 1)] : null;
    }
    if (!href) return null;
    const links = sameHref(root);
    return links[Math.min(Math.max(nth, 0), links.length - 1)] ?? null;
  };
  return () => {
    const done = (observer?: MutationObserver) => {
      const focus = document.activeElement;
      // The reader moved on (clicked or tabbed somewhere): leave their focus alone.
      if (focus && focus !== document.body && focus !== document.documentElement) return true;
      const target = find();
      if (!target) return false;
      target.focus();
      // Not focusable yet (a field still being set up): try again on the next change.
      if (document.activeElement !== target) return false;
      observer?.disconnect();
      if (pressed) target.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
      return true;
    };
    if (done()) return;
    const observer = new MutationObserver(() => {
      if (done(observer)) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), LIMIT_MS);
  };
}
