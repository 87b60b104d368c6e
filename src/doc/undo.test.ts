import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deleteStage, moveTouchpoint, renameStage, setEmotion, updateTouchpoint } from '../commands'
import { createTestDoc } from '../test/factories'
import { createUndoManager } from './undo'
import { getCollection } from './schema'
import { readSnapshot } from './snapshot'

/** A second participant holding a copy of the same map. */
function cloneDoc(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc()
  copy.clientID = clientID
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), 'remote')
  return copy
}
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote')
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote')
}

describe('undo tracks only local changes', () => {
  it('undoes my edit and leaves a colleague edit applied from another document', () => {
    const { doc, touchpoint, before } = createTestDoc()
    const undo = createUndoManager(doc)
    const colleague = cloneDoc(doc, 999)

    setEmotion(doc, touchpoint, -2)
    renameStage(colleague, before, 'Varsellampen')
    sync(doc, colleague)

    undo.undo()
    const s = readSnapshot(doc)
    expect(s.touchpoints[touchpoint].emotion).toBeNull()
    expect(s.stages[before].title).toBe('Varsellampen')
    expect(undo.undoStack).toHaveLength(0)
    undo.redo()
    expect(readSnapshot(doc).touchpoints[touchpoint].emotion).toBe(-2)
  })

  it('a remote update alone gives nothing to undo', () => {
    const { doc, touchpoint } = createTestDoc()
    const undo = createUndoManager(doc)
    const colleague = cloneDoc(doc, 999)
    updateTouchpoint(colleague, touchpoint, { title: 'Ringer verkstedet' })
    sync(doc, colleague)
    expect(undo.canUndo()).toBe(false)
    undo.undo()
    expect(readSnapshot(doc).touchpoints[touchpoint].title).toBe('Ringer verkstedet')
  })
})

// Y.UndoManager skips restoring a map value when another client wrote the key in between. When
// that write was concurrent and lost, undoing the winning write left the key with no value: the
// card had no stage, fell out of the grid, and the map exported as an invalid file.
describe('undo next to a concurrent edit of the same field', () => {
  it('undoing a move that won against a concurrent move puts the card back, not nowhere', () => {
    for (const [mine, theirs] of [[1, 2], [2, 1]]) {
      const { doc, touchpoint, persona, before, during, after } = createTestDoc()
      doc.clientID = mine
      const colleague = cloneDoc(doc, theirs)
      const undo = createUndoManager(doc)

      moveTouchpoint(doc, touchpoint, { stageId: during, personaId: persona })
      moveTouchpoint(colleague, touchpoint, { stageId: after, personaId: persona })
      sync(doc, colleague)
      const winner = readSnapshot(doc).touchpoints[touchpoint].stageId
      undo.undo()
      sync(doc, colleague)

      const stageId = readSnapshot(doc).touchpoints[touchpoint].stageId
      // Mine won: undo restores where it was. Theirs won: their move stays.
      expect(stageId).toBe(winner === during ? before : after)
      expect(readSnapshot(colleague)).toEqual(readSnapshot(doc))
    }
  })

  it('undoing a delete brings the card back with every field, even one a colleague changed meanwhile', () => {
    const { doc, touchpoint, before } = createTestDoc()
    const colleague = cloneDoc(doc, 999)
    const undo = createUndoManager(doc)

    deleteStage(doc, before)
    setEmotion(colleague, touchpoint, 2) // into a card that, for everyone else, is already gone
    sync(doc, colleague)
    expect(readSnapshot(doc).touchpoints[touchpoint]).toBeUndefined()

    undo.undo()
    sync(doc, colleague)
    const raw = getCollection(doc, 'touchpoints').get(touchpoint)!
    for (const field of ['stageId', 'personaId', 'title', 'emotion', 'order']) expect(raw.has(field), field).toBe(true)
    const card = readSnapshot(doc).touchpoints[touchpoint]
    expect(card.stageId).toBe(before)
    expect(card.title).toBe('Servicevarsellampen lyser')
    expect(readSnapshot(colleague)).toEqual(readSnapshot(doc))
  })
})
