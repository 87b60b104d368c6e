import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readSnapshot } from '../doc'
import { sortedStages } from '../model'
import { createTestDoc } from '../test/factories'
import { addStage, deleteStage, moveStage, renameStage } from '.'

const columns = (doc: Y.Doc) => sortedStages(readSnapshot(doc)).map((s) => `${s.phase}:${s.title}`)

describe('stage commands', () => {
  it('adds stages to a phase, at the end or at an index, and columns follow phase order', () => {
    const { doc } = createTestDoc()
    addStage(doc, { phase: 'after', title: 'Faktura' })
    addStage(doc, { phase: 'before', title: 'Behov', index: 0 })
    expect(columns(doc)).toEqual([
      'before:Behov',
      'before:Servicevarsel',
      'before:Bestilling i appen',
      'during:Telefon til sentralbordet',
      'after:Henting av bilen',
      'after:Faktura',
    ])
  })

  it('renames a stage', () => {
    const { doc, during } = createTestDoc()
    renameStage(doc, during, 'Lånebil')
    expect(readSnapshot(doc).stages[during].title).toBe('Lånebil')
  })

  it('reorders within a phase', () => {
    const { doc, before } = createTestDoc()
    moveStage(doc, before, { phase: 'before', index: 1 })
    expect(columns(doc).slice(0, 2)).toEqual(['before:Bestilling i appen', 'before:Servicevarsel'])
  })

  it('moves a stage into another phase, with its cards', () => {
    const { doc, before, touchpoint } = createTestDoc()
    moveStage(doc, before, { phase: 'after', index: 0 })
    expect(columns(doc)).toEqual(['before:Bestilling i appen', 'during:Telefon til sentralbordet', 'after:Servicevarsel', 'after:Henting av bilen'])
    expect(readSnapshot(doc).touchpoints[touchpoint].stageId).toBe(before)
  })

  it('deletes a stage with its cards', () => {
    const { doc, before, touchpoint } = createTestDoc()
    deleteStage(doc, before)
    expect(readSnapshot(doc).stages[before]).toBeUndefined()
    expect(readSnapshot(doc).touchpoints[touchpoint]).toBeUndefined()
  })
})
