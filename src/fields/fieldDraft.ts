/**
 * One text field edited against a value colleagues may change at any moment. Pure, so the rules
 * are pinned by unit tests (fieldDraft.test.ts) rather than by a browser:
 *
 *  - Until the user types, the field shows the shared value and follows every change to it.
 *  - A commit writes only what the user typed, compared with the value the field held when they
 *    started: focus and blur without typing writes nothing, so a stale value is never written
 *    back over a colleague's.
 *  - A colleague's change that arrives while the user is typing keeps the user's draft and is
 *    held in `theirs`, for the field to offer ("use theirs") until it is resolved.
 */
export interface FieldDraft {
  /** What the input shows. */
  draft: string
  /** The shared value the user's edit started from. */
  base: string
  /** The user has typed since the edit started. */
  typed: boolean
  /** A colleague's value that arrived while the user had an edit of their own, until resolved. */
  theirs: string | null
}

export function draftOf(value: string): FieldDraft {
  return { draft: value, base: value, typed: false, theirs: null }
}

/** The user has a change of their own: typed, and not back to where they started. */
export function hasOwnEdit(state: FieldDraft): boolean {
  return state.typed && state.draft !== state.base
}

/** Showing `value` with nothing of the user's own: the same state object, so React skips a render. */
function isAt(state: FieldDraft, value: string): boolean {
  return state.draft === value && state.base === value && !state.typed && state.theirs === null
}

/** The user typed `text`. */
export function type(state: FieldDraft, text: string): FieldDraft {
  return { ...state, draft: text, typed: true }
}

/** Focus: an edit starts from the value shown now (a draft kept from before stays, with its base). */
export function begin(state: FieldDraft, value: string): FieldDraft {
  return hasOwnEdit(state) ? state : draftOf(value)
}

/** The shared value changed (a colleague, an undo, or this field's own commit arriving). */
export function shared(state: FieldDraft, value: string): FieldDraft {
  if (!hasOwnEdit(state)) return isAt(state, value) ? state : draftOf(value)
  // They wrote what I am writing: nothing left to commit, nothing to choose.
  if (value === state.draft) return draftOf(value)
  // Back to where I started (their change was undone): nothing to offer any more.
  if (value === state.base) return state.theirs === null ? state : { ...state, theirs: null }
  return { ...state, theirs: value }
}

/** Blur or Enter: what to write (null: nothing), and the state once it is written. */
export function commit(state: FieldDraft): { write: string | null; next: FieldDraft } {
  if (!hasOwnEdit(state)) return { write: null, next: draftOf(state.theirs ?? state.base) }
  return { write: state.draft, next: draftOf(state.draft) }
}

/** Escape: drop the draft and show the shared value. */
export function cancel(value: string): FieldDraft {
  return draftOf(value)
}

/** "Use theirs": the colleague's value replaces the draft; nothing is written. */
export function takeTheirs(state: FieldDraft): FieldDraft {
  return state.theirs === null ? state : draftOf(state.theirs)
}
