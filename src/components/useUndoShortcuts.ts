/**
 * Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes this participant's own edits, in
 * every view of the map (an action edited on the board is undone the same way as a card moved on
 * the canvas). Inside a text field the browser's own undo applies instead.
 */
import { useEffect } from 'react'
import { isTyping } from '../canvas/useCanvasKeyboard'
import { selectReadOnly, useJourneyStore } from '../store'
import { useMapSession } from '../session/MapSessionContext'

export function useUndoShortcuts(): void {
  const { undoManager } = useMapSession()
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !['z', 'Z', 'y'].includes(e.key)) return
      if (isTyping(e.target) || selectReadOnly(useJourneyStore.getState())) return
      e.preventDefault()
      if (e.key === 'y' || e.shiftKey) undoManager.redo()
      else undoManager.undo()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [undoManager])
}

/** Mounted once inside the map's session provider. */
export function UndoShortcuts(): null {
  useUndoShortcuts()
  return null
}
