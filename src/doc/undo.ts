import * as Y from 'yjs'
import { COLLECTIONS } from '../model'
import { LOCAL_ORIGIN } from './origin'
import { getCollection, getMetaMap } from './schema'

type DeleteSet = Parameters<typeof Y.iterateDeletedStructs>[1]

/** The origin of the follow-up write that fills a field an undo or redo left empty (untracked). */
export const UNDO_REPAIR_ORIGIN: unique symbol = Symbol('undo-repair')

/**
 * Undo/redo of this participant's own commands only: the manager tracks `LOCAL_ORIGIN`, so a
 * colleague's concurrent edit is never reverted. Every command is its own undo step
 * (text fields commit on blur, not per keystroke, so there is nothing to merge).
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const collections: Y.AbstractType<unknown>[] = COLLECTIONS.map((c) => getCollection(doc, c) as Y.AbstractType<unknown>)
  const meta = getMetaMap(doc)
  const manager = new Y.UndoManager([...collections, meta], { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 })
  manager.on('stack-item-popped', ({ stackItem }) => refillEmptiedFields(doc, collections, meta, stackItem.deletions))
  return manager
}

/**
 * Y.UndoManager restores an overwritten map value only when no other client wrote that key in
 * between, so it never reverts a colleague's edit. But when a colleague's write was *concurrent*
 * with ours and lost to it, undoing ours deletes our value and skips restoring the old one:
 * the key is left with no value at all. A card whose concurrent move was undone then had no
 * stage (it fell out of the grid and the map no longer exported as a valid file).
 *
 * After each undo or redo, any field of a still-existing record (or of meta) that the undo meant
 * to restore and that now has no value gets the value the undo meant to restore. Fields that
 * still hold a value, including a colleague's, are left alone.
 */
function refillEmptiedFields(doc: Y.Doc, collections: Y.AbstractType<unknown>[], meta: Y.Map<unknown>, meantToRestore: DeleteSet): void {
  const refills: [Y.Map<unknown>, string, unknown][] = []
  doc.transact((transaction) => {
    Y.iterateDeletedStructs(transaction, meantToRestore, (struct) => {
      if (!(struct instanceof Y.Item) || struct.parentSub === null) return
      const field = struct.parentSub
      const value = struct.content.getContent()[0]
      if (value === undefined) return // garbage-collected: nothing to restore from
      const parent = struct.parent as Y.AbstractType<unknown>
      const current = parent === meta ? meta : currentRecordOf(parent, collections)
      if (current && !current.has(field)) refills.push([current, field, value instanceof Y.AbstractType ? new Y.Map() : value])
    })
  })
  if (refills.length === 0) return
  doc.transact(() => {
    for (const [map, field, value] of refills) if (!map.has(field)) map.set(field, value)
  }, UNDO_REPAIR_ORIGIN)
}

/**
 * The record now stored under the id the field's record had: an undone delete brings a record
 * back as a new Y.Map, so the field item's own parent may be the deleted one.
 */
function currentRecordOf(parent: Y.AbstractType<unknown>, collections: Y.AbstractType<unknown>[]): Y.Map<unknown> | undefined {
  const recordItem = parent._item
  if (!recordItem || recordItem.parentSub === null || !collections.includes(recordItem.parent as Y.AbstractType<unknown>)) return undefined
  const record = (recordItem.parent as Y.Map<unknown>).get(recordItem.parentSub)
  return record instanceof Y.Map ? record : undefined
}
