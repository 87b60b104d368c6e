/**
 * What an incoming document update does, decided before it is applied (a Yjs update cannot be
 * taken back once integrated), and whether its sender may do it.
 *
 * Only what is new is judged: structs the room does not have yet and deletions of items that are
 * not deleted yet. A reconnecting client re-sends history (its sync step 2 carries its whole
 * delete set); history is never a reason to refuse, and an update that changes nothing is
 * accepted, unapplied and unstored, in every state.
 *
 * Every new struct is located in the schema as a path of map keys — `[collection, recordId]`,
 * `[collection, recordId, field]`, `[collection, recordId, field, key]` for votes and sets of
 * ids, `[meta | workshop, field]` — and its content checked against the document schema (DESIGN.md
 * contract 3 and the README's additions): known names, value types and sizes, nesting only
 * where the schema has it. Tracing is linear: structs are found by client and clock with a binary
 * search, and each origin chain is followed once.
 *
 * Then the rules:
 *  - nobody but the relay writes `meta.schemaVersion`;
 *  - the `workshop` map (timer, lock, voting rounds) is the facilitator's alone;
 *  - while the map is locked only facilitators change anything; others' changes wait (soft).
 */
import * as Y from 'yjs'
import {
  checkFieldValue,
  checkNestedEntry,
  COLLECTIONS,
  fieldShape,
  isId,
  MAX_ID_LENGTH,
  maxNestedEntries,
  RECORD_TYPE_OF,
  restoreMeta,
  type CollectionName,
} from '../../src/model'

export type WriteRefusal = 'locked' | 'facilitator_only' | 'schema_version' | 'schema'

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
}

export type Verdict =
  | { kind: 'apply'; analysis: UpdateAnalysis }
  | { kind: 'noop' }
  /** Apply nothing and ask the sender for everything the room lacks (sync step 1). */
  | { kind: 'missing' }
  /** Hard refusals close the sender's connection; a soft one (the lock) keeps it open. */
  | { kind: 'refuse'; reason: WriteRefusal; hard: boolean; detail: string }

const FACILITATOR_ONLY_ROOT = 'workshop'
const META_FIELDS = new Set(['schemaVersion', 'title', 'description', 'locale', 'createdAt', 'variant', 'asIsMapId', 'toBeMapId'])
const WORKSHOP_FIELDS = new Set(['locked', 'timer', 'voting'])
/** A workshop value is a flag or a small object: timer or voting round. */
const MAX_WORKSHOP_JSON = 2048
/** Records per collection: far beyond a real map (the benchmark map has 3,000 annotations). */
export const MAX_RECORDS_PER_COLLECTION = 20_000
/**
 * New items competing for one map key with the same origin in one update. Each costs Yjs a scan
 * of the others when it integrates (quadratic); a real sync holds a handful at most.
 */
const MAX_CONCURRENT_PER_KEY = 64

export function isLocked(doc: Y.Doc): boolean {
  return doc.getMap('workshop').get('locked') === true
}

export function judgeUpdate(doc: Y.Doc, role: string, update: Uint8Array): Verdict {
  const analysis = analyzeUpdate(doc, update)
  if (analysis.violation) return { kind: 'refuse', reason: 'schema', hard: true, detail: analysis.violation }
  if (analysis.noop) return { kind: 'noop' }
  for (const { path } of analysis.changes) {
    if (path[0] === 'meta' && path[1] === 'schemaVersion') return { kind: 'refuse', reason: 'schema_version', hard: true, detail: 'meta.schemaVersion is written by the relay only' }
  }
  if (role !== 'facilitator') {
    if (analysis.changes.some((c) => c.path[0] === FACILITATOR_ONLY_ROOT)) return { kind: 'refuse', reason: 'facilitator_only', hard: true, detail: 'the workshop controls are the facilitator’s' }
    if (isLocked(doc)) return { kind: 'refuse', reason: 'locked', hard: false, detail: 'the map is locked by the facilitator' }
  }
  if (analysis.missing) return { kind: 'missing' }
  return { kind: 'apply', analysis }
}

type Struct = Y.Item | Y.GC
/** Where a struct sits: under a root type or under another item (a nested map), at a key. */
type Position = { root: string; key: string | null } | { parent: Y.ID; key: string | null }
type Located = SchemaPath | 'missing' | 'dead' | { violation: string }

const isPath = (l: Located): l is SchemaPath => Array.isArray(l)

export interface AnalyzeOptions {
  /**
   * Accept a set of ids written as one plain array (schema v1), for replaying rows stored before
   * v2; the relay migrates the loaded document right after.
   */
  legacySets?: boolean
}

export function analyzeUpdate(doc: Y.Doc, update: Uint8Array, options: AnalyzeOptions = {}): UpdateAnalysis {
  const { structs, ds } = Y.decodeUpdate(update)
  const store = doc.store
  const stateOf = (client: number) => Y.getState(store, client)

  // The update's new structs by client, in clock order (as decoded), for lookups by id.
  const fresh = new Map<number, Struct[]>()
  const expected = new Map<number, number>()
  let missing = false
  for (const s of structs) {
    if (!(s instanceof Y.Item) && !(s instanceof Y.GC)) continue // a Skip: a gap the update itself leaves
    const client = s.id.client
    const state = stateOf(client)
    if (s.id.clock + s.length <= state) continue // history the room has
    const next = expected.get(client) ?? state
    if (s.id.clock > next) missing = true
    expected.set(client, Math.max(next, s.id.clock + s.length))
    const list = fresh.get(client)
    if (list) list.push(s)
    else fresh.set(client, [s])
  }

  const findFresh = (id: Y.ID): Struct | undefined => {
    const list = fresh.get(id.client)
    if (!list) return undefined
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = list[mid]
      if (id.clock < s.id.clock) hi = mid - 1
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1
      else return s
    }
    return undefined
  }
  /** The struct holding `id`: the room's own, else the update's; undefined if neither has it. */
  const findStruct = (id: Y.ID): { struct: Struct; inDoc: boolean } | undefined => {
    if (id.clock < stateOf(id.client)) return { struct: Y.getItem(store, id) as Struct, inDoc: true }
    const own = findFresh(id)
    return own ? { struct: own, inDoc: false } : undefined
  }

  const docPosition = (item: Y.Item): Position => {
    const type = item.parent as Y.AbstractType<unknown>
    if (type._item === null) return { root: Y.findRootTypeKey(type), key: item.parentSub }
    return { parent: type._item.id, key: item.parentSub }
  }

  // Where each decoded item sits: from its own parent info, else from its origin's (iteratively,
  // so a long chain of overwrites of one key costs one walk).
  const positions = new Map<Y.Item, Position | 'missing' | 'dead' | 'orphan'>()
  const positionOf = (item: Y.Item, inDoc: boolean): Position | 'missing' | 'dead' | 'orphan' => {
    if (inDoc) return docPosition(item)
    const chain: Y.Item[] = []
    let current: Y.Item = item
    let result: Position | 'missing' | 'dead' | 'orphan'
    for (;;) {
      const known = positions.get(current)
      if (known) {
        result = known
        break
      }
      const parent = current.parent as unknown
      if (typeof parent === 'string') {
        result = { root: parent, key: current.parentSub }
        break
      }
      if (parent instanceof Y.ID) {
        result = { parent, key: current.parentSub }
        break
      }
      chain.push(current)
      const next = current.origin ?? current.rightOrigin
      if (!next) {
        result = 'orphan'
        break
      }
      const found = findStruct(next)
      if (!found) {
        result = 'missing'
        break
      }
      if (!(found.struct instanceof Y.Item)) {
        result = 'dead' // placed beside collected content: Yjs collects it too
        break
      }
      if (found.inDoc) {
        result = docPosition(found.struct)
        break
      }
      current = found.struct
    }
    positions.set(item, result)
    for (const c of chain) positions.set(c, result)
    return result
  }

  // The full path of a position, through at most three nested maps.
  const parentPaths = new Map<Y.Item, Located>()
  const pathOf = (position: Position): Located => {
    if ('root' in position) return position.key === null ? { violation: `${position.root}: a list insert where the schema has only maps` } : [position.root, position.key]
    const found = findStruct(position.parent)
    if (!found) return 'missing'
    const parent = found.struct
    if (!(parent instanceof Y.Item)) return 'dead'
    let located = parentPaths.get(parent)
    if (!located) {
      located = locateType(parent, found.inDoc)
      parentPaths.set(parent, located)
    }
    if (!isPath(located)) return located
    if (position.key === null) return { violation: `${located.join('.')}: a list insert where the schema has only maps` }
    if (located.length >= 4) return { violation: `${located.join('.')}: nested deeper than the schema allows` }
    return [...located, position.key]
  }
  const locateType = (item: Y.Item, inDoc: boolean): Located => {
    if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Map)) {
      if (item.content instanceof Y.ContentDeleted) return 'dead'
      return { violation: 'writes into something that is not a map' }
    }
    const position = positionOf(item, inDoc)
    if (typeof position === 'string') return position === 'orphan' ? { violation: 'an item with no parent' } : position
    return pathOf(position)
  }

  const changes: Change[] = []
  let violation: string | null = null
  const newKeys = new Map<string, Set<string>>()
  const concurrent = new Map<string, number>()

  for (const list of fresh.values()) {
    for (const s of list) {
      if (!(s instanceof Y.Item)) continue // collected content: nothing to place or check
      const position = positionOf(s, false)
      if (position === 'missing') {
        missing = true
        continue
      }
      if (position === 'dead') continue
      if (position === 'orphan') {
        violation ??= 'an item with no parent'
        continue
      }
      const path = pathOf(position)
      if (path === 'missing') {
        missing = true
        continue
      }
      if (path === 'dead') continue
      if (!isPath(path)) {
        violation ??= path.violation
        continue
      }
      const problem = checkInsert(path, s.content, options.legacySets === true)
      if (problem) {
        violation ??= `${path.join('.')}: ${problem}`
        continue
      }
      const container = path.slice(0, -1).join('\u0000')
      const keys = newKeys.get(container)
      if (keys) keys.add(path[path.length - 1])
      else newKeys.set(container, new Set([path[path.length - 1]]))
      const sameOrigin = `${path.join('\u0000')}\u0001${s.origin ? `${s.origin.client}:${s.origin.clock}` : '-'}`
      const n = (concurrent.get(sameOrigin) ?? 0) + 1
      concurrent.set(sameOrigin, n)
      if (n > MAX_CONCURRENT_PER_KEY) violation ??= `${path.join('.')}: too many concurrent writes to one key`
      changes.push({ op: 'insert', path, value: s.content instanceof Y.ContentAny ? s.content.arr[s.content.arr.length - 1] : undefined })
    }
  }
  violation ??= checkSizes(doc, newKeys)

  // Deletions: only of items that exist and are not deleted yet.
  for (const [client, ranges] of ds.clients) {
    const state = stateOf(client)
    const docStructs = store.clients.get(client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (docStructs && clock < state) {
        let i = Y.findIndexSS(docStructs, clock)
        while (i < docStructs.length && docStructs[i].id.clock < end) {
          const s = docStructs[i++]
          if (!(s instanceof Y.Item) || s.deleted) continue
          const path = pathOf(docPosition(s))
          if (isPath(path)) changes.push({ op: 'delete', path })
          // An item in the room always has a place; anything else is content already collected.
        }
      }
      // Clocks the room lacks must come with this update (deleted as they are made), or they are missing.
      for (let c = Math.max(clock, state); c < end; ) {
        const own = findFresh(Y.createID(client, c))
        if (!own) {
          missing = true
          break
        }
        c = own.id.clock + own.length
      }
    }
  }

  return { noop: fresh.size === 0 && changes.length === 0 && !missing, missing, changes, violation }
}

/** Does this content fit where it is written? Null when it does. */
function checkInsert(path: SchemaPath, content: Y.Item['content'], legacySets: boolean): string | null {
  const [root, key, field, entry] = path
  const deleted = content instanceof Y.ContentDeleted
  const isMap = content instanceof Y.ContentType && content.type instanceof Y.Map
  // One struct may hold several values of a key: Yjs merges a client's consecutive values, once
  // overwritten, when they are kept from collection (the app's undo manager keeps them), and a
  // re-send (reconnect, unlock) carries the merged struct. The last is the key's value; each must fit.
  const plain = (check: (v: unknown) => string | null): string | null => {
    if (deleted) return null
    if (!(content instanceof Y.ContentAny)) return 'expected plain values'
    for (const v of content.arr) {
      const problem = check(v)
      if (problem) return problem
    }
    return null
  }

  if (root === 'meta' || root === FACILITATOR_ONLY_ROOT) {
    if (path.length !== 2) return 'nested deeper than the schema allows'
    if (root === 'meta') {
      if (!META_FIELDS.has(key)) return 'unknown field'
      return plain((v) => {
        if (key === 'schemaVersion') return Number.isInteger(v) && (v as number) >= 1 ? null : 'expected a positive integer'
        const { errors } = restoreMeta({ [key]: v })
        return errors.length ? errors[0].message : null
      })
    }
    if (!WORKSHOP_FIELDS.has(key)) return 'unknown field'
    return plain((v) => {
      if (key === 'locked') return typeof v === 'boolean' ? null : 'expected true or false'
      if (v !== null && (typeof v !== 'object' || Array.isArray(v))) return 'expected an object or null'
      return JSON.stringify(v).length > MAX_WORKSHOP_JSON ? `expected at most ${MAX_WORKSHOP_JSON} characters of JSON` : null
    })
  }
  if (!(COLLECTIONS as readonly string[]).includes(root)) return 'unknown collection'
  const collection = root as CollectionName
  if (path.length === 2) {
    if (!isId(RECORD_TYPE_OF[collection], key) || key.length > MAX_ID_LENGTH) return `expected a ${RECORD_TYPE_OF[collection]} id as the key`
    return deleted || isMap ? null : 'expected a record map'
  }
  const shape = fieldShape(collection, field)
  if (!shape) return 'unknown field'
  if (path.length === 3) {
    if (shape === 'value') return plain((v) => checkFieldValue(collection, field, v, key))
    if (shape === 'set' && legacySets && content instanceof Y.ContentAny) return plain((v) => checkLegacySet(collection, field, v))
    return deleted || isMap ? null : 'expected a nested map'
  }
  if (shape === 'value') return 'nested deeper than the schema allows'
  return plain((v) => checkNestedEntry(collection, field, entry, v))
}

function checkLegacySet(collection: CollectionName, field: string, value: unknown): string | null {
  if (!Array.isArray(value)) return 'expected a list of ids'
  for (const id of value) {
    const problem = typeof id === 'string' ? checkNestedEntry(collection, field, id, true) : 'expected an id'
    if (problem) return problem
  }
  return null
}

/** Collections and nested maps stay within their caps once this update's new keys are added. */
function checkSizes(doc: Y.Doc, newKeys: Map<string, Set<string>>): string | null {
  for (const [container, keys] of newKeys) {
    const [root, recordId, field] = container.split('\u0000')
    if (!(COLLECTIONS as readonly string[]).includes(root)) continue
    const collection = doc.getMap(root) as Y.Map<unknown>
    if (recordId === undefined) {
      const added = [...keys].filter((k) => !collection.has(k)).length
      if (added && collection.size + added > MAX_RECORDS_PER_COLLECTION) return `${root}: more than ${MAX_RECORDS_PER_COLLECTION} records`
      continue
    }
    if (field === undefined) continue
    const record = collection.get(recordId)
    const nested = record instanceof Y.Map ? record.get(field) : undefined
    const existing = nested instanceof Y.Map ? nested : undefined
    const max = maxNestedEntries(root as CollectionName, field)
    const added = [...keys].filter((k) => !existing?.has(k)).length
    if ((existing?.size ?? 0) + added > max) return `${container.split('\u0000').join('.')}: more than ${max} entries`
  }
  return null
}
