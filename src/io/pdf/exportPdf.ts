/**
 * The browser side of PDF export: fetch the DejaVu fonts (bundled as separate assets, so they cost
 * nothing until someone exports) and hand them to the renderer. This module is itself loaded with
 * a dynamic import from the export menu, so jsPDF and the renderer stay out of the initial bundle.
 */
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url'
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url'
import type { Snapshot } from '../../model'
import { renderJourneyPdf, type PdfFonts, type PdfOptions } from './renderJourneyPdf'
import type { PdfFeedback } from './measuredPage'

let fonts: Promise<PdfFonts> | null = null

/** Fetched once per page load; a failed fetch is forgotten so the next export tries again. */
function loadFonts(): Promise<PdfFonts> {
  fonts ??= Promise.all([fetchBytes(regularFontUrl), fetchBytes(boldFontUrl)]).then(([regular, bold]) => ({ regular, bold }))
  fonts.catch(() => {
    fonts = null
  })
  return fonts
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`could not load the PDF font (${response.status} ${response.statusText})`)
  return new Uint8Array(await response.arrayBuffer())
}

export async function exportJourneyPdf(snapshot: Snapshot, options: PdfOptions, onProgress?: (fraction: number, label: string) => void, feedback?: PdfFeedback | null): Promise<Blob> {
  onProgress?.(0, 'fonts')
  const font = await loadFonts()
  const bytes = await renderJourneyPdf(snapshot, options, { font, onProgress, feedback })
  return new Blob([bytes], { type: 'application/pdf' })
}
