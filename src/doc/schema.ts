/**
 * How records sit in the Y.Doc (DESIGN.md contract 3): one top-level Y.Map per collection, each
 * mapping an id to a record Y.Map of fields; `meta` is a flat Y.Map. Votes are a nested Y.Map
 * (participant id → count) so two participants voting at once never overwrite each other.
 */
import * as Y from 'yjs'
import { COLLECTIONS, restoreRecord, type AnyRecord, type CollectionName, type RecordsByCollection } from '../model'

export type RecordMap = Y.Map<unknown>
export type CollectionMap = Y.Map<RecordMap>

export function getCollection(doc: Y.Doc, name: CollectionName): CollectionMap {
  return doc.getMap(name) as CollectionMap
}

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta')
}

/** Fields that are stored as nested Y types rather than plain values. */
const NESTED_FIELDS: Partial<Record<CollectionName, string[]>> = { annotations: ['votes'] }

export function recordToYMap(collection: CollectionName, record: AnyRecord): RecordMap {
  const nested = NESTED_FIELDS[collection] ?? []
  const entries: [string, unknown][] = Object.entries(record).map(([k, v]) =>
    nested.includes(k) ? [k, new Y.Map(Object.entries(v as Record<string, unknown>))] : [k, v],
  )
  return new Y.Map(entries)
}

/** A record Y.Map as a plain object, nested Y types flattened. */
export function yMapToPlain(ymap: RecordMap): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of ymap.entries()) out[k] = v instanceof Y.Map ? v.toJSON() : v
  return out
}

/**
 * Read one record. Whatever a peer wrote, the reader gets a well-formed record: bad fields are
 * repaired to defaults (restore), and a record with an unusable id is skipped.
 */
export function readRecord<C extends CollectionName>(collection: C, id: string, ymap: unknown): RecordsByCollection[C] | undefined {
  if (!(ymap instanceof Y.Map)) return undefined
  const plain = yMapToPlain(ymap as RecordMap)
  plain.id = id // the key is the truth; a stray `id` field cannot alias another record
  return restoreRecord(collection, plain, `${collection}[${JSON.stringify(id)}]`).record
}

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTIONS as readonly string[]).includes(name)
}
