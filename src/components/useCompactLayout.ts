import { useSyncExternalStore } from 'react'

/**
 * Phones and small tablets (up to 820 CSS px wide: a 768 px portrait tablet included): the map
 * fills the screen, the toolbar folds into a menu and the inspector is a bottom sheet. The same
 * width as the `@media (max-width: 820px)` rules in app.css, which lay it out.
 */
export const COMPACT_QUERY = '(max-width: 820px)'

export function useCompactLayout(): boolean {
  return useSyncExternalStore(subscribe, isCompact, () => false)
}

function subscribe(onChange: () => void) {
  const query = matchMedia(COMPACT_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

function isCompact() {
  return matchMedia(COMPACT_QUERY).matches
}
