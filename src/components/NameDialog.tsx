import { useState } from 'react'
import { saveIdentity, type Identity } from '../sync'
import { Dialog } from './Dialog'

/** Asked once per browser: the name and colour others see beside your cursor. */
export function NameDialog({ onDone }: { onDone(identity: Identity): void }) {
  const [name, setName] = useState('')
  return (
    <Dialog title="Who are you?" open>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) onDone(saveIdentity(name))
        }}
      >
        <p className="muted">Others in the map see this name beside your cursor and selection.</p>
        <div className="field">
          <label htmlFor="your-name">Your name</label>
          <input id="your-name" autoFocus value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!name.trim()}>
            Join
          </button>
        </div>
      </form>
    </Dialog>
  )
}
