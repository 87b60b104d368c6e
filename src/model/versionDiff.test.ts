import { describe, expect, it } from 'vitest'
import { diffVersion, versionWithArrivals } from './versionDiff'
import { makeAnnotation, makeComment, makeLink, makePersona, makeSnapshot, makeStage, makeTouchpoint } from '../test/factories'
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
    expect(diff.counts).toEqual({ added: 1, removed: 1, moved: 1, retitled: 1, other: 0 })
    expect(diff.total).toBe(4 + 1 + 1)
    expect(diff.cards.map((c) => `${c.kind} ${c.id}`).sort()).toEqual(['added touchpoint:new', 'moved touchpoint:mover', 'removed touchpoint:gone', 'retitled touchpoint:mover'])
    expect(diff.stages).toEqual([{ kind: 'renamed', then: s2, now: { ...s2, title: 'Bestilling på nett' } }])
    expect(diff.personas.map((c) => c.kind)).toEqual(['added'])
    // The canvas of the version shows the arrival in the cell it sits in now.
    expect(versionWithArrivals(then, diff).touchpoints['touchpoint:new']?.title).toBe('Betaler med Vipps ✓')
  })

  it('names every other field of every record that differs, one entry a record, and counts what it lists', () => {
    const need = makeAnnotation({ id: 'annotation:need' as never, targetId: kept.id, kind: 'functional-need', text: 'Bestille dekkskift', status: 'unmet', order: 'a0' })
    const pain = makeAnnotation({ id: 'annotation:pain' as never, targetId: kept.id, kind: 'pain-point', text: 'Kø i telefonen', order: 'a1', votes: { ida: 1 } })
    const link = makeLink({ id: 'link:l1' as never, from: kept.id, to: mover.id, label: 'ringer' })
    const comment = makeComment({ id: 'comment:c1' as never, targetId: kept.id, resolved: false })
    const then = makeSnapshot({ stages: [s1], personas: [p1], touchpoints: [{ ...kept, emotion: -1, nps: -40 }, mover], annotations: [need, pain], links: [link], comments: [comment] })
    const now = makeSnapshot({
      stages: [s1],
      personas: [p1],
      // Emotion −1 → +1 and NPS −40 → 10 on one card; the other card reordered in its cell only.
      touchpoints: [{ ...kept, emotion: 1, nps: 10 }, { ...mover, order: 'b5' }],
      annotations: [
        { ...need, status: 'partly' },
        { ...pain, text: 'Kø i telefonen – 10 min', kind: 'moment-of-truth', evidence: 'observed', votes: { ida: 1, ole: 2 } },
      ],
      links: [],
      comments: [{ ...comment, resolved: true }],
    })
    const diff = diffVersion(then, now)
    const byId = new Map(diff.records.map((r) => [r.id, r]))
    expect(byId.get(kept.id)).toMatchObject({ kind: 'changed', fields: [{ field: 'emotion', then: -1, now: 1 }, { field: 'nps', then: -40, now: 10 }] })
    expect(byId.get(need.id)).toMatchObject({ kind: 'changed', fields: [{ field: 'status', then: 'unmet', now: 'partly' }] })
    const painChange = byId.get(pain.id)
    expect(painChange?.kind === 'changed' && painChange.fields.map((f) => f.field).sort()).toEqual(['evidence', 'kind', 'text', 'votes'])
    expect(byId.get(link.id)).toMatchObject({ kind: 'removed', collection: 'links' })
    expect(byId.get(comment.id)).toMatchObject({ kind: 'changed', fields: [{ field: 'resolved', then: false, now: true }] })
    expect(byId.has(mover.id)).toBe(false)
    expect(diff.records).toHaveLength(5)
    expect(diff.total).toBe(5)
    expect(diff.counts.other).toBe(5)
  })

  it('finds no change between a version and an identical map', () => {
    const snap = makeSnapshot({ stages: [s1], personas: [p1], touchpoints: [kept] })
    const diff = diffVersion(snap, structuredClone(snap))
    expect(diff.cards).toEqual([])
    expect(diff.stages).toEqual([])
    expect(diff.records).toEqual([])
    expect(diff.total).toBe(0)
    expect(versionWithArrivals(snap, diff)).toBe(snap)
  })
})
