/**
 * The dialog of MermaidPasteButton. Import a Mermaid journey by pasting its text, for a diagram copied out of a README, a wiki page
 * or a chat rather than saved as a file. The text goes through the same reader as a `.mmd` file
 * (src/io/mermaid.ts, loaded when first used so the home page never carries it): a valid journey
 * is handed to `onImported`; an invalid one keeps the dialog open with the text as pasted and its
 * errors listed, each naming its line, so it can be fixed in place.
 */
import { useState } from 'react'
import type { Snapshot, ValidationError } from '../model'
import { useT } from '../i18n/useT'
import { Dialog } from './Dialog'
import './ExportMenu.css'

/** As ImportButton: the first errors locate the problem. */
const SHOWN_ERRORS = 100

export default function MermaidPasteDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (snapshot: Snapshot, name: string) => void }) {
  const t = useT()
  const [text, setText] = useState('')
  const [reading, setReading] = useState(false)
  const [errors, setErrors] = useState<ValidationError[] | null>(null)

  const close = () => {
    onClose()
    setErrors(null)
  }
  const submit = async () => {
    setReading(true)
    try {
      const { parseJourneyMermaid } = await import('../io/mermaid')
      const result = parseJourneyMermaid(text, { locale: t.locale, defaultPersonaName: t('import.mermaidPersona') })
      if (result.ok) {
        close()
        setText('')
        onImported(result.snapshot, t('import.pastedName'))
      } else setErrors(result.errors)
    } finally {
      setReading(false)
    }
  }

  return (
    <Dialog title={t('import.mermaidPasteTitle')} open={open} onClose={close} className="mermaid-paste-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span>{t('import.mermaidText')}</span>
          <textarea
            value={text}
            rows={12}
            spellCheck={false}
            placeholder={'journey\n  title …\n  section …\n    …: 3: …'}
            onChange={(e) => {
              setText(e.target.value)
              setErrors(null)
            }}
            aria-invalid={errors !== null}
            aria-describedby={errors ? 'mermaid-paste-errors' : undefined}
          />
        </label>
        <p className="muted small">{t('import.mermaidPasteHint')}</p>
        {errors && (
          <div id="mermaid-paste-errors" role="alert">
            <p>
              {t('import.pastedNotAMap')}
              {errors.length > 1 ? ` ${t('import.problems', { count: errors.length })}` : ''}
            </p>
            <ul aria-label={t('import.errors')} className="import-errors">
              {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
            {errors.length > SHOWN_ERRORS && <p className="small muted">{t('import.more', { count: errors.length - SHOWN_ERRORS })}</p>}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={reading || text.trim() === ''}>
            {reading ? t('import.reading') : t('import.create')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
