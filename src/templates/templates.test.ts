import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadIntoEmptyMap } from '../commands'
import { readSnapshot } from '../doc'
import { ANNOTATION_KINDS, computeGridLayout, emotionCurve, findOrphans, parseJourneyJson, PHASES, sortedStages, stringifyJourneyJson } from '../model'
import { getTemplate, TEMPLATES } from '.'

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_, template) => {
  const snapshot = template.build()

  it('builds a map that exports and imports back without a single error', () => {
    const parsed = parseJourneyJson(stringifyJourneyJson(snapshot))
    expect(parsed.ok ? [] : parsed.errors).toEqual([])
    if (parsed.ok) expect(parsed.snapshot).toEqual(snapshot)
  })

  it('has content in every phase, every annotation kind, and every card placed', () => {
    expect(snapshot.meta.title).toBe(template.title)
    expect(snapshot.meta.locale).toBe(template.locale)
    for (const phase of PHASES) expect(Object.values(snapshot.stages).some((s) => s.phase === phase), phase).toBe(true)
    const kinds = new Set(Object.values(snapshot.annotations).map((a) => a.kind))
    expect([...kinds].sort()).toEqual([...ANNOTATION_KINDS].sort())
    expect(Object.keys(snapshot.links).length).toBeGreaterThan(0)
    expect(Object.entries(findOrphans(snapshot)).filter(([, unplaced]) => unplaced.length > 0)).toEqual([])
    const placed = computeGridLayout(snapshot).cards.map((c) => c.touchpoint.id)
    expect(placed.sort()).toEqual(Object.keys(snapshot.touchpoints).sort())
  })

  it('annotates personas, phases, stages and touchpoints, and marks needs met, partly or unmet', () => {
    const targets = new Set(Object.values(snapshot.annotations).map((a) => a.targetId.slice(0, a.targetId.indexOf(':'))))
    expect([...targets].sort()).toEqual(['persona', 'phase', 'stage', 'touchpoint'])
    const statuses = new Set(Object.values(snapshot.annotations).filter((a) => a.kind.endsWith('-need')).map((a) => a.status))
    expect([...statuses].sort()).toEqual(['met', 'partly', 'unmet'])
  })

  it('scores emotions along the story, so the persona has a curve', () => {
    const persona = Object.values(snapshot.personas)[0]
    const curve = emotionCurve(snapshot, persona.id, sortedStages(snapshot).map((s) => s.id))
    expect(curve.length).toBe(Object.keys(snapshot.stages).length)
    expect(Math.min(...curve.map((p) => p.emotion))).toBe(-2)
  })

  it('gives the same ids on every build, so the server and the browser agree', () => {
    const again = template.build()
    for (const c of ['personas', 'stages', 'touchpoints', 'annotations'] as const) expect(Object.keys(again[c]).sort()).toEqual(Object.keys(snapshot[c]).sort())
  })

  it('loads into an empty document unchanged', () => {
    const doc = new Y.Doc()
    loadIntoEmptyMap(doc, snapshot)
    expect(readSnapshot(doc)).toEqual(snapshot)
  })
})

describe("Karoline's car service", () => {
  const nb = getTemplate('karoline-car-service-nb')!.build()
  const en = getTemplate('karoline-car-service-en')!.build()
  const allText = (s: typeof nb) =>
    JSON.stringify([s.meta, s.personas, s.stages, Object.values(s.touchpoints).map((t) => [t.title, t.description, t.channel, t.owner]), Object.values(s.annotations).map((a) => a.text)])

  it('is written in Norwegian with æ, ø and å, in the seed’s own words', () => {
    const text = allText(nb)
    for (const letter of ['æ', 'ø', 'å', 'Ø']) expect(text).toContain(letter)
    for (const phrase of ['servicevarsellampen', 'sentralbordet', 'lånebil', 'kortterminalen', '100 meter', 'Vipps', 'Golsfjellet']) expect(text).toContain(phrase)
    expect(nb.meta.title).toBe('Karolines bilservice')
  })

  it('has the English version with the same structure and no Norwegian left in it', () => {
    expect(en.meta.title).toBe("Karoline's car service")
    for (const c of ['personas', 'stages', 'touchpoints', 'annotations', 'links'] as const) expect(Object.keys(en[c]).length).toBe(Object.keys(nb[c]).length)
    expect(allText(en)).not.toMatch(/[æøåÆØÅ]/)
    for (const phrase of ['switchboard', 'courtesy car', '17:00', '10-day wait', 'by post']) expect(allText(en)).toContain(phrase)
  })

  it('tells her story as pain points: closed at 17, 10-day wait, paid rental, car 100 m away, 10-minute wait, invoice by post', () => {
    const pains = Object.values(en.annotations).filter((a) => a.kind === 'pain-point').map((a) => a.text).join('\n')
    for (const pain of ['17:00', '10-day wait', 'paid rental', '100 metres away', '10 minutes', 'by post']) expect(pains).toContain(pain)
  })

  it('proposes the four strategies of the article as opportunities', () => {
    const ideas = Object.values(en.annotations).filter((a) => a.kind === 'opportunity').map((a) => a.text).join('\n')
    for (const strategy of ['Rapid response', 'Advisory sales', 'Proactive sales/coaching', 'Automatic service']) expect(ideas).toContain(strategy)
  })

  it('names a channel and an owning department on every touchpoint', () => {
    for (const t of [...Object.values(nb.touchpoints), ...Object.values(en.touchpoints)]) {
      expect(t.channel, t.title).not.toBe('')
      expect(t.owner, t.title).not.toBe('')
    }
  })
})
