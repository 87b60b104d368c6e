/** The "?" sheet: every registered action that has a shortcut, with its keys, read from the registry. */
import { Fragment } from 'react'
import { useT } from '../i18n/useT'
import { USER_ACTIONS } from '../registry/userActions'
import { shortcutKeys, type Shortcut } from '../registry/shortcuts'
import { useJourneyStore, type JourneyState } from '../store'
import { Dialog } from './Dialog'

const selectOpen = (s: JourneyState) => s.shortcutsOpen
const selectSetOpen = (s: JourneyState) => s.setShortcutsOpen

export function Keys({ shortcut }: { shortcut: Shortcut }) {
  return (
    <span className="keys">
      {shortcutKeys(shortcut).map((k, i) => (
        <Fragment key={i}>
          {i > 0 && '+'}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
    </span>
  )
}

export function ShortcutSheet() {
  const open = useJourneyStore(selectOpen)
  const setOpen = useJourneyStore(selectSetOpen)
  const t = useT()
  return (
    <Dialog title={t('shortcuts.title')} open={open} onClose={() => setOpen(false)} className="shortcut-sheet">
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.action')}</th>
            <th scope="col">{t('shortcuts.keys')}</th>
          </tr>
        </thead>
        <tbody>
          {USER_ACTIONS.filter((a) => a.shortcuts.length > 0).map((a) => (
            <tr key={a.id} data-action={a.id}>
              <th scope="row">{t(a.label)}</th>
              <td>
                {a.shortcuts.map((s, i) => (
                  <Fragment key={i}>
                    {i > 0 && ` ${t('shortcuts.or')} `}
                    <Keys shortcut={s} />
                  </Fragment>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={() => setOpen(false)}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  )
}
