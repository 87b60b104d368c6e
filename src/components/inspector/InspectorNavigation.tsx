import { useEffect, type RefObject } from 'react'
import { selectedRecordId, selectionKey, selectSelection, selectSnapshot, useJourneyStore, type JourneyState } from '../../store'
import { useT } from '../../i18n/useT'
import { scrollWithin } from '../scrollWithin'

/** A key that changes when another record is selected (not when the selected one changes). */
const selectSelectionKey = (s: JourneyState): string => selectionKey(s.selection)

/** The inspector starts at the top for a new selection, not where the last one was scrolled to. */
export function useTopOnNewSelection(ref: RefObject<HTMLElement | null>) {
  const key = useJourneyStore(selectSelectionKey)
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = 0
  }, [key, ref])
}

/** Threads on a record and on its annotations, as the comments section lists them. */
const selectThreadCount = (targetId: string) => (s: JourneyState) => {
  const snapshot = selectSnapshot(s)
  const ids = new Set([targetId])
  for (const a of Object.values(snapshot.annotations)) if (a.targetId === targetId) ids.add(a.id)
  let count = 0
  for (const c of Object.values(snapshot.comments)) if (ids.has(c.targetId)) count++
  return count
}

/**
 * One click from the top of the inspector to the comments under a long form: scrolls them into
 * view and puts the caret in the new-comment box (or on the first thread when read-only).
 */
export function JumpToComments({ targetId }: { targetId: string }) {
  const t = useT()
  const count = useJourneyStore(selectThreadCount(targetId))
  return (
    <nav className="inspector-jump" aria-label={t('inspector.jumpLabel')}>
      <button
        type="button"
        className="link-button"
        onClick={(e) => {
          const inspector = e.currentTarget.closest<HTMLElement>('.inspector')
          const section = inspector?.querySelector<HTMLElement>('[data-inspector-section="comments"]')
          if (!inspector || !section) return
          scrollWithin(inspector, section)
          const box = section.querySelector<HTMLElement>('textarea') ?? section.querySelector<HTMLElement>('h3')
          if (box && box.tagName === 'H3') box.tabIndex = -1
          box?.focus({ preventScroll: true })
        }}
      >
        {t.plural('inspector.jumpToComments', count)}
      </button>
    </nav>
  )
}

/** The selected record's id when it carries comments (everything but a cell, a link and the map). */
export const selectCommentTarget = (s: JourneyState): string | null => {
  const sel = selectSelection(s)
  // Comments hang on the customer's side of the map (and on annotations); a blueprint item carries none.
  if (!sel || sel.kind === 'blueprintItem') return null
  return selectedRecordId(sel)
}
