import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { setMeta } from '../commands'
import { PHASES, type Phase } from '../model'
import { phaseName } from '../i18n/phaseNames'
import { selectMeta, selectReadOnly, useJourneyStore } from '../store'
import { useGridActions } from './useGridActions'
import { useMapSession } from '../session/MapSessionContext'
import { ConnectionIndicator, PresenceAvatars } from './PresenceBar'
import { TextField } from './fields'
import { TimerDisplay } from './workshop/TimerDisplay'
import { LanguagePicker } from './LanguagePicker'
import { useT } from '../i18n/useT'
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
  const t = useT()
  return (
    <header className="toolbar">
      <a href="/" className="brand" aria-label={t('toolbar.allMaps')}>
        <span aria-hidden="true">◐</span>
      </a>
      <div className="toolbar-title">
        <TextField label={t('toolbar.mapTitle')} hideLabel value={meta.title} editKey={{ id: 'meta', field: 'title' }} disabled={readOnly} onCommit={(title) => setMeta(doc, { title })} />
      </div>
      {!readOnly && (
        <div className="toolbar-group" role="group" aria-label={t('toolbar.edit')}>
          <button type="button" onClick={undo} disabled={!canUndo} aria-label={t('toolbar.undo')} title={t('toolbar.undoHint')}>
            ↶
          </button>
          <button type="button" onClick={redo} disabled={!canRedo} aria-label={t('toolbar.redo')} title={t('toolbar.redoHint')}>
            ↷
          </button>
          <AddStageMenu onAdd={grid.addStage} locale={meta.locale} />
          <button type="button" onClick={grid.addPersona}>
            {t('toolbar.addPersona')}
          </button>
        </div>
      )}
      <div className="toolbar-spacer" />
      <TimerDisplay />
      <ConnectionIndicator />
      <PresenceAvatars />
      {extra}
      <LanguagePicker />
      {onPublish && (
        <button type="button" onClick={onPublish}>
          {t('toolbar.publish')}
        </button>
      )}
      {onShare && (
        <button type="button" className="primary" onClick={onShare}>
          {t('toolbar.share')}
        </button>
      )}
    </header>
  )
}

function AddStageMenu({ onAdd, locale }: { onAdd(phase: Phase): void; locale: string }) {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  const t = useT()
  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false)
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [open])
  return (
    <div className="menu-wrap" ref={ref}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('toolbar.addStage')}
      </button>
      {open && (
        <ul role="menu" className="menu" aria-label={t('toolbar.addStageToPhase')} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
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
