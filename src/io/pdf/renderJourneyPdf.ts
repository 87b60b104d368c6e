/**
 * A journey map as a printable PDF: cover (title, personas, legend), the journey grid, and a
 * summary. Vector drawing with real text in an embedded Unicode font, so the file is small, sharp
 * at any zoom, and its text can be selected and searched.
 *
 * This is the environment-neutral core: it takes the font bytes from the caller, so Node (tests,
 * benchmarks, a server) reads them from disk and the browser fetches them (exportPdf.ts). jsPDF is
 * imported dynamically so that it is only loaded when someone exports.
 */
import type { jsPDF } from 'jspdf'
import type { Snapshot } from '../../model'
import { printFormat } from '../printFormat'
import { loadPrintLabels } from '../printLabels'
import { drawCover } from './cover'
import { loadEmojiNames } from './emojiNames'
import { readFontCoverage } from './fontCoverage'
import { drawGrid } from './grid'
import type { PdfOptions } from './pdfOptions'
import { FONT_FAMILY, PrintContext } from './printContext'
import { drawSummary } from './summary'
import { drawMeasuredPage, hasMeasuredPage, type PdfFeedback } from './measuredPage'
import { drawDepartmentPages } from './departmentPage'

// Re-exported for existing importers; the UI should import them from pdfOptions.ts (see there why).
export { DEFAULT_PDF_OPTIONS, type Orientation, type PaperSize, type PdfOptions } from './pdfOptions'

/** TrueType font files, as bytes or base64. */
export interface PdfFonts {
  regular: Uint8Array | string
  bold: Uint8Array | string
}

export interface PdfRenderEnvironment {
  font: PdfFonts
  /** Called as work advances: fraction 0..1 and what is being done. */
  onProgress?: (fraction: number, label: string) => void
  /** The data set the measured figures come from, for the measured-metrics page. */
  feedback?: PdfFeedback | null
}

type PdfLanguage = Parameters<jsPDF['setLanguage']>[0]

export type ProgressStep = 'cover' | 'grid' | 'summary' | 'finishing'

/** Let the browser paint and handle input between pages, so a long export never freezes the page. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve))

export async function renderJourneyPdf(snapshot: Snapshot, options: PdfOptions, env: PdfRenderEnvironment): Promise<ArrayBuffer> {
  const report = async (fraction: number, step: ProgressStep) => {
    env.onProgress?.(fraction, step)
    await yieldToEventLoop()
  }
  await report(0, 'cover')
  const { jsPDF } = await import('jspdf')
  const regular = toBytes(env.font.regular)
  const bold = toBytes(env.font.bold)

  const doc = new jsPDF({ unit: 'pt', format: options.paper, orientation: options.orientation, compress: true, putOnlyUsedFonts: true })
  doc.addFileToVFS('DejaVuSans.ttf', toBinaryString(regular))
  doc.addFileToVFS('DejaVuSans-Bold.ttf', toBinaryString(bold))
  doc.addFont('DejaVuSans.ttf', FONT_FAMILY, 'normal', 'normal', 'Identity-H')
  doc.addFont('DejaVuSans-Bold.ttf', FONT_FAMILY, 'bold', undefined, 'Identity-H')
  doc.setFont(FONT_FAMILY, 'normal')

  const locale = snapshot.meta.locale || 'en'
  const labels = await loadPrintLabels(locale)
  const title = snapshot.meta.title
  doc.setDocumentProperties({ title, subject: snapshot.meta.description.slice(0, 500), creator: 'Journey map' })
  doc.setLanguage(pdfLanguage(locale))

  const format = printFormat(locale)
  const emojiNames = await loadEmojiNames(locale)
  const ctx = new PrintContext(doc, labels, format, { regular: readFontCoverage(regular), bold: readFontCoverage(bold) }, title, emojiNames)
  const formatDate = format.date
  const now = options.now ?? new Date()

  drawCover(ctx, snapshot, { exported: formatDate(now.toISOString()), created: formatDate(snapshot.meta.createdAt) })
  await report(0.1, 'grid')
  await drawGrid(ctx, snapshot, options.fit, (fraction) => report(0.1 + fraction * 0.7, 'grid'))
  await report(0.8, 'summary')
  drawSummary(ctx, snapshot, formatDate)
  if (hasMeasuredPage(snapshot, env.feedback)) drawMeasuredPage(ctx, snapshot, env.feedback)
  if (options.departments?.length) drawDepartmentPages(ctx, snapshot, options.departments)
  ctx.drawPageChrome(formatDate(now.toISOString()))
  await report(0.9, 'finishing')
  const out = doc.output('arraybuffer')
  await report(1, 'finishing')
  return out
}

function toBytes(font: Uint8Array | string): Uint8Array {
  if (typeof font !== 'string') return font
  const binary = atob(font)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * jsPDF's virtual file system takes fonts as "binary strings" (one char per byte). Converting a
 * 750 kB font costs tens of milliseconds, so the result is kept per byte array: the browser
 * fetches the font once per session and every later export reuses it.
 */
const binaryStrings = new WeakMap<Uint8Array, string>()
function toBinaryString(bytes: Uint8Array): string {
  const cached = binaryStrings.get(bytes)
  if (cached !== undefined) return cached
  const chunks: string[] = []
  const size = 0x2000
  for (let i = 0; i < bytes.length; i += size) chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + size) as unknown as number[]))
  const binary = chunks.join('')
  binaryStrings.set(bytes, binary)
  return binary
}

/** jsPDF accepts a fixed list of language tags; fall back to the bare language, then English. */
function pdfLanguage(locale: string): PdfLanguage {
  const language = locale.split(/[-_]/)[0].toLowerCase()
  const known: Record<string, string> = { en: 'en-GB', da: 'da', sv: 'sv', nb: 'nb', no: 'nb', nn: 'nn' }
  return (known[language] ?? 'en-GB') as PdfLanguage
}
