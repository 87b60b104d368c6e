/**
 * The map's export menu: PDF (with paper, orientation and wide-map options), PNG of the current view
 * or of the whole map, CSV, JSON and a Mermaid journey. Everything heavy (jsPDF, the PDF font, html-to-image) is loaded
 * on first use by a dynamic import, so an export costs nothing until someone asks for one.
 */
import { lazy, Suspense, useRef, useState } from 'react'
import type { Snapshot } from '../model'
import { loadPrintLabels } from '../io/printLabels'
import { downloadBlob } from '../io/download'
import { fileBaseName as baseNameFromTitle } from '../io/fileName'
import { journeyJsonBlob } from '../io/json'
import { useT } from '../i18n/useT'
import type { MessageKey } from '../i18n/translate'
import { Menu } from './Menu'
import './ExportMenu.css'
import type { PdfFeedback } from '../io/pdf/measuredPage'
import { errorText } from '../i18n/errorText'

// The PDF options load when someone asks for a PDF, with the rest of what a PDF takes.
const PdfDialog = lazy(() => import('./PdfDialog').then((m) => ({ default: m.PdfDialog })))

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

type ItemId = 'pdf' | 'png-view' | 'png-map' | 'csv' | 'json' | 'mermaid'
const ITEMS: { id: ItemId; label: MessageKey }[] = [
  { id: 'pdf', label: 'export.pdf' },
  { id: 'png-view', label: 'export.pngView' },
  { id: 'png-map', label: 'export.pngMap' },
  { id: 'csv', label: 'export.csv' },
  { id: 'json', label: 'export.json' },
  { id: 'mermaid', label: 'export.mermaid' },
]

/** What an export is called in "Exporting …" and in a failure. */
const EXPORT_NAMES: Record<ItemId, MessageKey> = { pdf: 'export.pdfName', 'png-view': 'export.pngView', 'png-map': 'export.pngMap', csv: 'export.csv', json: 'export.json', mermaid: 'export.mermaid' }

export function ExportMenu({ getSnapshot, getFlowElement, fileBaseName, getFeedback }: ExportMenuProps) {
  const [pdfOpen, setPdfOpen] = useState(false)
  // Mounted from its first opening on, so the paper, orientation and fit chosen stay for the next.
  const [pdfWanted, setPdfWanted] = useState(false)
  if (pdfOpen && !pdfWanted) setPdfWanted(true)
  const [busy, setBusy] = useState<ItemId | null>(null)
  const [error, setError] = useState<string | null>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const t = useT()

  const baseName = () => fileBaseName ?? baseNameFromTitle(getSnapshot().meta.title)
  const menuButton = () => wrapRef.current?.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')

  /** Run one export, showing what it is doing and any failure, never two at once. */
  const run = async (what: ItemId, work: () => Promise<void>) => {
    setError(null)
    setBusy(what)
    try {
      // Every export prints in the map's language: its catalog first.
      await loadPrintLabels(getSnapshot().meta.locale)
      await work()
    } catch (e) {
      setError(t('export.failed', { what: t(EXPORT_NAMES[what]), message: errorText(t, e) }))
    } finally {
      setBusy(null)
    }
  }

  const choose = (id: ItemId) => {
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
        // Loaded when first used (it and the one CSV writer stay out of the map's first load).
        void run('csv', async () => downloadBlob(new Blob([(await import('../io/csv')).journeyCsv(getSnapshot())], { type: 'text/csv;charset=utf-8' }), `${baseName()}.csv`))
        return
      case 'json':
        void run('json', async () => downloadBlob(journeyJsonBlob(getSnapshot()), `${baseName()}.json`))
        return
      case 'mermaid':
        // Loaded when first used, like jsPDF: the map's first load never carries it.
        void run('mermaid', async () => downloadBlob((await import('../io/mermaid')).journeyMermaidBlob(getSnapshot()), `${baseName()}.mmd`))
        return
    }
  }

  return (
    <div ref={wrapRef} className="export-menu-wrap">
      <Menu
        label={t('export.button')}
        menuLabel={t('export.button')}
        className="export-menu"
        listClassName="export-menu-list"
        itemClassName="export-menu-item"
        disabled={busy !== null && !pdfOpen}
        items={ITEMS.map((item) => ({ id: item.id, label: t(item.label), onSelect: () => choose(item.id), ...(item.id === 'pdf' && { refocus: false as const }) }))}
      >
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
      </Menu>
      {pdfWanted && (
        <Suspense fallback={null}>
          <PdfDialog
            open={pdfOpen}
            onClose={() => {
              setPdfOpen(false)
              menuButton()?.focus()
            }}
            onExport={(options, onProgress) =>
              run('pdf', async () => {
                const { exportJourneyPdf } = await import('../io/pdf/exportPdf')
                const blob = await exportJourneyPdf(getSnapshot(), options, onProgress, getFeedback?.())
                downloadBlob(blob, `${baseName()}.pdf`)
                setPdfOpen(false)
                menuButton()?.focus()
              })
            }
            busy={busy === 'pdf'}
            error={pdfOpen ? error : null}
          />
        </Suspense>
      )}
    </div>
  )
}
