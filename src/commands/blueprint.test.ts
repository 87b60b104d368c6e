import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createUndoManager, readSnapshot } from '../doc'
import { byOrder, findOrphans, parseJourneyJson, toJourneyJson } from '../model'
import { createTestDoc } from '../test/factories'
import { addBlueprintItem, deleteBlueprintItem, linkBlueprintTouchpoint, moveBlueprintItem, unlinkBlueprintTouchpoint, updateBlueprintItem } from './blueprint'
import { deleteStage } from './stages'
import { deleteTouchpoint } from './touchpoints'

describe('service blueprint items', () => {
  it('adds an item to a lane of a stage, edits it and links the touchpoint it serves', () => {
    const { doc, before, touchpoint } = createTestDoc()
    const item = addBlueprintItem(doc, { lane: 'backstage', stageId: before, title: 'Booking kan ikke bestille service og dekkskift sammen 🛞', owner: 'Verksted' })
    updateBlueprintItem(doc, item, { description: 'Kunden må ringe sentralbordet', owner: 'Økonomi' })
    linkBlueprintTouchpoint(doc, item, touchpoint)
    linkBlueprintTouchpoint(doc, item, touchpoint)
    expect(readSnapshot(doc).blueprintItems[item]).toMatchObject({
      lane: 'backstage',
      stageId: before,
      title: 'Booking kan ikke bestille service og dekkskift sammen 🛞',
      description: 'Kunden må ringe sentralbordet',
      owner: 'Økonomi',
      touchpointIds: [touchpoint],
    })
    // The link is a set member in the document, so two people linking at once both keep theirs.
    expect((doc.getMap('blueprintItems').get(item) as Y.Map<unknown>).get('touchpointIds')).toBeInstanceOf(Y.Map)
    unlinkBlueprintTouchpoint(doc, item, touchpoint)
    expect(readSnapshot(doc).blueprintItems[item].touchpointIds).toEqual([])
  })

  it('orders items within a cell, and moves one to another lane and stage at an index', () => {
    const { doc, before, during } = createTestDoc()
    const a = addBlueprintItem(doc, { lane: 'frontstage', stageId: before, title: 'A' })
    const b = addBlueprintItem(doc, { lane: 'frontstage', stageId: before, title: 'B' })
    const c = addBlueprintItem(doc, { lane: 'frontstage', stageId: before, title: 'C', index: 0 })
    const cell = () =>
      Object.values(readSnapshot(doc).blueprintItems)
        .filter((i) => i.stageId === before && i.lane === 'frontstage')
        .sort(byOrder)
        .map((i) => i.title)
    expect(cell()).toEqual(['C', 'A', 'B'])
    moveBlueprintItem(doc, b, { lane: 'support', stageId: during })
    expect(cell()).toEqual(['C', 'A'])
    expect(readSnapshot(doc).blueprintItems[b]).toMatchObject({ lane: 'support', stageId: during })
    moveBlueprintItem(doc, a, { lane: 'frontstage', stageId: before, index: 0 })
    expect(cell()).toEqual(['A', 'C'])
    expect(() => moveBlueprintItem(doc, c, { lane: 'support', stageId: 'stage:gone' as never })).toThrow(/stageId/)
  })

  it('refuses a bad lane or an over-long title, naming the field, and writes nothing', () => {
    const { doc, before } = createTestDoc()
    let wrote = false
    doc.on('update', () => (wrote = true))
    expect(() => addBlueprintItem(doc, { lane: 'basement' as never, stageId: before })).toThrow(/\.lane:/)
    expect(() => addBlueprintItem(doc, { lane: 'support', stageId: before, title: 'x'.repeat(501) })).toThrow(/\.title:/)
    expect(wrote).toBe(false)
  })

  it('deleting a stage deletes its items with its cards; undo brings both back', () => {
    const { doc, before, touchpoint } = createTestDoc()
    const undo = createUndoManager(doc)
    const item = addBlueprintItem(doc, { lane: 'evidence', stageId: before, title: 'Servicelampe', touchpointIds: [touchpoint] })
    undo.stopCapturing()
    deleteStage(doc, before)
    expect(readSnapshot(doc).blueprintItems[item]).toBeUndefined()
    undo.undo()
    expect(readSnapshot(doc).blueprintItems[item]).toMatchObject({ stageId: before, touchpointIds: [touchpoint] })
  })

  it('deleting a touchpoint keeps the items that served it and forgets the link', () => {
    const { doc, before, touchpoint } = createTestDoc()
    const item = addBlueprintItem(doc, { lane: 'support', stageId: before, title: 'Kortterminal', touchpointIds: [touchpoint] })
    deleteTouchpoint(doc, touchpoint)
    expect(readSnapshot(doc).blueprintItems[item]).toMatchObject({ title: 'Kortterminal', touchpointIds: [] })
    deleteBlueprintItem(doc, item)
    expect(readSnapshot(doc).blueprintItems).toEqual({})
  })

  it('lists an item whose stage a colleague deleted at the same moment as unplaced', () => {
    const { doc, before } = createTestDoc()
    const item = addBlueprintItem(doc, { lane: 'frontstage', stageId: before, title: 'Sentralbord' })
    doc.getMap('stages').delete(before) // what the merge of a concurrent stage deletion leaves
    expect(findOrphans(readSnapshot(doc)).blueprintItems.map((i) => i.id)).toEqual([item])
  })

  it('every command is one undo step', () => {
    const { doc, before, during, touchpoint } = createTestDoc()
    const undo = createUndoManager(doc)
    const item = addBlueprintItem(doc, { lane: 'frontstage', stageId: before, title: 'Verkstedmottak' })
    const steps: [string, () => void][] = [
      ['edit', () => updateBlueprintItem(doc, item, { title: 'Mottak' })],
      ['move', () => moveBlueprintItem(doc, item, { lane: 'backstage', stageId: during })],
      ['link', () => linkBlueprintTouchpoint(doc, item, touchpoint)],
      ['unlink', () => unlinkBlueprintTouchpoint(doc, item, touchpoint)],
      ['delete', () => deleteBlueprintItem(doc, item)],
    ]
    for (const [name, step] of steps) {
      undo.stopCapturing()
      const before = JSON.stringify(readSnapshot(doc))
      step()
      expect(JSON.stringify(readSnapshot(doc)), name).not.toBe(before)
      undo.undo()
      expect(JSON.stringify(readSnapshot(doc)), `undo of ${name}`).toBe(before)
      undo.redo()
    }
  })

  it('travels in the JSON interchange format with touchpointIds as an array; a file without the blueprint imports as empty', () => {
    const { doc, before, touchpoint } = createTestDoc()
    const item = addBlueprintItem(doc, { lane: 'support', stageId: before, title: 'Faktura per post æøå', owner: 'Økonomi', touchpointIds: [touchpoint] })
    const json = JSON.parse(JSON.stringify(toJourneyJson(readSnapshot(doc))))
    expect(json.blueprintItems).toEqual([expect.objectContaining({ id: item, touchpointIds: [touchpoint], owner: 'Økonomi' })])
    const back = parseJourneyJson(json)
    expect(back.ok && back.snapshot.blueprintItems[item].title).toBe('Faktura per post æøå')

    delete json.blueprintItems
    const older = parseJourneyJson(json)
    expect(older.ok && older.snapshot.blueprintItems).toEqual({})

    const bad = parseJourneyJson({ ...json, blueprintItems: [{ id: 'blueprint-item:x', lane: 'cellar', stageId: before, touchpointIds: 'all' }] })
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['blueprintItems[0].lane', 'blueprintItems[0].touchpointIds'])
  })
})
