/**
 * Bring a live document up to the current schema, in place. The relay runs this once when it
 * loads a stored map, before anyone joins, and stores the result as an ordinary update; it is
 * the only writer of `meta.schemaVersion` (DESIGN.md contract 3).
 */
import * as Y from 'yjs'
import { COLLECTIONS, SCHEMA_VERSION, setFields } from '../model'
import { getCollection, getMetaMap } from './schema'

/** The document's schema version: 1 when it predates the field, as v1 documents may. */
export function docSchemaVersion(doc: Y.Doc): number {
  const v = getMetaMap(doc).get('schemaVersion')
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1
}

/**
 * v1 → v2: every set of ids held as a plain array becomes a nested Y.Map of id → true. Returns
 * false when there was nothing to do (already current, or newer than this build: left alone).
 */
export function migrateDocument(doc: Y.Doc, origin: unknown = null): boolean {
  if (docSchemaVersion(doc) >= SCHEMA_VERSION || isBlank(doc)) return false
  doc.transact(() => {
    for (const collection of COLLECTIONS) {
      const fields = setFields(collection)
      if (!fields.length) continue
      for (const record of getCollection(doc, collection).values()) {
        if (!(record instanceof Y.Map)) continue
        for (const field of fields) {
          const value = record.get(field)
          if (value instanceof Y.Map) continue
          const ids = Array.isArray(value) ? [...new Set(value.filter((id): id is string => typeof id === 'string'))] : []
          record.set(field, new Y.Map(ids.map((id) => [id, true])))
        }
      }
    }
    getMetaMap(doc).set('schemaVersion', SCHEMA_VERSION)
  }, origin)
  return true
}

function isBlank(doc: Y.Doc): boolean {
  return getMetaMap(doc).size === 0 && COLLECTIONS.every((c) => getCollection(doc, c).size === 0)
}
