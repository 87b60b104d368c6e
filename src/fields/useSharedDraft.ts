/**
 * The React side of fieldDraft.ts: an input's draft against a shared value, who else is typing in
 * the same field (presence `editing`), and this participant's own `editing` presence while the
 * input has focus. Every text input that edits a record uses it.
 */
import { useCallback, useContext, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react'
import { useJourneyStore, type JourneyState } from '../store'
import { begin, cancel, commit, draftOf, hasOwnEdit, shared, takeTheirs, type } from './fieldDraft'
import { MapSessionContext } from '../session/MapSessionContext'

/** Which field of which record an input edits: travels in presence so colleagues see who types where. */
export interface EditKey {
  id: string
  field: string
}

export interface PeerMark {
  name: string
  color: string
}

/** `color|name` as the presence slice derives it, or null. */
function parseMark(mark: string): PeerMark | null {
  if (!mark) return null
  const bar = mark.indexOf('|')
  return { color: mark.slice(0, bar), name: mark.slice(bar + 1) }
}

/** A colleague typing in this field (`id#field`) or, with a bare id, anywhere in this record. */
export function usePeerEditing(key: string | null): PeerMark | null {
  const mark = useJourneyStore(useCallback((s: JourneyState) => (key ? (s.peerEditing[key] ?? '') : ''), [key]))
  return parseMark(mark)
}

interface Options {
  /** Write the user's text. Return false to keep the draft (it did not validate); a throw keeps it too. */
  onCommit(text: string): void | boolean
  editKey?: EditKey
  disabled?: boolean
  /** The element that holds the "use theirs" offer: moving focus into it is not leaving the field. */
  offerRef?: RefObject<HTMLElement | null>
}

export function useSharedDraft(value: string, { onCommit, editKey, disabled, offerRef }: Options) {
  const session = useContext(MapSessionContext)
  const [state, setState] = useState(() => draftOf(value))
  const stateRef = useRef(state)
  stateRef.current = state
  const focused = useRef(false)
  const key = editKey ? `${editKey.id}#${editKey.field}` : null
  const peer = usePeerEditing(key)
  // Who last typed here, to name them when their change lands (their presence may clear first).
  const lastPeer = useRef<string | null>(null)
  if (peer) lastPeer.current = peer.name

  // The same input reused for another record starts over: a draft belongs to one record's field.
  const [forKey, setForKey] = useState(key)
  if (forKey !== key) {
    setForKey(key)
    setState(draftOf(value))
  }

  useEffect(() => setState((s) => shared(s, value)), [value])

  const editId = editKey?.id
  const editField = editKey?.field
  const announce = useCallback(
    (on: boolean) => {
      if (editId !== undefined && editField !== undefined && session) session.setPresence('editing', on ? { id: editId, field: editField } : null)
    },
    [session, editId, editField],
  )
  // A field disabled (the map locked) or removed while focused stops saying so.
  useEffect(() => {
    if (disabled && focused.current) {
      focused.current = false
      announce(false)
    }
  }, [disabled, announce])
  useEffect(() => () => void (focused.current && announce(false)), [announce])

  const commitNow = () => {
    const { write, next } = commit(stateRef.current)
    if (write !== null && onCommit(write) === false) return
    setState(next)
  }

  return {
    draft: state.draft,
    theirs: state.theirs,
    /** The user has text of their own that is not written. */
    unsaved: hasOwnEdit(state),
    peer,
    theirsBy: state.theirs === null ? null : lastPeer.current,
    onFocus() {
      focused.current = true
      setState((s) => begin(s, value))
      announce(true)
    },
    onChange(e: { target: { value: string } }) {
      const text = e.target.value
      setState((s) => type(s, text))
    },
    /** Commits, unless focus only moved to the offer of their change. Returns whether the field was left. */
    onBlur(e: FocusEvent): boolean {
      if (offerRef?.current && e.relatedTarget instanceof Node && offerRef.current.contains(e.relatedTarget)) return false
      focused.current = false
      announce(false)
      commitNow()
      return true
    },
    /** Enter commits (single-line inputs), Escape drops the draft. */
    onKeyDown(e: KeyboardEvent, { enterCommits }: { enterCommits: boolean }) {
      if (e.key === 'Enter' && enterCommits) (e.target as HTMLElement).blur()
      if (e.key === 'Escape') setState(cancel(value))
    },
    takeTheirs() {
      setState((s) => takeTheirs(s))
    },
    /** Drop the draft, as Escape does. */
    cancel() {
      setState(cancel(value))
    },
  }
}
