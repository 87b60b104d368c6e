/** The DejaVu fonts read from disk, for rendering PDFs in Node (tests, benchmarks). */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { PdfFonts } from '../io/pdf/renderJourneyPdf'

export function readDejaVuFonts(): PdfFonts {
  const require = createRequire(import.meta.url)
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
  return { regular: readFileSync(join(dir, 'DejaVuSans.ttf')), bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')) }
}
