/**
 * The document schema as the relay checks a write (DESIGN.md contract 3 and the README's
 * additions): which content fits at which path, and the caps on records and nested maps. The
 * analysis (updateAnalysis.ts) finds each write's path; this says whether it fits.
 */
import * as Y from 'yjs'
import { checkFieldValue, checkNestedEntry, COLLECTIONS, fieldShape, isId, MAX_ID_LENGTH, maxNestedEntries, RECORD_TYPE_OF, restoreMeta, type CollectionName } from '../../src/model'
import { Y_MAP_TYPE_REF, type RawContent } from './updateFormat'
import type { SchemaPath } from './updateAnalysis'

/** The workshop map (timer, lock, voting rounds): the facilitator's alone. */
export const FACILITATOR_ONLY_ROOT = 'workshop'
/** The relay's roll of participants (src/doc/participants.ts): written by the relay, read by all. */
export const RELAY_ONLY_ROOT = 'participants'
/** A roll entry: `{seat, revoked, joinedAt}`, a few dozen characters. */
const MAX_ROLL_ENTRY_JSON = 256
const META_FIELDS = new Set(['schemaVersion', 'title', 'description', 'locale', 'createdAt', 'variant', 'asIsMapId', 'toBeMapId'])
const WORKSHOP_FIELDS = new Set(['locked', 'timer', 'voting', 'writing'])
/** A workshop value is a flag or a small object: timer, voting round or writing round. */
const MAX_WORKSHOP_JSON = 2048
/** Records per collection: far beyond a real map (the benchmark map has 3,000 annotations). */
export const MAX_RECORDS_PER_COLLECTION = 20_000

/** The new keys an update writes, per container (`root` or `root\0record\0field`), for the caps. */
export type NewKeys = Map<string, Set<string>>

/** A write as the schema checks it: where it lands and what it holds. */
interface Write {
  path: SchemaPath
  content: RawContent
}

const isDeleted = (content: RawContent) => content.kind === 'deleted'
const isMapContent = (content: RawContent) => content.kind === 'type' && content.typeRef === Y_MAP_TYPE_REF
const NESTED_TOO_DEEP = 'nested deeper than the schema allows'

/**
 * Each plain value a write holds passes `check`. One struct may hold several values of a key: Yjs
 * merges a client's consecutive values, once overwritten, when they are kept from collection (the
 * app's undo manager keeps them), and a re-send (reconnect, unlock) carries the merged struct. The
 * last is the key's value; each must fit.
 */
function plainValues(content: RawContent, check: (v: unknown) => string | null): string | null {
  if (isDeleted(content)) return null
  if (content.kind !== 'any' || content.values.length === 0) return 'expected plain values'
  for (const v of content.values) {
    const problem = check(v)
    if (problem) return problem
  }
  return null
}

/** Does this content fit where it is written? Null when it does. */
export function checkInsert(path: SchemaPath, content: RawContent, legacySets: boolean, relayWrites: boolean): string | null {
  const write: Write = { path, content }
  const root = path[0]
  // A participant's write to the roll is refused by the rules (`relay_only`); the shape matters for the relay's own.
  if (root === RELAY_ONLY_ROOT) return relayWrites ? checkRollEntry(write) : null
  if (root === 'meta') return checkMetaField(write)
  if (root === FACILITATOR_ONLY_ROOT) return checkWorkshopField(write)
  if (!(COLLECTIONS as readonly string[]).includes(root)) return 'unknown collection'
  return checkRecordWrite(write, legacySets)
}

/** `participants.<participant id>`: a small object the relay writes. */
function checkRollEntry({ path, content }: Write): string | null {
  if (path.length !== 2) return NESTED_TOO_DEEP
  if (!/^p_[A-Za-z0-9_-]{1,40}$/.test(path[1])) return 'expected a participant id as the key'
  return plainValues(content, (v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && JSON.stringify(v).length <= MAX_ROLL_ENTRY_JSON ? null : `expected an object of at most ${MAX_ROLL_ENTRY_JSON} characters of JSON`,
  )
}

/** `meta.<field>`: the map's own fields, as `restoreMeta` reads them. */
function checkMetaField({ path, content }: Write): string | null {
  const key = path[1]
  if (path.length !== 2) return NESTED_TOO_DEEP
  if (!META_FIELDS.has(key)) return 'unknown field'
  return plainValues(content, (v) => {
    if (key === 'schemaVersion') return Number.isInteger(v) && (v as number) >= 1 ? null : 'expected a positive integer'
    const { errors } = restoreMeta({ [key]: v })
    return errors.length ? errors[0].message : null
  })
}

/** `workshop.<field>`: the lock (a flag), the timer and the voting round (small objects). */
function checkWorkshopField({ path, content }: Write): string | null {
  const key = path[1]
  if (path.length !== 2) return NESTED_TOO_DEEP
  if (!WORKSHOP_FIELDS.has(key)) return 'unknown field'
  return plainValues(content, (v) => {
    if (key === 'locked') return typeof v === 'boolean' ? null : 'expected true or false'
    if (v !== null && (typeof v !== 'object' || Array.isArray(v))) return 'expected an object or null'
    return JSON.stringify(v).length > MAX_WORKSHOP_JSON ? `expected at most ${MAX_WORKSHOP_JSON} characters of JSON` : null
  })
}

/** `<collection>.<id>`, `.<field>` or `.<field>.<key>`: a record, its fields, its votes and sets of ids. */
function checkRecordWrite({ path, content }: Write, legacySets: boolean): string | null {
  const [root, key, field, entry] = path
  const collection = root as CollectionName
  const mapOrDeleted = isDeleted(content) || isMapContent(content)
  if (path.length === 2) {
    if (!isId(RECORD_TYPE_OF[collection], key) || key.length > MAX_ID_LENGTH) return `expected a ${RECORD_TYPE_OF[collection]} id as the key`
    return mapOrDeleted ? null : 'expected a record map'
  }
  const shape = fieldShape(collection, field)
  if (!shape) return 'unknown field'
  if (path.length === 3) {
    if (shape === 'value') return plainValues(content, (v) => checkFieldValue(collection, field, v, key))
    if (shape === 'set' && legacySets && content.kind === 'any') return plainValues(content, (v) => checkLegacySet(collection, field, v))
    return mapOrDeleted ? null : 'expected a nested map'
  }
  if (shape === 'value') return NESTED_TOO_DEEP
  return plainValues(content, (v) => checkNestedEntry(collection, field, entry, v))
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
export function checkSizes(doc: Y.Doc, newKeys: NewKeys): string | null {
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
