/**
 * The PDF export's options (paper, orientation, what to do with a map wider than the page) and its
 * progress while the writer runs. The export itself is the caller's: ExportMenu loads jsPDF on demand.
 */
import { useMemo, useState } from 'react'
import { listDepartments } from '../model'
import { selectSnapshot, useJourneyStore } from '../store'
import { DEFAULT_PDF_OPTIONS, type Orientation, type PaperSize, type PdfOptions } from '../io/pdf/pdfOptions'
import { useT } from '../i18n/useT'
import type { MessageKey } from '../i18n/translate'
import { Dialog } from './Dialog'

/** The steps the PDF writer reports (src/io/pdf); a step it adds later shows by its name until it has a message. */
const PROGRESS_LABELS: Record<string, MessageKey> = {
  fonts: 'export.progress.fonts',
  cover: 'export.progress.cover',
  grid: 'export.progress.grid',
  summary: 'export.progress.summary',
  finishing: 'export.progress.finishing',
}

export function PdfDialog({
  open,
  onClose,
  onExport,
  busy,
  error,
}: {
  open: boolean
  onClose: () => void
  onExport: (options: PdfOptions, onProgress: (fraction: number, step: string) => void) => Promise<void>
  busy: boolean
  error: string | null
}) {
  const [paper, setPaper] = useState<PaperSize>(DEFAULT_PDF_OPTIONS.paper)
  const [orientation, setOrientation] = useState<Orientation>(DEFAULT_PDF_OPTIONS.orientation)
  const [fit, setFit] = useState<PdfOptions['fit']>(DEFAULT_PDF_OPTIONS.fit)
  const snapshot = useJourneyStore(selectSnapshot)
  const departments = useMemo(() => (open ? listDepartments(snapshot).map((d) => d.name) : []), [open, snapshot])
  const [chosenDepartments, setChosenDepartments] = useState<string[]>([])
  const [progress, setProgress] = useState<{ fraction: number; step: string }>({ fraction: 0, step: 'fonts' })
  const t = useT()
  const stepLabel = PROGRESS_LABELS[progress.step] ? t(PROGRESS_LABELS[progress.step]) : progress.step

  const start = () => {
    setProgress({ fraction: 0, step: 'fonts' })
    void onExport({ paper, orientation, fit, departments: chosenDepartments.filter((d) => departments.includes(d)) }, (fraction, step) => setProgress({ fraction, step }))
  }

  return (
    <Dialog title={t('export.pdfTitle')} open={open} onClose={busy ? undefined : onClose} className="export-pdf-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          start()
        }}
      >
        <Choice legend={t('export.paperSize')} name="paper" value={paper} onChange={setPaper} disabled={busy} options={[{ value: 'a4', label: 'A4' }, { value: 'a3', label: 'A3' }]} />
        <Choice
          legend={t('export.orientation')}
          name="orientation"
          value={orientation}
          onChange={setOrientation}
          disabled={busy}
          options={[
            { value: 'landscape', label: t('export.landscape') },
            { value: 'portrait', label: t('export.portrait') },
          ]}
        />
        <Choice
          legend={t('export.wideMaps')}
          name="fit"
          value={fit}
          onChange={setFit}
          disabled={busy}
          options={[
            { value: 'split', label: t('export.split') },
            { value: 'scale', label: t('export.scale') },
          ]}
        />
        {departments.length > 0 && (
          <fieldset className="export-choice department-pages" disabled={busy}>
            <legend>{t('department.pdfPages')}</legend>
            {departments.map((name) => (
              <label key={name}>
                <input type="checkbox" checked={chosenDepartments.includes(name)} onChange={(e) => setChosenDepartments(e.target.checked ? [...chosenDepartments, name] : chosenDepartments.filter((d) => d !== name))} />
                {' '}
                {name}
              </label>
            ))}
          </fieldset>
        )}
        {busy && (
          <div className="export-progress">
            <div
              className="export-progress-bar"
              role="progressbar"
              aria-label={t('export.exportingPdf')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(progress.fraction * 100)}
              aria-valuetext={stepLabel}
            >
              <div className="export-progress-fill" style={{ width: `${Math.round(progress.fraction * 100)}%` }} />
            </div>
            <p className="small muted" aria-live="polite">
              {stepLabel}
            </p>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('export.pdfTitle')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  disabled,
}: {
  legend: string
  name: string
  value: T
  options: { value: T; label: string }[]
  onChange: (value: T) => void
  disabled: boolean
}) {
  return (
    <fieldset className="export-choice" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  )
}
