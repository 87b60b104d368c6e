import * as Y from 'yjs'
import {
  assertValidRecord,
  byOrder,
  fieldShape,
  formatError,
  keyForIndex,
  restoreRecord,
  type AnyRecord,
  type CollectionName,
  type ErrorCode,
  type RecordsByCollection,
} from '../model'
import { getCollection, LOCAL_ORIGIN, readRecord, recordToYMap, writeSet, type RecordMap } from '../doc'

/**
 * A command that cannot run: bad arguments or a record that is gone. Nothing was written. `code`
 * says what went wrong (the interface words it from the catalogs); the message is for developers.
 */
export class CommandError extends Error {
  override name = 'CommandError'
  constructor(
    readonly code: CommandErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export type CommandErrorCode = Extract<ErrorCode, 'not-found' | 'invalid' | 'map-not-empty' | 'no-open-round' | 'votes-spent'>

/** Run `fn` as one local transaction: one undo step, one sync update. */
export function transactLocal<T>(doc: Y.Doc, fn: () => T): T {
  let result!: T
  doc.transact(() => {
    result = fn()
  }, LOCAL_ORIGIN)
  return result
}

export function getRecord<C extends CollectionName>(doc: Y.Doc, collection: C, id: string): RecordsByCollection[C] | undefined {
  const ymap = getCollection(doc, collection).get(id)
  return ymap ? readRecord(collection, id, ymap) : undefined
}

export function requireRecord<C extends CollectionName>(doc: Y.Doc, collection: C, id: string): RecordsByCollection[C] {
  const record = getRecord(doc, collection, id)
  if (!record) throw new CommandError('not-found', `${collection}[${JSON.stringify(id)}]: no such record (deleted by someone else?)`)
  return record
}

export function listRecords<C extends CollectionName>(doc: Y.Doc, collection: C, filter?: (r: RecordsByCollection[C]) => boolean): RecordsByCollection[C][] {
  const out: RecordsByCollection[C][] = []
  for (const [id, ymap] of getCollection(doc, collection).entries()) {
    const r = readRecord(collection, id, ymap)
    if (r && (!filter || filter(r))) out.push(r)
  }
  return out
}

export function insertRecord<C extends CollectionName>(doc: Y.Doc, collection: C, record: RecordsByCollection[C]): void {
  let valid: RecordsByCollection[C]
  try {
    valid = assertValidRecord(collection, record)
  } catch (e) {
    throw new CommandError('invalid', (e as Error).message)
  }
  getCollection(doc, collection).set(valid.id, recordToYMap(collection, valid as AnyRecord))
}

/**
 * Write only the fields that differ, after validating the merged record: a no-op edit writes
 * nothing, and two peers editing different fields of one card both keep their change.
 *
 * Only the patched fields can refuse the edit. A record may hold a field the reader had to
 * repair (a rogue peer's write, or a card whose undo was only partly restored next to a
 * colleague's concurrent edit); that must not block setting, say, its emotion, and the error
 * must name the field the user touched.
 */
export function patchRecord<C extends CollectionName>(doc: Y.Doc, collection: C, id: string, patch: Partial<RecordsByCollection[C]>): RecordsByCollection[C] {
  const current = requireRecord(doc, collection, id)
  const merged = { ...current, ...patch, id: current.id } as RecordsByCollection[C]
  const prefix = `${collection}[${JSON.stringify(id)}].`
  const patched = new Set(Object.keys(patch))
  const fieldOf = (path: string) => path.slice(prefix.length).split(/[.[]/)[0]
  const problems = restoreRecord(collection, merged, prefix.slice(0, -1)).errors.filter((e) => patched.has(fieldOf(e.path)))
  if (problems.length) throw new CommandError('invalid', problems.map(formatError).join('\n'))
  const ymap = getCollection(doc, collection).get(id) as RecordMap
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || value === undefined) continue
    const before = (current as unknown as Record<string, unknown>)[key]
    if (fieldShape(collection, key) === 'set') {
      if (!sameMembers(before as string[], value as string[])) writeSet(ymap, key, value as string[])
    } else if (before !== value) ymap.set(key, value)
  }
  return merged
}

/** The fractional key that puts an item at `index` among `siblings` (the item itself excluded). */
export function orderAt<T extends { id: string; order: string }>(siblings: T[], index: number | undefined, selfId?: string): string {
  const sorted = siblings.filter((s) => s.id !== selfId).sort(byOrder)
  return keyForIndex(sorted, index ?? sorted.length)
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a)
  return set.size === new Set(b).size && b.every((id) => set.has(id))
}
