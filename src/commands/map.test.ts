import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSnapshot } from '../doc'
import { sortedPersonas, sortedStages } from '../model'
import { CommandError, deleteRecords, initializeMap, setMeta } from '.'
import { createTestDoc } from '../test/factories'
import { addAnnotation, addComment } from '.'

describe('initializeMap', () => {
  it('lays out a new map in its language: one starter stage per phase and one persona', () => {
    const doc = new Y.Doc()
    initializeMap(doc, { title: 'Kundereise', locale: 'nb' })
    const s = readSnapshot(doc)
    expect(s.meta).toMatchObject({ title: 'Kundereise', locale: 'nb', schemaVersion: 2 })
    expect(sortedStages(s).map((st) => [st.phase, st.title])).toEqual([
      ['before', 'Oppmerksomhet'],
      ['during', 'Kjøp'],
      ['after', 'Bruk'],
    ])
    expect(sortedPersonas(s).map((p) => p.name)).toEqual(['Kunde'])
    expect(() => initializeMap(doc, { title: 'Igjen' })).toThrow('the map is not empty')
  })
})

describe('setMeta', () => {
  it('sets title and description', () => {
    const { doc } = createTestDoc()
    setMeta(doc, { title: 'Bilservice – høst', description: 'Før, under og etter' })
    expect(readSnapshot(doc).meta).toMatchObject({ title: 'Bilservice – høst', description: 'Før, under og etter' })
  })

  // The description used to be written before the over-long title was refused.
  it('refuses an over-long title naming the field, and writes nothing else of the same edit', () => {
    const { doc } = createTestDoc()
    let updates = 0
    doc.on('update', () => updates++)
    expect(() => setMeta(doc, { description: 'Ny beskrivelse', title: 'x'.repeat(501) })).toThrow(CommandError)
    expect(() => setMeta(doc, { description: 'Ny beskrivelse', title: 'x'.repeat(501) })).toThrow(/^title: /)
    expect(updates).toBe(0)
    expect(readSnapshot(doc).meta.description).toBe('')
  })
})

describe('deleteRecords', () => {
  it('deletes a mixed selection with what hangs on it, as one undoable step', () => {
    const { doc, touchpoint, persona } = createTestDoc()
    const note = addAnnotation(doc, { targetId: persona, kind: 'note', text: 'Har SUV' })
    const comment = addComment(doc, { targetId: note, author: 'Tore', text: 'Stemmer' })
    deleteRecords(doc, [touchpoint, note])
    const s = readSnapshot(doc)
    expect(s.touchpoints[touchpoint]).toBeUndefined()
    expect(s.annotations[note]).toBeUndefined()
    expect(s.comments[comment]).toBeUndefined()
    expect(s.personas[persona]).toBeDefined()
  })
})
