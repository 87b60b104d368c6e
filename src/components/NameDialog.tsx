import { useState } from 'react'
import { saveIdentity, type Identity } from '../session'
import { useT } from '../i18n/useT'
import { Dialog } from './Dialog'

/** Asked once per browser: the name and colour others see beside your cursor. */
export function NameDialog({ onDone }: { onDone(identity: Identity): void }) {
  const [name, setName] = useState('')
  const t = useT()
  return (
    <Dialog title={t('name.title')} open>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) onDone(saveIdentity(name))
        }}
      >
        <p className="muted">{t('name.explain')}</p>
        <div className="field">
          <label htmlFor="your-name">{t('name.label')}</label>
          <input id="your-name" autoFocus value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('name.join')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
