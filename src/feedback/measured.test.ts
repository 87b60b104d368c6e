import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addFeedbackSet, addPersona, addTouchpoint, initializeMap, updateTouchpoint } from '../commands'
import { readSnapshot } from '../doc'
import type { PersonaId, StageId, TouchpointId } from '../model'
import { assumedVersusMeasured, disagreements, estimates, placeAggregates, withMeasuredMetrics } from './measured'
import { aggregateResponses, headlineEmotion } from './metrics'
import type { FeedbackResponse } from './responses'
import { suggestTarget } from './targets'

function build() {
  const doc = new Y.Doc()
  initializeMap(doc, { title: 'Værksted', locale: 'da' })
  const s0 = readSnapshot(doc)
  const [before, during] = Object.values(s0.stages).sort((a, b) => ['before', 'during', 'after'].indexOf(a.phase) - ['before', 'during', 'after'].indexOf(b.phase))
  const karoline = Object.keys(s0.personas)[0] as PersonaId
  const erik = addPersona(doc, { name: 'Erik Åsheim' })
  const booking = addTouchpoint(doc, { stageId: before.id as StageId, personaId: karoline, title: 'Booking online', emotion: 1, nps: 50 })
  const call = addTouchpoint(doc, { stageId: during.id as StageId, personaId: karoline, title: 'Ringer værkstedet', emotion: 2 })
  const erikCall = addTouchpoint(doc, { stageId: during.id as StageId, personaId: erik, title: 'Ringer værkstedet', emotion: -1 })
  return { doc, before: before.id as StageId, during: during.id as StageId, karoline, erik, booking, call, erikCall }
}

const r = (kind: FeedbackResponse['kind'], score: number, target: string, date = '2026-02-01'): FeedbackResponse => ({ date, kind, score, comment: '', channel: '', target })

describe('measured figures on the map', () => {
  it('places responses on touchpoints and stages; a stage counts its touchpoints’ and its own', () => {
    const m = build()
    const snapshot = readSnapshot(m.doc)
    const aggs = aggregateResponses([r('nps', 10, 'book'), r('nps', 0, 'book'), r('ces', 2, 'call'), r('csat', 5, 'stage'), r('nps', 9, 'nowhere')])
    const p = placeAggregates(snapshot, aggs, new Map<string, string>([['book', m.booking], ['call', m.call], ['stage', m.during]]))
    expect(estimates(p.touchpoints.get(m.booking)!).nps).toMatchObject({ value: 0, n: 2 })
    expect(estimates(p.stages.get(m.during)!).ces).toMatchObject({ value: 2, n: 1 })
    expect(estimates(p.stages.get(m.during)!).csat).toMatchObject({ value: 100, n: 1 })
    expect(p.stageOnly.get(m.during)!.csat[5]).toBe(1)
    expect(p.unplaced).toBe(1)
  })

  it('limits to a period; undated responses belong to no bounded period', () => {
    const m = build()
    const snapshot = readSnapshot(m.doc)
    const aggs = aggregateResponses([r('nps', 10, 'book', '2026-01-10'), r('nps', 0, 'book', '2026-03-10'), r('nps', 5, 'book', '')])
    const links = new Map([['book', m.booking as string]])
    expect(estimates(placeAggregates(snapshot, aggs, links, { from: '2026-01-01', to: '2026-01-31' }).touchpoints.get(m.booking)!).nps).toMatchObject({ value: 100, n: 1 })
    expect(estimates(placeAggregates(snapshot, aggs, links).touchpoints.get(m.booking)!).nps!.n).toBe(3)
  })

  it('measured figures replace typed ones where measured; targets and unmeasured figures stay', () => {
    const m = build()
    updateTouchpoint(m.doc, m.booking, { npsTarget: 30 } as never)
    const snapshot = readSnapshot(m.doc)
    const p = placeAggregates(snapshot, aggregateResponses([r('nps', 9, 'book'), r('nps', 9, 'book'), r('nps', 2, 'book')]), new Map([['book', m.booking as string]]))
    const measured = withMeasuredMetrics(snapshot, p)
    expect(measured.touchpoints[m.booking].nps).toBeCloseTo(33.3, 1)
    expect(measured.touchpoints[m.booking].npsTarget).toBe(snapshot.touchpoints[m.booking].npsTarget)
    expect(measured.touchpoints[m.call]).toBe(snapshot.touchpoints[m.call])
    expect(withMeasuredMetrics(snapshot, null)).toBe(snapshot)
  })

  it('draws the customers’ curve per persona and lists where the team is rosier first', () => {
    const m = build()
    const snapshot = readSnapshot(m.doc)
    // Karoline at "during": team says +2, customers give CES 1 (−2). Erik there: team −1, and the
    // stage-level CSAT 5 (+2) counts for every persona at the stage.
    const aggs = aggregateResponses([r('ces', 1, 'call'), r('ces', 1, 'call'), r('csat', 5, 'stage')])
    const p = placeAggregates(snapshot, aggs, new Map<string, string>([['call', m.call], ['stage', m.during]]))
    const chart = assumedVersusMeasured(snapshot, p)
    const karoline = chart.personas.find((x) => x.personaId === m.karoline)!
    expect(karoline.measured).toEqual([{ stageId: m.during, column: 1, emotion: (-2 - 2 + 2) / 3, count: 3 }])
    const erik = chart.personas.find((x) => x.personaId === m.erik)!
    expect(erik.measured).toEqual([{ stageId: m.during, column: 1, emotion: 2, count: 1 }])
    const gaps = disagreements(snapshot, p)
    expect(gaps[0]).toMatchObject({ personaId: m.karoline, assumed: 2, gap: 2 - -2 / 3 })
    expect(gaps[1]).toMatchObject({ personaId: m.erik, assumed: -1, measured: 2, gap: -3 })
  })
})

describe('the measured curve reads the figure the card shows', () => {
  it('an NPS of −40 is −0.8 though the mean score is 6.1 (which would read +0.4)', () => {
    const m = build()
    const snapshot = readSnapshot(m.doc)
    // 10, 9 promoters; 8, 7 passives; 6, 6, 6, 6, 3, 0 detractors: (2 − 6) / 10 = −40; mean 61 / 10 = 6.1.
    const scores = [10, 9, 8, 7, 6, 6, 6, 6, 3, 0]
    const p = placeAggregates(snapshot, aggregateResponses(scores.map((s) => r('nps', s, 'book'))), new Map([['book', m.booking as string]]))
    expect(estimates(p.touchpoints.get(m.booking)!).nps!.value).toBeCloseTo(-40, 9)
    const karoline = assumedVersusMeasured(snapshot, p).personas.find((x) => x.personaId === m.karoline)!
    expect(karoline.measured).toHaveLength(1)
    expect(karoline.measured[0].emotion).toBeCloseTo(-0.8, 9)
    expect(karoline.measured[0].emotion).toBeLessThan(0)
    expect(karoline.measured[0].count).toBe(10)
  })

  it('CSAT from the share satisfied, CES from its mean, kinds weighted by their responses', () => {
    const m = build()
    const snapshot = readSnapshot(m.doc)
    // CSAT 5, 4, 4, 2: 3 of 4 satisfied = 75 % → (75 − 50) / 25 = +1 (the mean 3.75 would read +0.75).
    const csat = placeAggregates(snapshot, aggregateResponses([5, 4, 4, 2].map((s) => r('csat', s, 'book'))), new Map([['book', m.booking as string]]))
    expect(assumedVersusMeasured(snapshot, csat).personas.find((x) => x.personaId === m.karoline)!.measured[0].emotion).toBeCloseTo(1, 9)
    // CES 2, 3 → mean 2.5 → (2.5 − 4) / 1.5 = −1 (n 2); with NPS 10, 10, 10, 0 → 50 → +1 (n 4):
    // (−1 · 2 + 1 · 4) / 6 = 1/3.
    const both = placeAggregates(
      snapshot,
      aggregateResponses([r('ces', 2, 'call'), r('ces', 3, 'call'), r('nps', 10, 'call'), r('nps', 10, 'call'), r('nps', 10, 'call'), r('nps', 0, 'call')]),
      new Map([['call', m.call as string]]),
    )
    const point = assumedVersusMeasured(snapshot, both).personas.find((x) => x.personaId === m.karoline)!.measured[0]
    expect(point.emotion).toBeCloseTo(1 / 3, 9)
    expect(point.count).toBe(6)
  })

  it('maps each headline figure’s ends and midpoint to ±2 and 0', () => {
    expect([-100, 0, 100].map((value) => headlineEmotion({ kind: 'nps', value }))).toEqual([-2, 0, 2])
    expect([0, 50, 100].map((value) => headlineEmotion({ kind: 'csat', value }))).toEqual([-2, 0, 2])
    expect([1, 4, 7].map((value) => headlineEmotion({ kind: 'ces', value }))).toEqual([-2, 0, 2])
  })
})

describe('linking sheet values to the map', () => {
  it('by id, by a title one touchpoint has, by a stage title, or as an earlier data set did', () => {
    const m = build()
    const s = readSnapshot(m.doc)
    expect(suggestTarget(s, m.booking)).toBe(m.booking)
    expect(suggestTarget(s, '  booking ONLINE ')).toBe(m.booking)
    // Two touchpoints share the title: no guess.
    expect(suggestTarget(s, 'Ringer værkstedet')).toBeNull()
    expect(suggestTarget(s, s.stages[m.during].title.toLowerCase())).toBe(m.during)
    addFeedbackSet(m.doc, { name: 'Q1', from: '', to: '', responses: 1, createdAt: '2026-01-01T00:00:00.000Z', links: [{ value: 'Telefonen ☎️', targetId: m.erikCall as TouchpointId }] })
    expect(suggestTarget(readSnapshot(m.doc), 'telefonen ☎️')).toBe(m.erikCall)
    expect(suggestTarget(readSnapshot(m.doc), 'Parkering')).toBeNull()
  })
})
