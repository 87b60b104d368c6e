import * as Y from 'yjs'
import { COLLECTIONS, type AnyRecord, type Snapshot } from '../model'
import { getCollection, getMetaMap, recordToYMap } from './schema'

/**
 * Write a whole (validated) snapshot into an empty document in one transaction: used by
 * templates, JSON import and the server when it creates a map.
 */
export function writeSnapshot(doc: Y.Doc, snapshot: Snapshot, origin: unknown = null): void {
  doc.transact(() => {
    const meta = getMetaMap(doc)
    for (const [k, v] of Object.entries(snapshot.meta)) meta.set(k, v)
    for (const name of COLLECTIONS) {
      const ymap = getCollection(doc, name)
      for (const record of Object.values(snapshot[name]) as AnyRecord[]) ymap.set(record.id, recordToYMap(name, record))
    }
  }, origin)
}

export function isEmptyDoc(doc: Y.Doc): boolean {
  return getMetaMap(doc).size === 0 && COLLECTIONS.every((c) => getCollection(doc, c).size === 0)
}
