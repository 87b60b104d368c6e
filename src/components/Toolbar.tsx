import { setMeta } from '../commands'
import { phaseName } from '../i18n/phaseNames'
import { selectMeta, selectReadOnly, useJourneyStore } from '../store'
import { shortcutText } from '../registry/shortcuts'
import { USER_ACTIONS } from '../registry/userActions'
import { useUserAction } from '../registry/useUserAction'
import { Menu } from './Menu'
import { useMapSession } from '../session/MapSessionContext'
import { ConnectionIndicator, PresenceAvatars } from './PresenceBar'
import { TextField } from '../fields/fields'
import { TimerDisplay } from './workshop/TimerDisplay'
import { LanguagePicker } from './LanguagePicker'
import { useT } from '../i18n/useT'
import { useState, type ReactNode } from 'react'
import { useCompactLayout } from './useCompactLayout'

/** The toolbar's actions, from the registry: the edit group (the add-stage actions once, as a menu) and help. */
const EDIT_GROUP = USER_ACTIONS.filter((a, i) => a.toolbar === 'edit' || (a.toolbar === 'add-stage' && USER_ACTIONS.findIndex((b) => b.toolbar === 'add-stage') === i))
const HELP = USER_ACTIONS.filter((a) => a.toolbar === 'help')

export function Toolbar({ onShare, extra, onPublish }: { onShare?: () => void; extra?: ReactNode; onPublish?: () => void }) {
  const { doc } = useMapSession()
  const meta = useJourneyStore(selectMeta)
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  const compact = useCompactLayout()
  const [menuOpen, setMenuOpen] = useState(false)
  const editGroup = !readOnly && (
    <div className="toolbar-group" role="group" aria-label={t('toolbar.edit')}>
      {EDIT_GROUP.map((a) => (a.toolbar === 'add-stage' ? <AddStageMenu key="add-stage" locale={meta.locale} /> : <ActionButton key={a.id} id={a.id} />))}
    </div>
  )
  const rest = (
    <>
      <PresenceAvatars />
      {extra}
      <LanguagePicker />
      {HELP.map((a) => (
        <ActionButton key={a.id} id={a.id} />
      ))}
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
    </>
  )
  return (
    <header className="toolbar">
      <a href="/" className="brand" aria-label={t('toolbar.allMaps')}>
        <span aria-hidden="true">◐</span>
      </a>
      <div className="toolbar-title">
        <TextField label={t('toolbar.mapTitle')} hideLabel value={meta.title} editKey={{ id: 'meta', field: 'title' }} disabled={readOnly} onCommit={(title) => setMeta(doc, { title })} />
      </div>
      {!compact && editGroup}
      <div className="toolbar-spacer" />
      <TimerDisplay />
      <ConnectionIndicator />
      {compact ? (
        // On a phone the map gets the screen: everything else folds into one panel under a button.
        // A disclosure, not a menu: it holds a select, a menu and buttons, each keeping its own keys.
        <div className="toolbar-fold">
          <button type="button" className="toolbar-fold-button" aria-expanded={menuOpen} aria-controls="toolbar-fold-panel" onClick={() => setMenuOpen(!menuOpen)}>
            <span aria-hidden="true">☰</span> {t('toolbar.more')}
          </button>
          <div id="toolbar-fold-panel" className="toolbar-fold-panel" hidden={!menuOpen}>
            {editGroup}
            {rest}
          </div>
        </div>
      ) : (
        rest
      )}
    </header>
  )
}

/**
 * A toolbar button for a registered action: its label (or icon, with the label as its name), its
 * first shortcut in the tooltip, enabled when the action is.
 */
function ActionButton({ id }: { id: string }) {
  const { action, enabled, pressed, run } = useUserAction(id)
  const t = useT()
  const label = t(action.label)
  const title = action.shortcuts[0] ? `${label} (${shortcutText(action.shortcuts[0])})` : undefined
  return action.icon ? (
    <button type="button" onClick={run} disabled={!enabled} aria-label={label} title={title}>
      {action.icon}
    </button>
  ) : (
    <button type="button" onClick={run} disabled={!enabled} title={title} aria-pressed={pressed}>
      {label}
    </button>
  )
}

/** The registered add-stage actions, one menu item per phase in the map's language. */
function AddStageMenu({ locale }: { locale: string }) {
  const { doc, undoManager } = useMapSession()
  const t = useT()
  const items = USER_ACTIONS.filter((a) => a.toolbar === 'add-stage').map((a) => ({
    id: a.id,
    label: a.phase ? phaseName(a.phase, locale) : t(a.label),
    onSelect: () => {
      const ctx = { doc, undoManager, state: useJourneyStore.getState() }
      if (a.enabled(ctx)) a.perform(ctx)
    },
  }))
  return <Menu label={t('toolbar.addStage')} menuLabel={t('toolbar.addStageToPhase')} items={items} />
}
