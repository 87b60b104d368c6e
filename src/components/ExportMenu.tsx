/**
 * The map's export menu: PDF (with paper, orientation and wide-map options), PNG of the current view
 * or of the whole map, CSV and JSON. Everything heavy (jsPDF, the PDF font, html-to-image) is loaded
 * on first use by a dynamic import, so an export costs nothing until someone asks for one.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Snapshot } from '../model'
import { journeyCsv } from '../io/csv'
import { downloadBlob } from '../io/download'
import { fileBaseName as baseNameFromTitle } from '../io/fileName'
import { journeyJsonBlob } from '../io/json'
import { DEFAULT_PDF_OPTIONS, type Orientation, type PaperSize, type PdfOptions } from '../io/pdf/pdfOptions'
import { useT } from '../i18n/useT'
import type { MessageKey } from '../i18n/translate'
import { Dialog } from './Dialog'
import './ExportMenu.css'
import type { PdfFeedback } from '../io/pdf/measuredPage'

export interface ExportMenuProps {
  /** The map as it is at the moment of export. */
  getSnapshot: () => Snapshot
  /** The `.react-flow` element, for "PNG of current view". */
  getFlowElement: () => HTMLElement | null
  /** File name without extension; the map title when absent. */
  fileBaseName?: string
  /** The customer-feedback data set behind the measured figures, for the PDF's measured-metrics page. */
  getFeedback?: () => PdfFeedback | null
}

type ItemId = 'pdf' | 'png-view' | 'png-map' | 'csv' | 'json'
const ITEMS: { id: ItemId; label: MessageKey }[] = [
  { id: 'pdf', label: 'export.pdf' },
  { id: 'png-view', label: 'export.pngView' },
  { id: 'png-map', label: 'export.pngMap' },
  { id: 'csv', label: 'export.csv' },
  { id: 'json', label: 'export.json' },
]

/** What an export is called in "Exporting …" and in a failure. */
const EXPORT_NAMES: Record<ItemId, MessageKey> = { pdf: 'export.pdfName', 'png-view': 'export.pngView', 'png-map': 'export.pngMap', csv: 'export.csv', json: 'export.json' }

/** The steps the PDF writer reports (src/io/pdf); a step it adds later shows by its name until it has a message. */
const PROGRESS_LABELS: Record<string, MessageKey> = {
  fonts: 'export.progress.fonts',
  cover: 'export.progress.cover',
  grid: 'export.progress.grid',
  summary: 'export.progress.summary',
  finishing: 'export.progress.finishing',
}

export function ExportMenu({ getSnapshot, getFlowElement, fileBaseName, getFeedback }: ExportMenuProps) {
  const [open, setOpen] = useState(false)
  const [pdfOpen, setPdfOpen] = useState(false)
  const [busy, setBusy] = useState<ItemId | null>(null)
  const [error, setError] = useState<string | null>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([])
  const menuId = useId()
  const t = useT()

  const baseName = () => fileBaseName ?? baseNameFromTitle(getSnapshot().meta.title)

  // Close when a click lands outside the menu.
  useEffect(() => {
    if (!open) return
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  useEffect(() => {
    if (open) itemRefs.current[0]?.focus()
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }

  const onMenuKeyDown = (e: KeyboardEvent) => {
    const items = itemRefs.current.filter((el): el is HTMLButtonElement => el !== null)
    const index = items.indexOf(document.activeElement as HTMLButtonElement)
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus()
    if (e.key === 'ArrowDown') focus(index + 1)
    else if (e.key === 'ArrowUp') focus(index - 1)
    else if (e.key === 'Home') focus(0)
    else if (e.key === 'End') focus(items.length - 1)
    else if (e.key === 'Escape') close(true)
    else if (e.key === 'Tab') close(false)
    else return
    e.preventDefault()
    // The canvas listens for arrows and Escape on window (card navigation, deselect); a key the menu
    // handled must not also move the canvas selection and pull focus out of the menu.
    e.stopPropagation()
  }

  /** Run one export, showing what it is doing and any failure, never two at once. */
  const run = async (what: ItemId, work: () => Promise<void>) => {
    setError(null)
    setBusy(what)
    try {
      await work()
    } catch (e) {
      setError(t('export.failed', { what: t(EXPORT_NAMES[what]), message: (e as Error).message }))
    } finally {
      setBusy(null)
    }
  }

  const choose = (id: ItemId) => {
    close(id !== 'pdf')
    switch (id) {
      case 'pdf':
        setError(null)
        setPdfOpen(true)
        return
      case 'png-view':
        void run('png-view', async () => {
          const element = getFlowElement()
          if (!element) throw new Error(t('export.noCanvas'))
          const { currentViewPng } = await import('../io/png/currentViewPng')
          downloadBlob(await currentViewPng(element), `${baseName()} ${t('export.viewFileSuffix')}.png`)
        })
        return
      case 'png-map':
        void run('png-map', async () => {
          const { wholeMapPng } = await import('../io/png/wholeMapPng')
          downloadBlob(await wholeMapPng(getSnapshot()), `${baseName()}.png`)
        })
        return
      case 'csv':
        void run('csv', async () => downloadBlob(new Blob([journeyCsv(getSnapshot())], { type: 'text/csv;charset=utf-8' }), `${baseName()}.csv`))
        return
      case 'json':
        void run('json', async () => downloadBlob(journeyJsonBlob(getSnapshot()), `${baseName()}.json`))
        return
    }
  }

  return (
    <div className="export-menu" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={busy !== null && !pdfOpen}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            e.stopPropagation()
            setOpen(true)
          }
        }}
      >
        {t('export.button')}
      </button>
      {open && (
        <ul className="export-menu-list" role="menu" id={menuId} aria-label={t('export.button')} onKeyDown={onMenuKeyDown}>
          {ITEMS.map((item, i) => (
            <li key={item.id} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[i] = el
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="export-menu-item"
                onClick={() => choose(item.id)}
              >
                {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {busy && !pdfOpen && (
        <span className="export-menu-status" role="status">
          {t('export.exporting', { what: t(EXPORT_NAMES[busy]) })}
        </span>
      )}
      {error && !pdfOpen && (
        <span className="export-menu-error" role="alert">
          {error}{' '}
          <button type="button" className="link-button" onClick={() => setError(null)}>
            {t('common.dismiss')}
          </button>
        </span>
      )}
      <PdfDialog
        open={pdfOpen}
        onClose={() => {
          setPdfOpen(false)
          buttonRef.current?.focus()
        }}
        onExport={(options, onProgress) =>
          run('pdf', async () => {
            const { exportJourneyPdf } = await import('../io/pdf/exportPdf')
            const blob = await exportJourneyPdf(getSnapshot(), options, onProgress, getFeedback?.())
            downloadBlob(blob, `${baseName()}.pdf`)
            setPdfOpen(false)
            buttonRef.current?.focus()
          })
        }
        busy={busy === 'pdf'}
        error={pdfOpen ? error : null}
      />
    </div>
  )
}

function PdfDialog({
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
  const [progress, setProgress] = useState<{ fraction: number; step: string }>({ fraction: 0, step: 'fonts' })
  const t = useT()
  const stepLabel = PROGRESS_LABELS[progress.step] ? t(PROGRESS_LABELS[progress.step]) : progress.step

  const start = () => {
    setProgress({ fraction: 0, step: 'fonts' })
    void onExport({ paper, orientation, fit }, (fraction, step) => setProgress({ fraction, step }))
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
