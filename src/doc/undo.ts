import * as Y from 'yjs'
import { COLLECTIONS } from '../model'
import { LOCAL_ORIGIN } from './origin'
import { getCollection, getMetaMap } from './schema'

/**
 * Undo/redo of this participant's own commands only: the manager tracks `LOCAL_ORIGIN`, so a
 * colleague's concurrent edit is never reverted. Every command is its own undo step
 * (text fields commit on blur, not per keystroke, so there is nothing to merge).
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const scope = [...COLLECTIONS.map((c) => getCollection(doc, c)), getMetaMap(doc)]
  return new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 })
}
