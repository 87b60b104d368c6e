import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addFeedbackSet, addTouchpoint, initializeMap } from '../commands'
import { readSnapshot } from '../doc'
import { placeAggregates, withMeasuredMetrics } from '../feedback/measured'
import { journeyCsv } from './csv'
import { aggregateResponses } from '../feedback/metrics'
import type { FeedbackResponse } from '../feedback/responses'
import type { PersonaId, StageId } from '../model'
import { measuredCsv } from './measuredCsv'
import { loadCatalog } from '../i18n/translate'

await Promise.all((['da', 'sv', 'nb'] as const).map(loadCatalog))

function build(locale: 'da' | 'en') {
  const doc = new Y.Doc()
  initializeMap(doc, { title: 'Værksted', locale })
  const s0 = readSnapshot(doc)
  const stageId = Object.values(s0.stages).find((s) => s.phase === 'before')!.id as StageId
  const personaId = Object.keys(s0.personas)[0] as PersonaId
  const tp = addTouchpoint(doc, { stageId, personaId, title: '=Booking; online' })
  const setId = addFeedbackSet(doc, { name: 'Q1 æøå', from: '2026-01-01', to: '2026-03-31', responses: 4, createdAt: '2026-04-01T00:00:00.000Z', links: [{ value: 'b', targetId: tp }] })
  const rows: FeedbackResponse[] = [9, 10, 3, 7].map((score) => ({ date: '2026-02-01', kind: 'nps', score, comment: '', channel: '', target: 'b' }))
  rows.push({ date: '2026-02-01', kind: 'ces', score: 5, comment: '', channel: '', target: 'b' }, { date: '2026-02-01', kind: 'ces', score: 6, comment: '', channel: '', target: 'b' })
  const snapshot = readSnapshot(doc)
  return { snapshot, set: snapshot.feedbackSets[setId], placement: placeAggregates(snapshot, aggregateResponses(rows), new Map([['b', tp as string]])) }
}

describe('measured metrics CSV', () => {
  it('one row per place and metric, with value, interval, n and the small-sample flag, in the map’s language', () => {
    const { snapshot, set, placement } = build('da')
    const csv = measuredCsv(snapshot, set, placement)
    const lines = csv.slice(1).trim().split('\r\n')
    // The first three columns are the map CSV's own names (printLabels.csvColumns).
    expect(lines[0]).toMatch(/^Trin;Persona;[^;]+;Måling;Værdi;95\u00a0% nedre;95\u00a0% øvre;n;Færre end 30 svar;Datasæt;Fra;Til$/)
    // Stage row and touchpoint row, each NPS (2 promoters, 1 detractor of 4 = 25) and CES (5.5).
    expect(lines).toHaveLength(5)
    expect(lines[1]).toMatch(/^[^;]+;;;NPS;25;[−\-\d,]+;[\d,]+;4;ja;Q1 æøå;2026-01-01;2026-03-31$/)
    expect(lines[2]).toMatch(/;CES;5,5;[\d,]+;[\d,]+;2;ja;/)
    // A touchpoint title that looks like a formula is neutralised and quoted.
    expect(lines[3]).toContain(`"'=Booking; online"`)
  })

  it('English maps get commas and decimal points', () => {
    const { snapshot, set, placement } = build('en')
    const lines = measuredCsv(snapshot, set, placement).slice(1).trim().split('\r\n')
    expect(lines[0].split(',')[3]).toBe('Metric')
    expect(lines[2]).toContain(',CES,5.5,')
  })

  it('the map’s own CSV carries the measured figures in its NPS and CES columns', () => {
    const { snapshot, placement } = build('en')
    const plain = journeyCsv(snapshot)
    const measured = journeyCsv(withMeasuredMetrics(snapshot, placement))
    const row = (csv: string) => csv.split('\r\n').find((l) => l.includes('Booking'))!
    expect(row(plain)).not.toContain(',25,')
    expect(row(measured)).toContain(',25,')
    expect(row(measured)).toContain(',5.5,')
  })
})
