import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../doc'
import { ANNOTATION_KINDS, type AnnotationTargetId, type TouchpointId } from '../model'
import { createTestDoc } from '../test/factories'
import { addAnnotation, deleteAnnotation, editAnnotation, reattachAnnotation, setNeedStatus } from '.'

describe('annotation commands', () => {
  it('adds, edits and deletes every kind on a persona, a phase, a stage and a touchpoint', () => {
    const { doc, persona, during, touchpoint } = createTestDoc()
    const targets: AnnotationTargetId[] = [persona, 'phase:after', during, touchpoint]
    for (const targetId of targets) {
      for (const kind of ANNOTATION_KINDS) {
        const id = addAnnotation(doc, { targetId, kind, text: `${kind} på ${targetId}` })
        expect(readSnapshot(doc).annotations[id]).toMatchObject({ targetId, kind, text: `${kind} på ${targetId}`, votes: {} })
        editAnnotation(doc, id, { text: 'Føle seg ivaretatt' })
        expect(readSnapshot(doc).annotations[id].text).toBe('Føle seg ivaretatt')
        deleteAnnotation(doc, id)
        expect(readSnapshot(doc).annotations[id]).toBeUndefined()
      }
    }
  })

  it('gives needs a status (unmet unless told) and nothing else a status', () => {
    const { doc, touchpoint } = createTestDoc()
    const need = addAnnotation(doc, { targetId: touchpoint, kind: 'functional-need', text: 'Bestille service og dekkskifte samlet' })
    const feeling = addAnnotation(doc, { targetId: touchpoint, kind: 'emotional-need', text: 'Føle seg ivaretatt', status: 'partly' })
    const pain = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Stengt kl. 17', status: 'met' })
    const s = readSnapshot(doc)
    expect([s.annotations[need].status, s.annotations[feeling].status, s.annotations[pain].status]).toEqual(['unmet', 'partly', null])

    setNeedStatus(doc, need, 'met')
    expect(readSnapshot(doc).annotations[need].status).toBe('met')
    expect(() => setNeedStatus(doc, pain, 'met')).toThrow(/\.status: only needs have a status/)
  })

  it('changing kind to or from a need sets or clears the status', () => {
    const { doc, touchpoint } = createTestDoc()
    const id = addAnnotation(doc, { targetId: touchpoint, kind: 'note', text: 'Ring tilbake' })
    editAnnotation(doc, id, { kind: 'functional-need' })
    expect(readSnapshot(doc).annotations[id].status).toBe('unmet')
    editAnnotation(doc, id, { kind: 'opportunity' })
    expect(readSnapshot(doc).annotations[id].status).toBeNull()
  })

  it('refuses a target that does not exist, and moves an annotation to another target', () => {
    const { doc, touchpoint, persona } = createTestDoc()
    expect(() => addAnnotation(doc, { targetId: 'touchpoint:gone' as TouchpointId, kind: 'note', text: '' })).toThrow(/^targetId: nothing to annotate/)
    const id = addAnnotation(doc, { targetId: touchpoint, kind: 'note', text: 'Flytt meg' })
    reattachAnnotation(doc, id, persona)
    expect(readSnapshot(doc).annotations[id].targetId).toBe(persona)
    expect(() => reattachAnnotation(doc, id, 'phase:never' as AnnotationTargetId)).toThrow(/^targetId: /)
  })
})
