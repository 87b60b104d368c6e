import { setMeta } from '../../commands'
import { useT } from '../../i18n/useT'
import { richMessage } from '../../i18n/richMessage'
import { LOCALE_NAMES, UI_LOCALES } from '../../i18n/locales'
import { selectReadOnly, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { Section, TextField } from '../../fields/fields'
import { Keys } from '../ShortcutSheet'
import { userAction } from '../../registry/userActions'
import { DepartmentView } from './DepartmentView'

/** The keys the help names are the registered ones, so the help cannot drift from the keyboard. */
const firstShortcut = (id: string) => userAction(id).shortcuts[0]

/** Nothing selected: the map's own fields and how to work the canvas. */
export function MapInspector() {
  const { doc } = useMapSession()
  const description = useJourneyStore((s) => s.snapshot.meta.description)
  const locale = useJourneyStore((s) => s.snapshot.meta.locale)
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  return (
    <>
      <TextField label={t('common.description')} multiline maxLength={20000} value={description} editKey={{ id: 'meta', field: 'description' }} disabled={readOnly} onCommit={(description) => setMeta(doc, { description })} />
      <div className="field">
        <label htmlFor="map-locale">{t('inspector.mapLanguage')}</label>
        <select id="map-locale" value={locale} disabled={readOnly} onChange={(e) => setMeta(doc, { locale: e.target.value })}>
          {UI_LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <DepartmentView />
      <Section title={t('inspector.howTo')}>
        <ul className="help">
          <li>{richMessage(t('inspector.help.add'), { key: <Keys shortcut={firstShortcut('addTouchpoint')} /> })}</li>
          <li>{richMessage(t('inspector.help.rename'), { key: <Keys shortcut={firstShortcut('renameTouchpoint')} /> })}</li>
          <li>{t('inspector.help.drag')}</li>
          <li>{richMessage(t('inspector.help.arrows'), { key: <Keys shortcut={firstShortcut('deleteSelection')} /> })}</li>
          <li>{richMessage(t('inspector.help.undo'), { keys: <Keys shortcut={firstShortcut('undo')} /> })}</li>
        </ul>
      </Section>
    </>
  )
}
