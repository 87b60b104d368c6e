import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { setMeta } from '../commands'
import { PHASES, type Phase } from '../model'
import { phaseName } from '../i18n/phaseNames'
import { selectMeta, selectReadOnly, useJourneyStore } from '../store'
import { useGridActions } from './Inspector'
import { useMapSession } from './MapSessionContext'
import { ConnectionIndicator, PresenceAvatars } from './PresenceBar'
import { TextField } from './fields'
import { TimerDisplay } from './workshop/TimerDisplay'
import type { ReactNode } from 'react'

function useUndoState() {
  const { undoManager } = useMapSession()
  const subscribe = (cb: () => void) => {
    const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const
    events.forEach((e) => undoManager.on(e, cb))
    return () => events.forEach((e) => undoManager.off(e, cb))
  }
  const canUndo = useSyncExternalStore(subscribe, () => undoManager.canUndo())
  const canRedo = useSyncExternalStore(subscribe, () => undoManager.canRedo())
  return { canUndo, canRedo, undo: () => undoManager.undo(), redo: () => undoManager.redo() }
}

export function Toolbar({ onShare, extra, onPublish }: { onShare?: () => void; extra?: ReactNode; onPublish?: () => void }) {
  const { doc } = useMapSession()
  const meta = useJourneyStore(selectMeta)
  const readOnly = useJourneyStore(selectReadOnly)
  const { canUndo, canRedo, undo, redo } = useUndoState()
  const grid = useGridActions()
  return (
    <header className="toolbar">
      <a href="/" className="brand" aria-label="All maps">
        <span aria-hidden="true">◐</span>
      </a>
      <div className="toolbar-title">
        <TextField label="Map title" hideLabel value={meta.title} disabled={readOnly} onCommit={(title) => setMeta(doc, { title })} />
      </div>
      {!readOnly && (
        <div className="toolbar-group" role="group" aria-label="Edit">
          <button type="button" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">
            ↶
          </button>
          <button type="button" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Shift+Ctrl+Z)">
            ↷
          </button>
          <AddStageMenu onAdd={grid.addStage} locale={meta.locale} />
          <button type="button" onClick={grid.addPersona}>
            Add persona
          </button>
        </div>
      )}
      <div className="toolbar-spacer" />
      <TimerDisplay />
      <ConnectionIndicator />
      <PresenceAvatars />
      {extra}
      {onPublish && (
        <button type="button" onClick={onPublish}>
          Publish to server
        </button>
      )}
      {onShare && (
        <button type="button" className="primary" onClick={onShare}>
          Share
        </button>
      )}
    </header>
  )
}

function AddStageMenu({ onAdd, locale }: { onAdd(phase: Phase): void; locale: string }) {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false)
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [open])
  return (
    <div className="menu-wrap" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Add stage
      </button>
      {open && (
        <ul role="menu" className="menu" aria-label="Add stage to phase" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {PHASES.map((p) => (
            <li key={p} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  onAdd(p)
                  setOpen(false)
                }}
              >
                {phaseName(p, locale)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
