/** A registered action for a button: whether it is enabled now, and a way to run it. */
import { useSyncExternalStore } from 'react'
import { useJourneyStore } from '../store'
import { useMapSession } from '../session/MapSessionContext'
import type { MapSession } from '../session'
import { userAction, type ActionContext, type UserAction } from './userActions'

const UNDO_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const

/** Changes whenever the undo stacks do, so "can undo" is read afresh. */
function useUndoStackVersion(undoManager: MapSession['undoManager']): string {
  return useSyncExternalStore(
    (cb) => {
      UNDO_EVENTS.forEach((e) => undoManager.on(e, cb))
      return () => UNDO_EVENTS.forEach((e) => undoManager.off(e, cb))
    },
    () => `${undoManager.undoStack.length}/${undoManager.redoStack.length}`,
  )
}

export function useUserAction(id: string): { action: UserAction; enabled: boolean; pressed: boolean | undefined; run(): void } {
  const { doc, undoManager } = useMapSession()
  const action = userAction(id)
  useUndoStackVersion(undoManager)
  const enabled = useJourneyStore((state) => action.enabled({ doc, undoManager, state }))
  const pressed = useJourneyStore((state) => action.pressed?.({ doc, undoManager, state }))
  return {
    action,
    enabled,
    pressed,
    run() {
      const ctx: ActionContext = { doc, undoManager, state: useJourneyStore.getState() }
      if (action.enabled(ctx)) action.perform(ctx)
    },
  }
}
