/**
 * The read side: a plain, immutable snapshot of the document, rebuilt incrementally from Y
 * events. Only records a transaction touched are re-read; every other record keeps its object
 * identity, so memoised cards and selectors see no change and do not re-render.
 */
import * as Y from 'yjs'
import { COLLECTIONS, restoreMeta, type AnyRecord, type CollectionName, type Meta, type Snapshot } from '../model'
import { flatMapToPlain, getCollection, getMetaMap, readRecord } from './schema'

export function readMeta(doc: Y.Doc): Meta {
  const raw = flatMapToPlain(getMetaMap(doc))
  const { meta } = restoreMeta(raw)
  if (typeof raw.schemaVersion === 'number') meta.schemaVersion = raw.schemaVersion
  return meta
}

function readCollection(doc: Y.Doc, name: CollectionName): Record<string, AnyRecord> {
  const out: Record<string, AnyRecord> = {}
  for (const [id, ymap] of getCollection(doc, name).entries()) {
    const record = readRecord(name, id, ymap)
    if (record) out[id] = record
  }
  return out
}

export function readSnapshot(doc: Y.Doc): Snapshot {
  const snapshot = { meta: readMeta(doc) } as Record<string, unknown>
  for (const name of COLLECTIONS) snapshot[name] = readCollection(doc, name)
  return snapshot as unknown as Snapshot
}

export interface SnapshotChange {
  snapshot: Snapshot
  /** Record ids whose object changed (added, updated or removed), per collection. */
  changed: Partial<Record<CollectionName, Set<string>>>
  metaChanged: boolean
  origin: unknown
  local: boolean
}

/**
 * Keep a snapshot in step with `doc`. Calls `onChange` once per transaction that touched the
 * document, after Yjs has run its observers. Returns a function that stops observing.
 */
export function observeSnapshot(doc: Y.Doc, onChange: (change: SnapshotChange) => void, localOrigin?: unknown): { current: () => Snapshot; stop: () => void } {
  let snapshot = readSnapshot(doc)
  let dirty: Partial<Record<CollectionName, Set<string>>> = {}
  let metaDirty = false

  const collectionObservers = COLLECTIONS.map((name) => {
    const ymap = getCollection(doc, name)
    const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      const set = (dirty[name] ??= new Set())
      for (const event of events) {
        if (event.target === ymap) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) set.add(key)
        else if (event.path.length > 0) set.add(String(event.path[0]))
      }
    }
    ymap.observeDeep(handler)
    return () => ymap.unobserveDeep(handler)
  })
  const metaMap = getMetaMap(doc)
  const metaHandler = () => {
    metaDirty = true
  }
  metaMap.observe(metaHandler)

  const afterTransaction = (txn: Y.Transaction) => {
    const touched = Object.keys(dirty).length > 0 || metaDirty
    if (!touched) return
    const changed = dirty
    const metaChanged = metaDirty
    dirty = {}
    metaDirty = false
    const next = { ...snapshot } as Record<string, unknown>
    if (metaChanged) next.meta = readMeta(doc)
    for (const name of Object.keys(changed) as CollectionName[]) {
      const ids = changed[name]!
      if (ids.size === 0) continue
      const ymap = getCollection(doc, name)
      const records = { ...snapshot[name] } as Record<string, AnyRecord>
      for (const id of ids) {
        const record = ymap.has(id) ? readRecord(name, id, ymap.get(id)) : undefined
        if (record) records[id] = record
        else delete records[id]
      }
      next[name] = records
    }
    snapshot = next as unknown as Snapshot
    onChange({ snapshot, changed, metaChanged, origin: txn.origin, local: localOrigin !== undefined && txn.origin === localOrigin })
  }
  doc.on('afterTransaction', afterTransaction)

  return {
    current: () => snapshot,
    stop: () => {
      collectionObservers.forEach((off) => off())
      metaMap.unobserve(metaHandler)
      doc.off('afterTransaction', afterTransaction)
    },
  }
}
