/**
 * The PDF as a reader gets it: rendered in Node with the real font, then read back with poppler
 * (pdftotext) and rasterised (pdftoppm) into test-results/pdf/ for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAnnotation, addPersona, addStage, addTouchpoint, initializeMap } from '../../commands'
import { readSnapshot } from '../../doc'
import { sortedStages, type Snapshot } from '../../model'
import { getTemplate } from '../../templates'
import { printLabels } from '../printLabels'
import { buildActionPlanMap, buildServiceVisitMap, buildSyntheticMap, EMOJI } from '../../test/maps'
import { readDejaVuFonts } from '../../test/nodeFonts'
import { renderJourneyPdf, type PdfOptions } from './renderJourneyPdf'
import { loadCatalog } from '../../i18n/translate'

// Exports print in the map's language: its catalog loads first, as the app does before an export.
await Promise.all((['da', 'sv', 'nb'] as const).map(loadCatalog))

const OUT = join(process.cwd(), 'test-results', 'pdf')
const font = readDejaVuFonts()
const NOW = new Date('2026-03-05T12:00:00Z')

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
})

async function exportPdf(name: string, snapshot: Snapshot, options: Omit<PdfOptions, 'now'>): Promise<string> {
  const bytes = await renderJourneyPdf(snapshot, { ...options, now: NOW }, { font })
  const file = join(OUT, `${name}.pdf`)
  writeFileSync(file, new Uint8Array(bytes))
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, name)])
  return file
}

function pdfText(file: string, mode: '-layout' | '-raw', page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return execFileSync('pdftotext', [mode, ...range, file, '-'], { encoding: 'utf8' })
}

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
}

/** Whitespace-insensitive: wrapped lines joined, runs of spaces collapsed. */
const flat = (text: string) => text.replace(/\s+/g, ' ')
const words = (text: string) => new Set(text.split(/\s+/).filter((w) => w !== ''))

/** How the PDF names the test maps' emoji 😀 (Unicode CLDR's short name) in each map language. */
const EMOJI_NAME: Record<string, string> = { nb: 'glisefjes', en: 'grinning face', da: 'grinende ansigt', sv: 'ansikte med stort leende' }

/** Every text the map holds that the PDF must print, with the emoji as its name in brackets. */
function expectedTexts(snapshot: Snapshot): string[] {
  const texts = [
    ...Object.values(snapshot.personas).map((p) => p.name),
    ...Object.values(snapshot.stages).map((s) => s.title),
    ...Object.values(snapshot.touchpoints).map((t) => t.title),
    ...Object.values(snapshot.annotations).map((a) => a.text),
    ...Object.values(snapshot.actions).flatMap((a) => [a.title, a.measure, a.target]),
    ...Object.values(snapshot.promises).map((p) => p.text),
    ...Object.values(snapshot.servicePriorities).flatMap((p) => [p.text, p.measure, p.target]),
  ]
  return texts.filter((t) => t.trim() !== '').map((t) => t.replaceAll(EMOJI, `[${EMOJI_NAME[snapshot.meta.locale]}]`))
}

/**
 * `needle`'s words appear in `hay` in order, with at most a few other words in between: a text
 * split over two pages is interrupted by the running head or a "(continued)" line, nothing more.
 */
function readsInOrder(hay: string[], needle: string[], allowedInterruptions = 40): boolean {
  for (let start = hay.indexOf(needle[0]); start !== -1; start = hay.indexOf(needle[0], start + 1)) {
    let skipped = 0
    let i = start
    let matched = 0
    while (matched < needle.length && i < hay.length && skipped <= allowedInterruptions) {
      if (hay[i] === needle[matched]) matched++
      else skipped++
      i++
    }
    if (matched === needle.length) return true
  }
  return false
}

function expectEverythingPrinted(file: string, snapshot: Snapshot): void {
  const rawWords = pdfText(file, '-raw').split(/\s+/)
  const layoutWords = words(pdfText(file, '-layout'))
  for (const text of expectedTexts(snapshot)) {
    // In content-stream order each card's lines are consecutive, so the whole phrase reads back…
    expect(readsInOrder(rawWords, text.split(/\s+/).filter((w) => w !== '')), text.slice(0, 80)).toBe(true)
    // …and in the visual layout every word of it is on the page.
    for (const word of words(text)) expect(layoutWords.has(word) || flat(pdfText(file, '-layout')).includes(word), `${word} (from "${text}")`).toBe(true)
  }
}

/** No word may leave its page: poppler's word boxes all lie inside the media box. */
function expectNothingOffPage(file: string): void {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)]
  expect(pages.length).toBeGreaterThan(0)
  for (const [, w, h, body] of pages) {
    for (const [, xMin, yMin, xMax, yMax] of body.matchAll(/xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"/g)) {
      expect(Number(xMin)).toBeGreaterThanOrEqual(0)
      expect(Number(yMin)).toBeGreaterThanOrEqual(0)
      expect(Number(xMax)).toBeLessThanOrEqual(Number(w))
      expect(Number(yMax)).toBeLessThanOrEqual(Number(h))
    }
  }
}

/**
 * No two words on a page overlap: poppler's word boxes never intersect by more than a hair (the
 * boxes of two neighbouring lines may touch). Catches a card line drawn over the next one, a tail
 * drawn over its line, a table cell running into its neighbour.
 */
function expectNoWordsOverlap(file: string): void {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
  for (const [pageIndex, [, body]] of [...html.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].entries()) {
    const boxes = [...body.matchAll(/xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</g)].map(([, x0, y0, x1, y1, word]) => ({
      x0: Number(x0),
      y0: Number(y0),
      x1: Number(x1),
      y1: Number(y1),
      word,
    }))
    const hair = 0.6
    const overlaps: string[] = []
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]
        const b = boxes[j]
        if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > hair && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > hair) overlaps.push(`"${a.word}" / "${b.word}"`)
      }
    }
    expect(overlaps, `page ${pageIndex + 1}`).toEqual([])
  }
}

const COMBINATIONS: Omit<PdfOptions, 'now'>[] = []
for (const paper of ['a4', 'a3'] as const)
  for (const orientation of ['landscape', 'portrait'] as const)
    for (const fit of ['split', 'scale'] as const) COMBINATIONS.push({ paper, orientation, fit })

describe('PDF of a Norwegian service journey', () => {
  const { snapshot } = buildServiceVisitMap()

  it.each(COMBINATIONS)('prints every persona, stage, touchpoint and annotation: $paper $orientation $fit', async (options) => {
    const file = await exportPdf(`service-${options.paper}-${options.orientation}-${options.fit}`, snapshot, options)
    expectEverythingPrinted(file, snapshot)
    expectNothingOffPage(file)
    expectNoWordsOverlap(file)
  })

  it('keeps æ ø å, prints Norwegian headings, and prints an emoji as its Norwegian name, never a box', async () => {
    const file = await exportPdf('service-headings', snapshot, { paper: 'a4', orientation: 'landscape', fit: 'split' })
    const text = flat(pdfText(file, '-raw'))
    const labels = printLabels('nb')
    for (const heading of [labels.phases.before, labels.phases.during, labels.phases.after, labels.summary, labels.legend, labels.emotionCurve, labels.openComments]) {
      expect(text).toContain(heading)
    }
    expect(text).toContain('Karoline Ødegård')
    expect(text).toContain('Få fakturaen')
    expect(text).toContain('Får kaffe og en prat i resepsjonen [glisefjes]')
    expect(text).not.toContain(EMOJI)
    expect(text).not.toContain('\u25a1')
    expect(text).not.toMatch(/[\ufffd]/)
    // The open comment is in the summary; the resolved one is not.
    expect(text).toContain('Stemmer dette? Vi har fått klager på akkurat dette.')
    expect(text).not.toContain('Sjekket med IT')
    // The cover date is formatted for the map's locale.
    expect(text).toContain('5. mars 2026')
  })

  it('lists unplaced touchpoints and annotations in the summary', async () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(buildServiceVisitMap().doc))
    const lonely = readSnapshot(doc)
    // Simulate a concurrent delete: a card's stage is gone but the card stays.
    const stageId = Object.values(lonely.touchpoints).find((t) => t.title === 'Får e-faktura')!.stageId
    const withoutStage: Snapshot = { ...lonely, stages: Object.fromEntries(Object.entries(lonely.stages).filter(([id]) => id !== stageId)) }
    const file = await exportPdf('service-unplaced', withoutStage, { paper: 'a4', orientation: 'portrait', fit: 'split' })
    const text = flat(pdfText(file, '-raw'))
    expect(text).toContain(printLabels('nb').unplacedTouchpoints)
    expect(text).toContain('Får e-faktura')
    expect(text).toContain('Papirfaktura koster 49 kr i gebyr; spør økonomiavdelingen')
  })
})

describe('PDF of a map with evidence, metrics, an action plan and promises', () => {
  const { snapshot } = buildActionPlanMap()
  const labels = printLabels('nb')

  it.each(COMBINATIONS)('prints all of it without overlaps: $paper $orientation $fit', async (options) => {
    const file = await exportPdf(`plan-${options.paper}-${options.orientation}-${options.fit}`, snapshot, options)
    expectEverythingPrinted(file, snapshot)
    expectNothingOffPage(file)
    expectNoWordsOverlap(file)
  })

  it('shows evidence and metrics on the cards, with Norwegian words and numbers', async () => {
    const file = await exportPdf('plan-cards', snapshot, { paper: 'a4', orientation: 'landscape', fit: 'split' })
    const text = flat(pdfText(file, '-raw'))
    // Each evidence level beside its annotation, and explained in the legend.
    expect(text).toContain(`Appen sier «ring verkstedet», som stengte klokken 17.00 ${labels.evidence.observed}`)
    expect(text).toContain(`Ti dagers ventetid føles altfor lenge når lampen lyser ${labels.evidence.measured}`)
    expect(text).toContain(`${labels.needStatus.unmet} · ${labels.evidence.assumed}`)
    expect(text).toContain(labels.evidenceHeading)
    expect(text).toContain(`${labels.evidence.assumed}: ${labels.evidenceMeaning.assumed}`)
    // Metrics against their targets, with a decimal comma, a real minus and a Norwegian percent.
    expect(text).toContain('NPS −12 (mål 30)')
    expect(text).toContain('CES 3,5 (mål 5)')
    expect(text).toContain('CSAT 62 % (mål 80 %)')
    expect(text).toContain('NPS 70 (mål 50)')
    expect(text).toMatch(/NPS −40 \(mål 20\) CES 2 /)
    expect(text).toContain(labels.metricsMeaning)
  })

  it('summarises the scorecard, the action plan by department and the promises', async () => {
    const file = await exportPdf('plan-summary', snapshot, { paper: 'a4', orientation: 'portrait', fit: 'split' })
    const raw = pdfText(file, '-raw')
    const text = flat(raw)
    // In order, with room only for kind signs and detail lines in between.
    const inOrder = (...parts: string[]) => readsInOrder(raw.split(/\s+/), parts.join(' ').split(/\s+/), 24)

    // Scorecard: stages with figures, then the whole journey (means over the touchpoints that have them).
    expect(inOrder(labels.scorecard, labels.csvColumns.stage, 'NPS', labels.metricTarget.nps, 'CES', labels.metricTarget.ces, 'CSAT', labels.metricTarget.csat)).toBe(true)
    expect(inOrder(`${labels.phases.during} · Ringe sentralbordet`, '−12', '30', '3,5', '5', '62 %', '80 %')).toBe(true)
    expect(inOrder(labels.wholeJourney, '6', '33,3', '2,8', '5', '78,5 %', '85 %')).toBe(true)
    expect(text).not.toContain(`${labels.phases.before} · Servicelampen lyser`) // a stage without figures stays out

    // Action plan: department, action, its measure/target/due date/status, then what it addresses.
    expect(
      inOrder(
        'Kundeservice',
        'Ring tilbake i stedet for telefonkø',
        `${labels.status}: ${labels.actionStatus.planned} · ${labels.measure}: Ventetid på telefon · ${labels.target}: Under 90 sekunder · ${labels.due}: 15. september 2026`,
        `${labels.addresses}:`,
        'Føle seg prioritert som fast kunde',
        'Ti dagers ventetid føles altfor lenge når lampen lyser',
      ),
    ).toBe(true)
    expect(inOrder('Digital', 'Kombinert booking av service og dekkskift i appen', `${labels.status}: ${labels.actionStatus['in-progress']}`)).toBe(true)
    expect(text).toContain(`${labels.due}: 1. juni 2026`)
    expect(inOrder('Økonomi', 'Fjerne gebyret for papirfaktura', `${labels.status}: ${labels.actionStatus.done}`)).toBe(true)
    expect(inOrder('Verksted', 'Bilen klar ved inngangen med nøkkelboks', `${labels.status}: ${labels.actionStatus.blocked}`)).toBe(true)
    expect(inOrder(labels.noOwner, 'Gi én avdeling ansvaret for hele etterpå-fasen')).toBe(true)

    // Promises with their service priorities and the touchpoints that prove them.
    expect(
      inOrder(
        labels.promises,
        'Du får time når det passer deg, ikke bare når verkstedet er åpent',
        'Bestilling av service og dekkskift i appen døgnet rundt',
        `${labels.measure}: Andel bookinger utenfor åpningstid · ${labels.target}: Minst 30 % · ${labels.provenAt}: Åpner forhandlerens app, Prøver å bestille service og dekkskift`,
      ),
    ).toBe(true)
    expect(inOrder('Ærlige priser uten overraskelser på fakturaen', 'Ingen gebyrer vi ikke har varslet om på forhånd')).toBe(true)
    expect(text).toContain('Vi husker hvem du er')
    expect(text).not.toMatch(/[\ufffd]/)
    expectNoWordsOverlap(file)
  })

  it('leaves out the scorecard, plan and promises, and their legend entries, on a map without them', async () => {
    const file = await exportPdf('plan-none', buildServiceVisitMap().snapshot, { paper: 'a4', orientation: 'landscape', fit: 'split' })
    const text = flat(pdfText(file, '-raw'))
    for (const heading of [labels.scorecard, labels.actionPlan, labels.promises, labels.evidenceHeading, labels.metricsHeading]) expect(text).not.toContain(heading)
  })
})

describe('PDF of the car service template', () => {
  const template = getTemplate('karoline-car-service-nb')
  it('prints the whole template', async () => {
    // A renamed template fails here rather than skipping what this test is for.
    expect(template, 'template karoline-car-service-nb').toBeDefined()
    const snapshot = template!.build()
    for (const options of [COMBINATIONS[0], COMBINATIONS[3]]) {
      const file = await exportPdf(`template-${options.paper}-${options.orientation}-${options.fit}`, snapshot, options)
      expectEverythingPrinted(file, snapshot)
      expectNothingOffPage(file)
    }
  })
})

describe('PDF of a wide map', () => {
  const snapshot = buildSyntheticMap({ touchpoints: 42, stages: 14, personas: 3, seed: 7 })
  const stages = sortedStages(snapshot)
  const personas = Object.values(snapshot.personas)
  const labels = printLabels('nb')

  it('split across pages repeats phase, stage and lane headers on every grid page', async () => {
    const file = await exportPdf('wide-split', snapshot, { paper: 'a4', orientation: 'landscape', fit: 'split' })
    const pages = Array.from({ length: pageCount(file) }, (_, i) => flat(pdfText(file, '-layout', i + 1)))
    const gridPages = pages.filter((text) => text.includes(labels.personas) && !text.includes(labels.legend))
    expect(gridPages.length).toBeGreaterThanOrEqual(4) // 14 columns, 4 per A4 landscape page
    const seenStages = new Set<string>()
    for (const text of gridPages) {
      // Every grid page repeats the phase and stage headers…
      expect([labels.phases.before, labels.phases.during, labels.phases.after].some((p) => text.includes(p))).toBe(true)
      expect(stages.some((s) => text.includes(s.title))).toBe(true)
      // …and every page with cards labels its lanes (all three lanes fit on one page in this map).
      if (text.includes('Kontaktpunkt')) for (const persona of personas) expect(text).toContain(persona.name)
      for (const stage of stages) if (text.includes(stage.title)) seenStages.add(stage.title)
    }
    expect(seenStages.size).toBe(stages.length)
    expectEverythingPrinted(file, snapshot)
    expectNothingOffPage(file)
  })

  it('scaled to fit puts all stage columns on one page', async () => {
    const file = await exportPdf('wide-scale', snapshot, { paper: 'a3', orientation: 'landscape', fit: 'scale' })
    const grid = flat(pdfText(file, '-raw', 2))
    for (const stage of stages) expect(grid).toContain(stage.title)
    expectNothingOffPage(file)
  })
})

describe('PDF of a lane taller than a page', () => {
  it('continues the lane on the next page with headers repeated and nothing cut', async () => {
    const doc = new Y.Doc()
    initializeMap(doc, { title: 'Lang bane', locale: 'da' })
    const persona = addPersona(doc, { name: 'Søren Østergård' })
    const stage = addStage(doc, { phase: 'during', title: 'Betaling' })
    const words = (n: number) => Array.from({ length: n }, (_, i) => `ord${i}`).join(' ')
    for (let i = 0; i < 6; i++) {
      const tp = addTouchpoint(doc, { stageId: stage, personaId: persona, title: `Kort ${i + 1} på ærø`, channel: 'web' })
      // Card 3 fits on a page only on its own; card 5 is taller than any page and must split.
      const text = i === 2 ? words(260) : i === 4 ? words(1400) : `Smerte nummer ${i + 1} med æøå`
      addAnnotation(doc, { targetId: tp, kind: 'pain-point', text })
    }
    const snapshot = readSnapshot(doc)
    const file = await exportPdf('tall-lane', snapshot, { paper: 'a4', orientation: 'landscape', fit: 'split' })
    const labels = printLabels('da')
    const continued = Array.from({ length: pageCount(file) }, (_, i) => flat(pdfText(file, '-raw', i + 1))).filter((t) => t.includes(`(${labels.continued})`))
    expect(continued.length).toBeGreaterThan(0)
    for (const page of continued) {
      expect(page).toContain('Søren Østergård')
      expect(page).toContain('Betaling')
      expect(page).toContain(labels.phases.during)
    }
    // The split card's later part is headed by its title, marked continued.
    expect(continued.some((page) => page.includes(`Kort 5 på ærø (${labels.continued})`))).toBe(true)
    expectEverythingPrinted(file, snapshot)
    expectNothingOffPage(file)
  })
})
