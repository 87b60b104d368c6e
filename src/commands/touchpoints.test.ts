import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readSnapshot } from '../doc'
import { cellKey, touchpointsByCell, type StageId } from '../model'
import { createTestDoc } from '../test/factories'
import { addTouchpoint, CommandError, deleteTouchpoints, moveTouchpoint, setEmotion, setPriority, updateTouchpoint } from '.'

const cell = (doc: Y.Doc, stageId: string, personaId: string) =>
  (touchpointsByCell(readSnapshot(doc)).get(cellKey(stageId, personaId)) ?? []).map((t) => t.title)

/** Run `fn`, expecting it to be refused, and report whether anything reached the document. */
function refusedWithoutWriting(doc: Y.Doc, fn: () => void, field: string) {
  let updates = 0
  const count = () => updates++
  doc.on('update', count)
  expect(fn).toThrow(CommandError)
  expect(fn).toThrow(new RegExp(`\\.${field}: `))
  doc.off('update', count)
  expect(updates).toBe(0)
}

describe('touchpoint commands', () => {
  it('creates a card in a cell with its fields, at the end or at an index', () => {
    const { doc, before, persona } = createTestDoc()
    const id = addTouchpoint(doc, { stageId: before, personaId: persona, title: 'Logger seg på appen', channel: 'app', owner: 'Digitale kanaler', emotion: 1, priority: 2 })
    addTouchpoint(doc, { stageId: before, personaId: persona, title: 'Først', index: 0 })
    expect(cell(doc, before, persona)).toEqual(['Først', 'Servicevarsellampen lyser', 'Logger seg på appen'])
    expect(readSnapshot(doc).touchpoints[id]).toMatchObject({ channel: 'app', owner: 'Digitale kanaler', emotion: 1, priority: 2, description: '' })
  })

  it('refuses a card in a stage or lane that does not exist', () => {
    const { doc, persona } = createTestDoc()
    expect(() => addTouchpoint(doc, { stageId: 'stage:gone' as StageId, personaId: persona })).toThrow(/^stageId: no stage/)
  })

  it('moves a card to another cell, and reorders it within its cell', () => {
    const { doc, before, during, persona, otherPersona, touchpoint } = createTestDoc()
    const second = addTouchpoint(doc, { stageId: before, personaId: persona, title: 'Andre' })
    moveTouchpoint(doc, touchpoint, { stageId: before, personaId: persona, index: 1 })
    expect(cell(doc, before, persona)).toEqual(['Andre', 'Servicevarsellampen lyser'])
    moveTouchpoint(doc, second, { stageId: during, personaId: otherPersona })
    expect(cell(doc, before, persona)).toEqual(['Servicevarsellampen lyser'])
    expect(cell(doc, during, otherPersona)).toEqual(['Andre'])
  })

  it('sets title, description, channel, owner, emotion and priority', () => {
    const { doc, touchpoint } = createTestDoc()
    updateTouchpoint(doc, touchpoint, { title: 'Ringer sentralbordet', description: 'Venter to minutter', channel: 'telefon', owner: 'Kundeservice' })
    setEmotion(doc, touchpoint, -2)
    setPriority(doc, touchpoint, 1)
    expect(readSnapshot(doc).touchpoints[touchpoint]).toMatchObject({
      title: 'Ringer sentralbordet',
      description: 'Venter to minutter',
      channel: 'telefon',
      owner: 'Kundeservice',
      emotion: -2,
      priority: 1,
    })
    setEmotion(doc, touchpoint, null)
    setPriority(doc, touchpoint, null)
    expect(readSnapshot(doc).touchpoints[touchpoint]).toMatchObject({ emotion: null, priority: null })
  })

  it('accepts every emotion −2..2 and priority 1..5', () => {
    const { doc, touchpoint } = createTestDoc()
    for (const e of [-2, -1, 0, 1, 2]) {
      setEmotion(doc, touchpoint, e)
      expect(readSnapshot(doc).touchpoints[touchpoint].emotion).toBe(e)
    }
    for (const p of [1, 2, 3, 4, 5]) {
      setPriority(doc, touchpoint, p)
      expect(readSnapshot(doc).touchpoints[touchpoint].priority).toBe(p)
    }
  })

  it('refuses out-of-range or fractional emotion and priority naming the field, writing nothing', () => {
    const { doc, touchpoint } = createTestDoc()
    setEmotion(doc, touchpoint, 1)
    for (const bad of [3, -3, 0.5, Number.NaN]) refusedWithoutWriting(doc, () => setEmotion(doc, touchpoint, bad), 'emotion')
    for (const bad of [0, 6, 2.5]) refusedWithoutWriting(doc, () => setPriority(doc, touchpoint, bad), 'priority')
    // One bad field refuses the whole edit: the title in the same patch is not written either.
    refusedWithoutWriting(doc, () => updateTouchpoint(doc, touchpoint, { title: 'Ny', emotion: 7 }), 'emotion')
    expect(readSnapshot(doc).touchpoints[touchpoint]).toMatchObject({ title: 'Servicevarsellampen lyser', emotion: 1 })
  })

  it('deletes several cards at once', () => {
    const { doc, before, persona, touchpoint } = createTestDoc()
    const other = addTouchpoint(doc, { stageId: before, personaId: persona })
    deleteTouchpoints(doc, [touchpoint, other])
    expect(readSnapshot(doc).touchpoints).toEqual({})
    expect(() => updateTouchpoint(doc, touchpoint, { title: 'x' })).toThrow(/no such record/)
  })
})
