/** Keyboard shortcuts as data: matched against key events and written out for people, from one definition. */

/** A key with its modifiers. `shift` absent means either; Alt never takes part. */
export interface Shortcut {
  /** `KeyboardEvent.key`, compared without case: 'z', 'Delete', 'ArrowUp', '?'. */
  key: string
  /** Ctrl, or ⌘ on a Mac. */
  mod?: boolean
  shift?: boolean
}

export function matchesShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, s: Shortcut): boolean {
  if (e.altKey) return false
  if ((e.ctrlKey || e.metaKey) !== Boolean(s.mod)) return false
  if (s.shift !== undefined && e.shiftKey !== s.shift) return false
  return e.key.toLowerCase() === s.key.toLowerCase()
}

const KEY_NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' }

/** The keys of a shortcut as a person presses them: ['Shift', 'Ctrl', 'Z']. */
export function shortcutKeys(s: Shortcut): string[] {
  const name = KEY_NAMES[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key)
  return [...(s.shift ? ['Shift'] : []), ...(s.mod ? ['Ctrl'] : []), name]
}

/** One line for a title attribute: "Shift+Ctrl+Z". */
export function shortcutText(s: Shortcut): string {
  return shortcutKeys(s).join('+')
}

/** A key pressed while typing belongs to the field, not to the map. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}
