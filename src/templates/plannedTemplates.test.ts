import { describe, expect, it } from 'vitest'
import { compareCurves } from '../insights/emotionCurves'
import { findOrphans, parseJourneyJson, toJourneyJson } from '../model'
import { getTemplate, TEMPLATES } from '.'

const PLANNED = TEMPLATES.filter((t) => /^(karoline-to-be-|insurance-claim-|bank-simple-transfer-)/.test(t.id))

describe('templates with an action plan', () => {
  it('ships every strategy of seed 004 in Norwegian and English, and insurance and bank in Danish and English', () => {
    expect(PLANNED.map((t) => t.id).sort()).toEqual(
      [
        'karoline-to-be-rapid-response-nb',
        'karoline-to-be-rapid-response-en',
        'karoline-to-be-advisory-sales-nb',
        'karoline-to-be-advisory-sales-en',
        'karoline-to-be-proactive-coaching-nb',
        'karoline-to-be-proactive-coaching-en',
        'karoline-to-be-automatic-service-nb',
        'karoline-to-be-automatic-service-en',
        'insurance-claim-da',
        'insurance-claim-en',
        'bank-simple-transfer-da',
        'bank-simple-transfer-en',
      ].sort(),
    )
  })

  describe.each(PLANNED.map((t) => [t.id, t] as const))('%s', (id, template) => {
    const snapshot = template.build()

    it('round-trips through the JSON format with its plan, promises and metrics', () => {
      const parsed = parseJourneyJson(JSON.stringify(toJourneyJson(snapshot)))
      expect(parsed.ok ? [] : parsed.errors).toEqual([])
      expect(Object.keys(snapshot.actions).length).toBeGreaterThan(0)
      expect(Object.keys(snapshot.promises).length).toBeGreaterThan(0)
      expect(Object.keys(snapshot.servicePriorities).length).toBeGreaterThan(0)
      expect(Object.values(snapshot.touchpoints).some((t) => t.nps !== null || t.ces !== null || t.csat !== null)).toBe(true)
      expect(Object.values(snapshot.annotations).some((a) => a.evidence !== null)).toBe(true)
      expect(Object.values(snapshot.annotations).some((a) => a.kind === 'opportunity' && a.impact !== null && a.effort !== null)).toBe(true)
    })

    it('links actions and priorities only to records that exist, and leaves nothing orphaned', () => {
      for (const action of Object.values(snapshot.actions)) for (const a of action.addresses) expect(snapshot.annotations[a], `${action.title} → ${a}`).toBeDefined()
      for (const sp of Object.values(snapshot.servicePriorities)) for (const t of sp.touchpointIds) expect(snapshot.touchpoints[t]).toBeDefined()
      expect(findOrphans(snapshot).servicePriorities).toEqual([])
    })

    it('is marked as a to-be when it redesigns an as-is', () => {
      expect(snapshot.meta.variant).toBe(id.startsWith('karoline-to-be-') ? 'to-be' : 'as-is')
    })

    it('builds the same plan ids every time', () => {
      const again = template.build()
      for (const c of ['actions', 'promises', 'servicePriorities'] as const) expect(Object.keys(again[c]).sort()).toEqual(Object.keys(snapshot[c]).sort())
    })
  })

  it('lines a to-be up with Karoline’s as-is: its stages fall on the as-is columns', () => {
    const asIs = getTemplate('karoline-car-service-nb')!.build()
    const toBe = getTemplate('karoline-to-be-rapid-response-nb')!.build()
    const { columns, pairs } = compareCurves(asIs, toBe)
    expect(columns).toHaveLength(Object.keys(asIs.stages).length)
    expect(pairs).toHaveLength(1)
    expect(pairs[0].toBe.length).toBe(Object.keys(toBe.stages).length)
    // The redesign lifts the booking stage from negative to the top of the scale.
    const booking = columns.findIndex((c) => c.title === 'Timebestilling')
    expect(pairs[0].asIs.find((p) => p.column === booking)!.emotion).toBeLessThan(0)
    expect(pairs[0].toBe.find((p) => p.column === booking)!.emotion).toBe(2)
  })
})
