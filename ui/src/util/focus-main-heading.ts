/** How long a page may take to show its heading (its data loading) before focus stays on the main region. */
const HEADING_WAIT_MS = 5000;

/**
 * Puts focus on the page's main heading, so that keyboard and screen-reader users start reading the new content (its
 * name first), not the link they left behind. The heading is made focusable by script only (tabindex -1: Tab never
 * stops on it). A page that shows its heading once its data is loaded gets the focus on the main region first, then on
 * the heading when it appears, unless the speaker or the page has moved the focus meanwhile.
 */
export function focusMainHeading(): void {
  const main = document.getElementById('main');
  if (!main || focusHeadingIn(main)) return;
  main.focus({ preventScroll: true });
  const observer = new MutationObserver(() => {
    if (document.activeElement !== main || focusHeadingIn(main)) observer.disconnect();
  });
  observer.observe(main, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
}

function focusHeadingIn(main: HTMLElement): boolean {
  const heading = main.querySelector<HTMLElement>('h1');
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
  return true;
}
