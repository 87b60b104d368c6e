/** The one keyboard handler: a key runs the registered action whose shortcut it is, if that action is enabled. */
import { useEffect } from 'react'
import { useJourneyStore } from '../store'
import { useMapSession } from '../session/MapSessionContext'
import { isTyping, matchesShortcut } from './shortcuts'
import { USER_ACTIONS, type ActionContext, type ActionScope, type UserAction } from './userActions'

export function actionForKey(e: KeyboardEvent, scope: ActionScope): UserAction | undefined {
  return USER_ACTIONS.find((a) => a.scope === scope && a.shortcuts.some((s) => matchesShortcut(e, s)))
}

/**
 * Listens on the window for the actions of one scope. `canvas` must keep its identity while the
 * layout is the same (memoise it), or the listener is replaced on every render.
 */
export function useActionKeys(scope: ActionScope, canvas?: ActionContext['canvas']): void {
  const { doc, undoManager } = useMapSession()
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // A key pressed while typing belongs to the field; function keys (F6) never type anything.
      if (isTyping(e.target) && !/^F\d{1,2}$/.test(e.key)) return
      const action = actionForKey(e, scope)
      if (!action) return
      // A key on a control outside the canvas (the inspector's buttons, a dialog) belongs to that
      // control: Enter on "Comments" must not open the selected card's title.
      if (scope === 'canvas' && e.target instanceof Element && !e.target.closest('.react-flow') && e.target.closest('button, a[href], dialog, .inspector')) return
      // Enter on a button inside a card (a vote's − / +) presses that button.
      if (e.key === 'Enter' && e.target instanceof Element && e.target.tagName === 'BUTTON') return
      const ctx: ActionContext = { doc, undoManager, state: useJourneyStore.getState(), canvas, key: e.key }
      if (!action.enabled(ctx)) return
      if (action.preventDefault !== false) e.preventDefault()
      action.perform(ctx)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [doc, undoManager, scope, canvas])
}

/** Mounted once inside the map's session provider: the map-wide keys (undo, redo, "?"). */
export function MapActionKeys(): null {
  useActionKeys('map')
  return null
}
