/**
 * The service blueprint in the PDF, read back as a reader gets it: pdftotext finds every item's
 * title, the lane names and the three lines' labels; pdftoppm rasterises the pages into
 * test-results/pdf-blueprint/ for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { addBlueprintItem, linkBlueprintTouchpoint } from '../../commands'
import { readSnapshot } from '../../doc'
import { sortedStages, type BlueprintLane, type Snapshot } from '../../model'
import { buildServiceVisitMap } from '../../test/maps'
import { getTemplate } from '../../templates'
import { readDejaVuFonts } from '../../test/nodeFonts'
import { loadCatalog } from '../../i18n/translate'
import { renderJourneyPdf } from './renderJourneyPdf'

await loadCatalog('nb')

const OUT = join(process.cwd(), 'test-results', 'pdf-blueprint')
const font = readDejaVuFonts()

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
})

async function pdfTextOf(name: string, snapshot: Snapshot, departments?: string[]): Promise<string> {
  const bytes = await renderJourneyPdf(snapshot, { paper: 'a4', orientation: 'landscape', fit: 'split', departments, now: new Date('2026-03-05T12:00:00Z') }, { font })
  const file = join(OUT, `${name}.pdf`)
  writeFileSync(file, new Uint8Array(bytes))
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, name)])
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

const ITEMS: [BlueprintLane, string, string][] = [
  ['evidence', 'Servicelampen lyser i dashbordet 🔧', ''],
  ['frontstage', 'Sentralbordet setter over til verkstedet – æøå', 'Kunden venter i telefonkø og blir satt over to ganger før noen kan svare på når bilen kan tas inn.'],
  ['backstage', 'Bookingsystemet kan ikke bestille service og dekkskift samtidig', ''],
  ['support', 'Leieavtale med et eksternt bilutleiefirma i stedet for lånebil', 'Fakturering per post en uke senere.'],
]

describe('the service blueprint in the PDF', () => {
  it('prints every item, wrapped like a card, under the personas with the lanes and the three lines labelled', async () => {
    const { doc } = buildServiceVisitMap()
    const [first, second] = sortedStages(readSnapshot(doc))
    const tp = Object.values(readSnapshot(doc).touchpoints)[0]
    for (const [i, [lane, title, description]] of ITEMS.entries()) {
      const item = addBlueprintItem(doc, { lane, stageId: i % 2 ? second.id : first.id, title, description, owner: 'Verksted' })
      linkBlueprintTouchpoint(doc, item, tp.id)
    }
    const text = await pdfTextOf('blueprint-nb', readSnapshot(doc))
    for (const [, title, description] of ITEMS) {
      expect(text).toContain(title.replace('🔧', '').trim())
      if (description) expect(text).toContain(description.split(' ').slice(0, 4).join(' '))
    }
    for (const words of ['Fysiske bevis', 'Frontstage', 'Backstage', 'Støtteprosesser', 'Interaksjonslinje', 'Synlighetslinje', 'Linje for intern interaksjon']) expect(text).toContain(words)
    expect(text).toContain(tp.title)
  })

  it('prints no blueprint for a map that has none', async () => {
    const text = await pdfTextOf('no-blueprint-nb', buildServiceVisitMap().snapshot)
    expect(text).not.toContain('Synlighetslinje')
    expect(text).not.toContain('Støtteprosesser')
  })

  it('prints Karoline’s whole blueprint, and a page for each department chosen, with what it owns', async () => {
    const snapshot = getTemplate('karoline-car-service-nb')!.build()
    const text = await pdfTextOf('karoline-departments-nb', snapshot, ['Økonomi', 'Verksted'])
    for (const item of Object.values(snapshot.blueprintItems)) expect(text).toContain(item.title)
    const finance = text.slice(text.indexOf('Avdeling: Økonomi'))
    expect(text).toContain('Avdeling: Verksted')
    expect(finance).toContain('Fakturering per post en uke etter besøket')
    expect(finance).toContain('Kortterminal i resepsjonen')
    expect(text).not.toContain('Avdeling: Salg')
  })
})
