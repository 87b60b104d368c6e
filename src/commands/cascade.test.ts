import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { createUndoManager, readSnapshot } from '../doc'
import { createTestDoc } from '../test/factories'
import { addAnnotation, addComment, addTouchpoint, deleteAnnotation, deletePersona, deleteStage, deleteTouchpoint, linkTouchpoints } from '.'

/** A card with everything that can hang on it, plus a neighbour it links to. */
function cardWithDependents() {
  const t = createTestDoc()
  const { doc, touchpoint, during, persona } = t
  const neighbour = addTouchpoint(doc, { stageId: during, personaId: persona, title: 'Ringer sentralbordet' })
  const need = addAnnotation(doc, { targetId: touchpoint, kind: 'functional-need', text: 'Bestille samlet' })
  const onNeed = addComment(doc, { targetId: need, author: 'Tore', text: 'Viktig' })
  const onCard = addComment(doc, { targetId: touchpoint, author: 'Tore', text: 'Sjekk appen' })
  const link = linkTouchpoints(doc, touchpoint, neighbour, 'bedt om å ringe')
  return { ...t, neighbour, dependents: { need, onNeed, onCard, link } }
}

const counts = (doc: Y.Doc) => {
  const s = readSnapshot(doc)
  return [s.touchpoints, s.annotations, s.comments, s.links].map((c) => Object.keys(c).length)
}

describe('deleting removes what hangs on the record, in one transaction, and one undo brings it all back', () => {
  for (const [what, remove] of [
    ['a touchpoint', (t: ReturnType<typeof cardWithDependents>) => deleteTouchpoint(t.doc, t.touchpoint)],
    ['its stage', (t: ReturnType<typeof cardWithDependents>) => deleteStage(t.doc, t.before)],
    ['its persona', (t: ReturnType<typeof cardWithDependents>) => deletePersona(t.doc, t.persona)],
  ] as const) {
    it(`deleting ${what}`, () => {
      const t = cardWithDependents()
      const undo = createUndoManager(t.doc)
      const before = readSnapshot(t.doc)
      let transactions = 0
      t.doc.on('afterTransaction', () => transactions++)

      remove(t)
      expect(transactions).toBe(1)
      const after = readSnapshot(t.doc)
      expect(after.touchpoints[t.touchpoint]).toBeUndefined()
      expect(after.annotations[t.dependents.need]).toBeUndefined()
      expect(after.comments[t.dependents.onNeed]).toBeUndefined()
      expect(after.comments[t.dependents.onCard]).toBeUndefined()
      expect(after.links[t.dependents.link]).toBeUndefined()

      undo.undo()
      const restored = readSnapshot(t.doc)
      expect(restored.touchpoints).toEqual(before.touchpoints)
      expect(restored.annotations).toEqual(before.annotations)
      expect(restored.comments).toEqual(before.comments)
      expect(restored.links).toEqual(before.links)
      expect(restored.stages).toEqual(before.stages)
      expect(restored.personas).toEqual(before.personas)
    })
  }

  it('deleting an annotation takes its comments and nothing else', () => {
    const t = cardWithDependents()
    const [cards, notes, comments, links] = counts(t.doc)
    deleteAnnotation(t.doc, t.dependents.need)
    expect(counts(t.doc)).toEqual([cards, notes - 1, comments - 1, links])
  })

  it('deleting the linked neighbour removes the link but keeps the card', () => {
    const t = cardWithDependents()
    deleteTouchpoint(t.doc, t.neighbour)
    const s = readSnapshot(t.doc)
    expect(s.links).toEqual({})
    expect(s.touchpoints[t.touchpoint]).toBeDefined()
  })
})
