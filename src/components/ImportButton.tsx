/**
 * Import a map from a JSON file (contract 4), or from a Mermaid journey (`.mmd`, or a Markdown file
 * holding one) when `format` is `mermaid`. The file goes through restore → migrate → validate
 * before anything happens: a valid file is handed whole to `onImported` (the host creates a new map
 * from it); an invalid one changes nothing and its errors, each with its path, are listed in a dialog.
 */
import { useRef, useState } from 'react'
import type { Snapshot, ValidationError } from '../model'
import { readJourneyFile } from '../io/json'
import { useT } from '../i18n/useT'
import { Dialog } from './Dialog'
import './ExportMenu.css'

export interface ImportButtonProps {
  /** Receives the validated map; `fileName` is the picked file's name, for a title fallback or a message. */
  onImported: (snapshot: Snapshot, fileName: string) => void
  label?: string
  disabled?: boolean
  /** Which file the button reads; JSON unless told. */
  format?: 'json' | 'mermaid'
}

const ACCEPT = { json: '.json,application/json', mermaid: '.mmd,.mermaid,.md,.markdown,text/markdown,text/plain' }

/** Listing thousands of errors helps nobody and slows the dialog; the first ones locate the problem. */
const SHOWN_ERRORS = 100

export function ImportButton({ onImported, label: givenLabel, disabled, format = 'json' }: ImportButtonProps) {
  const t = useT()
  const label = givenLabel ?? t(format === 'mermaid' ? 'import.mermaidButton' : 'import.button')
  const inputRef = useRef<HTMLInputElement>(null)
  const [reading, setReading] = useState(false)
  const [failure, setFailure] = useState<{ fileName: string; errors: ValidationError[] } | null>(null)

  const onFile = async (file: File) => {
    setReading(true)
    try {
      const result =
        format === 'mermaid'
          ? // A diagram that names no language (`%% language:`) makes a map in the one its importer reads.
            // Loaded when first used: the home page and the map's first load never carry it.
            await (await import('../io/mermaid')).readMermaidFile(file, { locale: t.locale, defaultPersonaName: t('import.mermaidPersona') })
          : await readJourneyFile(file)
      if (result.ok) onImported(result.snapshot, file.name)
      else setFailure({ fileName: file.name, errors: result.errors })
    } finally {
      setReading(false)
    }
  }

  return (
    <>
      <button type="button" disabled={disabled || reading} onClick={() => inputRef.current?.click()}>
        {reading ? t('import.reading') : label}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT[format]}
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = '' // picking the same file again must fire change again
          if (file) void onFile(file)
        }}
      />
      <Dialog title={t('import.failedTitle')} open={failure !== null} onClose={() => setFailure(null)} className="import-errors-dialog">
        {failure && (
          <>
            <p>
              {t('import.notAMap', { fileName: failure.fileName })}
              {failure.errors.length > 1 ? ` ${t('import.problems', { count: failure.errors.length })}` : ''}
            </p>
            <ul aria-label={t('import.errors')} className="import-errors">
              {failure.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
            {failure.errors.length > SHOWN_ERRORS && <p className="small muted">{t('import.more', { count: failure.errors.length - SHOWN_ERRORS })}</p>}
            <div className="dialog-actions">
              <button type="button" className="primary" onClick={() => setFailure(null)}>
                {t('common.close')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </>
  )
}
