import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../doc'
import { createTestDoc } from '../test/factories'
import { addAnnotation, assessAnnotation, setEvidence } from './annotations'
import { setMapVariant } from './map'
import { addTouchpoint, setTouchpointMetrics } from './touchpoints'

describe('touchpoint metrics', () => {
  it('sets NPS, CES and CSAT with targets, decimals allowed, and clears one with null', () => {
    const { doc, touchpoint } = createTestDoc()
    setTouchpointMetrics(doc, touchpoint, { nps: -12, npsTarget: 20, ces: 4.5, cesTarget: 6, csat: 71.5, csatTarget: 85 })
    setTouchpointMetrics(doc, touchpoint, { csat: null })
    expect(readSnapshot(doc).touchpoints[touchpoint]).toMatchObject({ nps: -12, npsTarget: 20, ces: 4.5, cesTarget: 6, csat: null, csatTarget: 85 })
  })

  it('refuses figures outside their scale and writes nothing', () => {
    const { doc, touchpoint } = createTestDoc()
    expect(() => setTouchpointMetrics(doc, touchpoint, { nps: 101 })).toThrow(/nps: expected a number -100..100/)
    expect(() => setTouchpointMetrics(doc, touchpoint, { ces: 0 })).toThrow(/ces/)
    expect(() => setTouchpointMetrics(doc, touchpoint, { csat: Number.NaN })).toThrow(/csat/)
    expect(readSnapshot(doc).touchpoints[touchpoint]).toMatchObject({ nps: null, ces: null, csat: null })
  })

  it('can be given when a touchpoint is added (templates do)', () => {
    const { doc, before, persona } = createTestDoc()
    const id = addTouchpoint(doc, { stageId: before, personaId: persona, title: 'Ringer', nps: 10, cesTarget: 6 })
    expect(readSnapshot(doc).touchpoints[id]).toMatchObject({ nps: 10, npsTarget: null, cesTarget: 6 })
  })
})

describe('evidence, impact and effort on annotations', () => {
  it('records how the team knows, and places an opportunity on the matrix', () => {
    const { doc, touchpoint } = createTestDoc()
    const opportunity = addAnnotation(doc, { targetId: touchpoint, kind: 'opportunity', text: 'Book service og dekkskift samlet' })
    expect(readSnapshot(doc).annotations[opportunity]).toMatchObject({ evidence: null, impact: null, effort: null })
    setEvidence(doc, opportunity, 'observed')
    assessAnnotation(doc, opportunity, { impact: 5 })
    assessAnnotation(doc, opportunity, { effort: 2 })
    expect(readSnapshot(doc).annotations[opportunity]).toMatchObject({ evidence: 'observed', impact: 5, effort: 2 })
    expect(() => assessAnnotation(doc, opportunity, { impact: 6 })).toThrow(/impact/)
    expect(() => setEvidence(doc, opportunity, 'guessed' as never)).toThrow(/evidence/)
  })
})

describe('as-is and to-be', () => {
  it('links a map to its other side and refuses what cannot be a map id', () => {
    const { doc } = createTestDoc()
    setMapVariant(doc, { variant: 'to-be', asIsMapId: 'map_abc123' })
    expect(readSnapshot(doc).meta).toMatchObject({ variant: 'to-be', asIsMapId: 'map_abc123', toBeMapId: '' })
    expect(() => setMapVariant(doc, { asIsMapId: '../../etc' })).toThrow(/asIsMapId/)
    expect(() => setMapVariant(doc, { variant: 'maybe' as never })).toThrow(/variant/)
  })
})
