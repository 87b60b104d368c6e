import { describe, expect, it } from 'vitest'
import { diffVersion, versionWithArrivals } from './versionDiff'
import { makePersona, makeSnapshot, makeStage, makeTouchpoint } from '../test/factories'
import type { PersonaId, StageId, TouchpointId } from './ids'

const s1 = makeStage()
const s2 = makeStage({ id: 'stage:s2' as StageId, title: 'Bestilling', order: 'a1' })
const p1 = makePersona()
const kept = makeTouchpoint({ id: 'touchpoint:kept' as TouchpointId, title: 'Åpner appen 📱' })
const gone = makeTouchpoint({ id: 'touchpoint:gone' as TouchpointId, title: 'Ringer sentralbordet' })
const mover = makeTouchpoint({ id: 'touchpoint:mover' as TouchpointId, title: 'Får SMS' })

describe('diffVersion', () => {
  it('names cards added, removed, moved and retitled since the version, and nothing unchanged', () => {
    const then = makeSnapshot({ stages: [s1, s2], personas: [p1], touchpoints: [kept, gone, mover] })
    const arrived = makeTouchpoint({ id: 'touchpoint:new' as TouchpointId, title: 'Betaler med Vipps ✓', stageId: s2.id })
    const now = makeSnapshot({
      stages: [s1, { ...s2, title: 'Bestilling på nett' }],
      personas: [p1, makePersona({ id: 'persona:p2' as PersonaId, name: 'Bjørn' })],
      touchpoints: [kept, { ...mover, stageId: s2.id, title: 'Får SMS – påminnelse' }, arrived],
    })
    const diff = diffVersion(then, now)
    expect(diff.counts).toEqual({ added: 1, removed: 1, moved: 1, retitled: 1 })
    expect(diff.cards.map((c) => `${c.kind} ${c.id}`).sort()).toEqual(['added touchpoint:new', 'moved touchpoint:mover', 'removed touchpoint:gone', 'retitled touchpoint:mover'])
    expect(diff.stages).toEqual([{ kind: 'renamed', then: s2, now: { ...s2, title: 'Bestilling på nett' } }])
    expect(diff.personas.map((c) => c.kind)).toEqual(['added'])
    // The canvas of the version shows the arrival in the cell it sits in now.
    expect(versionWithArrivals(then, diff).touchpoints['touchpoint:new']?.title).toBe('Betaler med Vipps ✓')
  })

  it('finds no change between a version and an identical map', () => {
    const snap = makeSnapshot({ stages: [s1], personas: [p1], touchpoints: [kept] })
    const diff = diffVersion(snap, structuredClone(snap))
    expect(diff.cards).toEqual([])
    expect(diff.stages).toEqual([])
    expect(versionWithArrivals(snap, diff)).toBe(snap)
  })
})
