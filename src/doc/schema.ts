/**
 * How records sit in the Y.Doc (DESIGN.md contract 3): one top-level Y.Map per collection, each
 * mapping an id to a record Y.Map of fields; `meta` is a flat Y.Map. Votes are a nested Y.Map
 * (participant id → count) and, since schema v2, so is every set of ids (id → true), so two
 * participants voting or linking at once never overwrite each other.
 *
 * Reading never recurses: a record's nested map is read one level deep and anything nested
 * further (which the relay refuses, but an old stored document may hold) is ignored.
 */
import * as Y from 'yjs'
import { fieldShape, restoreRecord, type AnyRecord, type CollectionName, type RecordsByCollection } from '../model'

export type RecordMap = Y.Map<unknown>
export type CollectionMap = Y.Map<RecordMap>

export function getCollection(doc: Y.Doc, name: CollectionName): CollectionMap {
  return doc.getMap(name) as CollectionMap
}

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta')
}

/** A field's value as the document holds it: nested maps for votes and sets of ids. */
export function toDocValue(collection: CollectionName, field: string, value: unknown): unknown {
  const shape = fieldShape(collection, field)
  if (shape === 'votes') return new Y.Map(Object.entries(value as Record<string, unknown>))
  if (shape === 'set') return new Y.Map((value as string[]).map((id) => [id, true]))
  return value
}

export function recordToYMap(collection: CollectionName, record: AnyRecord): RecordMap {
  return new Y.Map(Object.entries(record).map(([k, v]) => [k, toDocValue(collection, k, v)]))
}

/**
 * Make a set field hold exactly `ids`, touching only the members that change, so a colleague's
 * concurrent link to another id survives. A v1 document's plain array becomes a nested map.
 */
export function writeSet(record: RecordMap, field: string, ids: readonly string[]): void {
  const current = record.get(field)
  if (!(current instanceof Y.Map)) {
    record.set(field, new Y.Map(ids.map((id) => [id, true])))
    return
  }
  const wanted = new Set(ids)
  for (const id of [...current.keys()]) if (!wanted.has(id)) current.delete(id)
  for (const id of ids) if (current.get(id) !== true) current.set(id, true)
}

/** A record Y.Map as a plain object: votes as an object, sets of ids as a sorted array (v1's plain arrays as they are). */
// Read with `forEach`, not `entries()`: opening a map reads every record, and the iterator chain
// behind `entries()` allocates several objects per field, which the garbage collector then pays for.
export function yMapToPlain(ymap: RecordMap): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  ymap.forEach((v, k) => {
    if (!(v instanceof Y.Map)) out[k] = v
    else if (k === 'votes') out[k] = shallowEntries(v)
    else out[k] = setMembers(v)
  })
  return out
}

/** A nested set map's members (the ids mapped to `true`), sorted. */
function setMembers(map: Y.Map<unknown>): string[] {
  const ids: string[] = []
  map.forEach((member, id) => {
    if (member === true) ids.push(id)
  })
  return ids.sort()
}

/** A nested map's plain entries, one level only. */
function shallowEntries(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  map.forEach((v, k) => {
    if (!(v instanceof Y.AbstractType)) out[k] = v
  })
  return out
}

/** A flat map (`meta`, `workshop`) as a plain object of its plain values; nested types are ignored. */
export function flatMapToPlain(map: Y.Map<unknown>): Record<string, unknown> {
  return shallowEntries(map)
}

/**
 * Read one record. Whatever a peer wrote, the reader gets a well-formed record: bad fields are
 * repaired to defaults (restore), and a record with an unusable id is skipped.
 */
export function readRecord<C extends CollectionName>(collection: C, id: string, ymap: unknown): RecordsByCollection[C] | undefined {
  if (!(ymap instanceof Y.Map)) return undefined
  const plain = yMapToPlain(ymap as RecordMap)
  plain.id = id // the key is the truth; a stray `id` field cannot alias another record
  // The path names the record in an error only: built when a field is wrong, not for every record read.
  return restoreRecord(collection, plain, () => `${collection}[${JSON.stringify(id)}]`).record
}

