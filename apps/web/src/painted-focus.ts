/** How long the app may take to show the counterpart of the painted element (ms). */
const LIMIT_MS = 10_000;

/**
 * The app starts on a page the server painted when the reader interacts, often by moving the
 * keyboard focus onto one of its links (index.html). Starting replaces the painted part, which
 * would drop that focus to the page's start; this gives it to the same link in the app (same
 * href), or for a painted language link to the header's language button, as soon as the app has
 * rendered it — unless the reader has put the focus somewhere else meanwhile.
 * Call it before the app starts; call the function it returns once it has started.
 */
export function keepPaintedFocus(): () => void {
  const active = document.activeElement;
  const painted = document.querySelector('.gfmd-prerender');
  if (!painted || !(active instanceof HTMLElement) || !painted.contains(active)) return () => undefined;
  const href = active.getAttribute('href');
  const language = active.closest('.gfmd-prerender__languages') !== null;
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
    return href
      ? (Array.from(root.querySelectorAll<HTMLElement>('a[href]')).find((a) => a.getAttribute('href') === href) ?? null)
      : null;
  };
  return () => {
    const done = (observer?: MutationObserver) => {
      const focus = document.activeElement;
      // The reader moved on (clicked or tabbed somewhere): leave their focus alone.
      if (focus && focus !== document.body && focus !== document.documentElement) return true;
      const target = find();
      if (!target) return false;
      target.focus();
      observer?.disconnect();
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
