/**
 * What an incoming update changes, read before it is applied (a Yjs update cannot be taken back
 * once integrated): the write policy's facts (writePolicy.ts judges them).
 *
 * Only what is new is read: structs the room does not have yet and deletions of items that are
 * not deleted yet. A reconnecting client re-sends history (its sync step 2 carries its whole
 * delete set); history changes nothing.
 *
 * Every new struct is located in the schema as a path of map keys — `[collection, recordId]`,
 * `[collection, recordId, field]`, `[collection, recordId, field, key]` for votes and sets of
 * ids, `[meta | workshop, field]` — and its content checked against the document schema (DESIGN.md
 * contract 3 and the README's additions; see schemaShape.ts). Tracing is linear: structs are found
 * by client and clock with a binary search, and each origin chain is followed once.
 *
 * The steps, one function each: `freshStructs` (what is new, and gaps), `StructTracer` (where a
 * struct sits), `readInserts` (each new item's path, shape and caps), `readDeletions`.
 */
import * as Y from 'yjs'
import { readUpdate, Y_MAP_TYPE_REF, type RawId, type RawStruct, type RawUpdate } from './updateFormat'
import { checkInsert, checkSizes, type NewKeys } from './schemaShape'

/** Where a write lands: map keys from the root down. */
export type SchemaPath = readonly string[]

export interface Change {
  op: 'insert' | 'delete'
  path: SchemaPath
  /** The plain value an insert writes (undefined for records, nested maps and deleted content). */
  value?: unknown
}

export interface UpdateAnalysis {
  /** Nothing the room does not already have. */
  noop: boolean
  /** Some of it builds on structs the room lacks (a gap in a client's clock, an unknown origin). */
  missing: boolean
  changes: Change[]
  /** The first way it breaks the schema, as `path: problem`; null when it fits. */
  violation: string | null
  /** How many structs the room does not have yet: what applying it will cost. */
  newStructs: number
}

export interface AnalyzeOptions {
  /**
   * Accept a set of ids written as one plain array (schema v1), for replaying rows stored before
   * v2; the relay migrates the loaded document right after.
   */
  legacySets?: boolean
  /** Accept what only the relay writes (the roll of participants), for replaying stored rows. */
  relayWrites?: boolean
}

/**
 * New items competing for one map key with the same origin in one update. Each costs Yjs a scan
 * of the others when it integrates (quadratic); a real sync holds a handful at most.
 */
const MAX_CONCURRENT_PER_KEY = 64

export function analyzeUpdate(doc: Y.Doc, update: Uint8Array | RawUpdate, options: AnalyzeOptions = {}): UpdateAnalysis {
  const parsed = update instanceof Uint8Array ? readUpdate(update) : update
  const fresh = freshStructs(doc, parsed)
  const tracer = new StructTracer(doc, fresh.byClient)
  const inserts = readInserts(doc, tracer, fresh.byClient, fresh.count, options)
  const deletions = readDeletions(doc, tracer, parsed.deletes)
  const missing = fresh.gap || inserts.missing || deletions.missing
  const changes = deletions.changes.length ? [...inserts.changes, ...deletions.changes] : inserts.changes
  return { noop: fresh.byClient.size === 0 && changes.length === 0 && !missing, missing, changes, violation: inserts.violation, newStructs: fresh.count }
}

/** The update's structs the room lacks, by client in clock order; `gap` when a client's clock skips ahead of what the room has. */
function freshStructs(doc: Y.Doc, parsed: RawUpdate): { byClient: Map<number, RawStruct[]>; gap: boolean; count: number } {
  const byClient = new Map<number, RawStruct[]>()
  let gap = false
  let count = 0
  for (const { client, structs } of parsed.blocks) {
    const state = Y.getState(doc.store, client)
    let expected = state
    const list: RawStruct[] = []
    for (const s of structs) {
      if (s.kind === 'skip' || s.clock + s.length <= state) continue // a gap the update leaves, or history the room has
      if (s.clock > expected) gap = true
      expected = Math.max(expected, s.clock + s.length)
      list.push(s)
    }
    if (list.length) byClient.set(client, list)
    count += list.length
  }
  return { byClient, gap, count }
}

/** Where a struct sits: under a root type or under another item (a nested map), at a key. */
type Position = { root: string; key: string | null } | { parent: RawId; key: string | null }
type Place = Position | 'missing' | 'dead' | 'orphan'
/** A struct's path in the schema, or why it has none: it builds on what the room lacks, it is collected, or it breaks the schema. */
type Located = SchemaPath | 'missing' | 'dead' | { violation: string }
/** A struct of the update or of the room's document. */
type Found = { raw: RawStruct; doc?: undefined } | { raw?: undefined; doc: Y.Item | Y.GC }

const isPath = (l: Located): l is SchemaPath => Array.isArray(l)

const docPosition = (item: Y.Item): Position => {
  const type = item.parent as Y.AbstractType<unknown>
  if (type._item === null) return { root: Y.findRootTypeKey(type), key: item.parentSub }
  return { parent: type._item.id, key: item.parentSub }
}

/**
 * Finds where structs sit, in the room's document or in the update, and remembers what it found:
 * each origin chain and each nested map is walked once per update.
 */
class StructTracer {
  private readonly places = new Map<RawStruct, Place>()
  private readonly typePaths = new Map<RawStruct | Y.Item, Located>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly fresh: Map<number, RawStruct[]>,
  ) {}

  /** The schema path a new item of the update writes to. */
  locate(item: RawStruct): Located {
    const place = this.placeOf(item)
    if (place === 'orphan') return { violation: 'an item with no parent' }
    return typeof place === 'string' ? place : this.pathOf(place)
  }

  /** The schema path of an item the room holds. */
  locateInDoc(item: Y.Item): Located {
    return this.pathOf(docPosition(item))
  }

  /** The update's own struct holding clock `clock` of `client`, if it brings one. */
  findFresh(client: number, clock: number): RawStruct | undefined {
    const list = this.fresh.get(client)
    if (!list) return undefined
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid]
      if (clock < s.clock) hi = mid - 1
      else if (clock >= s.clock + s.length) lo = mid + 1
      else return s
    }
    return undefined
  }

  /** The struct holding `id`: the room's own, else the update's; undefined if neither has it. */
  private findStruct(id: RawId): Found | undefined {
    const store = this.doc.store
    if (id.clock < Y.getState(store, id.client)) return { doc: Y.getItem(store, Y.createID(id.client, id.clock)) as Y.Item | Y.GC }
    const raw = this.findFresh(id.client, id.clock)
    return raw ? { raw } : undefined
  }

  /**
   * Where a new item sits: from its own parent info, else from its origin's, followed
   * iteratively; every struct walked remembers the answer, so a long chain of overwrites of one
   * key costs one walk.
   */
  private placeOf(item: RawStruct): Place {
    const walked: RawStruct[] = []
    let step: Place | RawStruct = item
    while (typeof step === 'object' && 'kind' in step) {
      walked.push(step)
      step = this.stepFrom(step)
    }
    for (const s of walked) this.places.set(s, step)
    return step
  }

  /** A struct's place when it says or is known, else the struct it was written beside, to follow. */
  private stepFrom(s: RawStruct): Place | RawStruct {
    const known = this.places.get(s)
    if (known) return known
    if (typeof s.parent === 'string') return { root: s.parent, key: s.parentSub }
    if (s.parent) return { parent: s.parent, key: s.parentSub }
    const next = s.origin ?? s.rightOrigin
    if (!next) return 'orphan'
    const found = this.findStruct(next)
    if (!found) return 'missing'
    // Placed beside collected content, Yjs collects it too.
    if (found.doc) return found.doc instanceof Y.Item ? docPosition(found.doc) : 'dead'
    return found.raw.kind === 'item' ? found.raw : 'dead'
  }

  /** The full path of a position, through at most three nested maps. */
  private pathOf(position: Position): Located {
    if ('root' in position) return position.key === null ? { violation: `${position.root}: a list insert where the schema has only maps` } : [position.root, position.key]
    const found = this.findStruct(position.parent)
    if (!found) return 'missing'
    const parent = found.doc ?? found.raw
    let located = this.typePaths.get(parent as RawStruct | Y.Item)
    if (!located) {
      located = found.doc ? this.locateDocType(found.doc) : this.locateRawType(found.raw)
      this.typePaths.set(parent as RawStruct | Y.Item, located)
    }
    if (!isPath(located)) return located
    if (position.key === null) return { violation: `${located.join('.')}: a list insert where the schema has only maps` }
    if (located.length >= 4) return { violation: `${located.join('.')}: nested deeper than the schema allows` }
    return [...located, position.key]
  }

  /** The path of a map the room holds, as a parent of something written into it. */
  private locateDocType(item: Y.Item | Y.GC): Located {
    if (!(item instanceof Y.Item)) return 'dead'
    if (!(item.content instanceof Y.ContentType)) return item.content instanceof Y.ContentDeleted ? 'dead' : { violation: 'writes into something that is not a map' }
    if (!(item.content.type instanceof Y.Map)) return { violation: 'writes into something that is not a map' }
    return this.pathOf(docPosition(item))
  }

  /** The path of a map the update makes, as a parent of something written into it. */
  private locateRawType(item: RawStruct): Located {
    if (item.kind !== 'item' || item.content?.kind === 'deleted') return 'dead'
    if (item.content?.kind !== 'type' || item.content.typeRef !== Y_MAP_TYPE_REF) return { violation: 'writes into something that is not a map' }
    return this.locate(item)
  }
}

/** Each new item's path, checked against the schema, the caps on keys and the concurrency per key. */
function readInserts(doc: Y.Doc, tracer: StructTracer, fresh: Map<number, RawStruct[]>, freshCount: number, options: AnalyzeOptions): { changes: Change[]; violation: string | null; missing: boolean } {
  const changes: Change[] = []
  let violation: string | null = null
  let missing = false
  const newKeys: NewKeys = new Map()
  // No key can have more concurrent writes than the update has new structs: a small update (every
  // live edit) is not counted, which built a string key per insert.
  const concurrent = freshCount > MAX_CONCURRENT_PER_KEY ? new Map<string, number>() : null
  for (const list of fresh.values()) {
    for (const s of list) {
      if (s.kind !== 'item') continue // collected content: nothing to place or check
      const path = tracer.locate(s)
      if (path === 'missing') missing = true
      if (!isPath(path)) {
        if (typeof path === 'object') violation ??= path.violation
        continue
      }
      const problem = checkInsert(path, s.content!, options.legacySets === true, options.relayWrites === true)
      if (problem) {
        violation ??= `${path.join('.')}: ${problem}`
        continue
      }
      noteNewKey(newKeys, path)
      if (concurrent && countConcurrent(concurrent, path, s.origin) > MAX_CONCURRENT_PER_KEY) violation ??= `${path.join('.')}: too many concurrent writes to one key`
      changes.push({ op: 'insert', path, value: s.content?.kind === 'any' ? s.content.values[s.content.values.length - 1] : undefined })
    }
  }
  violation ??= checkSizes(doc, newKeys)
  return { changes, violation, missing }
}

/** Record counts and nested maps have caps (`checkSizes`); a record's own fields are a fixed set. */
function noteNewKey(newKeys: NewKeys, path: SchemaPath): void {
  if (path.length === 3) return
  const container = path.slice(0, -1).join('\u0000')
  const keys = newKeys.get(container)
  if (keys) keys.add(path[path.length - 1])
  else newKeys.set(container, new Set([path[path.length - 1]]))
}

/** How many of the update's items so far write this key with this origin. */
function countConcurrent(concurrent: Map<string, number>, path: SchemaPath, origin: RawId | null): number {
  const sameOrigin = `${path.join('\u0000')}\u0001${origin ? `${origin.client}:${origin.clock}` : '-'}`
  const n = (concurrent.get(sameOrigin) ?? 0) + 1
  concurrent.set(sameOrigin, n)
  return n
}

/**
 * Deletions of items the room holds and has not deleted yet; `missing` when the update deletes
 * clocks the room lacks and does not bring (they must come with it, deleted as they are made).
 */
function readDeletions(doc: Y.Doc, tracer: StructTracer, deletes: RawUpdate['deletes']): { changes: Change[]; missing: boolean } {
  const changes: Change[] = []
  let missing = false
  for (const [client, ranges] of deletes) {
    const state = Y.getState(doc.store, client)
    const docStructs = doc.store.clients.get(client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (docStructs && clock < state) {
        let i = Y.findIndexSS(docStructs, clock)
        while (i < docStructs.length && docStructs[i].id.clock < end) {
          const s = docStructs[i++]
          if (!(s instanceof Y.Item) || s.deleted) continue
          const path = tracer.locateInDoc(s)
          if (isPath(path)) changes.push({ op: 'delete', path })
          // An item in the room always has a place; anything else is content already collected.
        }
      }
      for (let c = Math.max(clock, state); c < end; ) {
        const own = tracer.findFresh(client, c)
        if (!own) {
          missing = true
          break
        }
        c = own.clock + own.length
      }
    }
  }
  return { changes, missing }
}
