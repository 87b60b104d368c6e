/**
 * The measured-metrics page as a reader gets it: rendered in Node with the real font, read back
 * with pdftotext, and rasterised into test-results/pdf-feedback/ for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { addFeedbackSet, pinQuote, setMeta } from '../../commands'
import { readSnapshot } from '../../doc'
import { aggregateResponses } from '../../feedback/metrics'
import { guessMapping, mapSheet, readSheet } from '../../feedback/sheet'
import { surveySheet } from '../../test/surveySheets'
import type { TouchpointId } from '../../model'
import { buildServiceVisitMap } from '../../test/maps'
import { readDejaVuFonts } from '../../test/nodeFonts'
import { renderJourneyPdf } from './renderJourneyPdf'

const OUT = join(process.cwd(), 'test-results', 'pdf-feedback')
const font = readDejaVuFonts()
beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
})

function mapWithFeedback(locale: 'nb' | 'en') {
  const { doc } = buildServiceVisitMap()
  if (locale === 'en') setMeta(doc, { locale: 'en' })
  const before = readSnapshot(doc)
  const touchpoints = Object.values(before.touchpoints).slice(0, 6)
  const sheet = readSheet(surveySheet({ rows: 400, targets: touchpoints.map((t) => t.title), seed: 3 }))
  if (!sheet.ok) throw new Error('sheet')
  const mapped = mapSheet(sheet.sheet, guessMapping(sheet.sheet.headers), () => true)
  const setId = addFeedbackSet(doc, {
    name: 'Kundeundersøkelse Q1 🚗',
    from: '2026-01-05',
    to: '2026-04-04',
    responses: mapped.responses.length,
    createdAt: '2026-04-05T10:00:00.000Z',
    links: touchpoints.map((t) => ({ value: t.title, targetId: t.id as TouchpointId })),
  })
  const annotation = Object.values(before.annotations).find((a) => a.kind === 'pain-point')!
  pinQuote(doc, { annotationId: annotation.id, setId, response: 12, text: 'Lang ventetid i telefonen — ærlig talt 😤', kind: 'nps', score: 2, date: '2026-02-03', channel: 'telefon' })
  const snapshot = readSnapshot(doc)
  return { snapshot, feedback: { set: snapshot.feedbackSets[setId], aggregates: aggregateResponses(mapped.responses) }, n: mapped.responses.length }
}

it('prints the measured page: data set, n and intervals, both curves, the pinned quote', async () => {
  const { snapshot, feedback, n } = mapWithFeedback('nb')
  const bytes = await renderJourneyPdf(snapshot, { paper: 'a4', orientation: 'landscape', fit: 'split', now: new Date('2026-04-06T12:00:00Z') }, { font, feedback })
  const file = join(OUT, 'measured-nb.pdf')
  writeFileSync(file, new Uint8Array(bytes))
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, 'measured-nb')])
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(text).toContain('Målt: kundetilbakemeldinger')
  expect(text).toContain(`Kundeundersøkelse Q1 🚗`.replace(' 🚗', ''))
  expect(text).toContain(`${n} svar`)
  expect(text).toMatch(/n = \d+/)
  expect(text).toMatch(/\[[−\d+ %,]+ – [−\d+ %,]+\]/)
  expect(text).toContain('Antatt (teamet)')
  expect(text).toContain('Målt (kundene)')
  expect(text).toContain('Festede sitater')
  expect(text).toContain('Lang ventetid i telefonen — ærlig talt')
})

it('leaves the page out of a map without feedback or quotes', async () => {
  const { snapshot } = buildServiceVisitMap()
  const bytes = await renderJourneyPdf(snapshot, { paper: 'a4', orientation: 'landscape', fit: 'split', now: new Date('2026-04-06T12:00:00Z') }, { font })
  const file = join(OUT, 'plain.pdf')
  writeFileSync(file, new Uint8Array(bytes))
  expect(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })).not.toContain('kundetilbakemeldinger')
})
