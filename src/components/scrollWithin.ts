/**
 * Scrolls `container` so that `target` (inside it) sits at its top, and scrolls nothing else.
 * `scrollIntoView` and `#anchor` links scroll every scrollable ancestor, the page included (the
 * header, the workshop bar and the tabs scrolled out of sight), and an anchor replaces the
 * address's fragment; in-app jumps use this instead.
 */
export function scrollWithin(container: HTMLElement, target: HTMLElement): void {
  const offset = target.getBoundingClientRect().top - container.getBoundingClientRect().top
  container.scrollTo({ top: container.scrollTop + offset - 8 })
}
