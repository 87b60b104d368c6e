/**
 * The JSON interchange format v1 (DESIGN.md contract 4): records as in the document schema,
 * arrays instead of maps, votes as an object. `parseJourneyJson` runs restore → migrate →
 * validate and returns either a whole snapshot or every error with its path; nothing is ever
 * half-applied because nothing is applied here at all.
 */
import { byOrder } from './fractionalIndex'
import { restoreMeta } from './meta'
import { migrate, SCHEMA_VERSION, type JsonObject } from './migrations'
import { COLLECTIONS, PHASES, type AnyRecord, type CollectionName, type Snapshot } from './records'
import { restoreRecord, type ValidationError } from './validate'

export const JSON_FORMAT = 'journey-map'
/** A file larger than this is refused before parsing (a map of 1,000 cards is ~1 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const MAX_RECORDS_PER_COLLECTION = 50_000

export interface JourneyJson {
  format: typeof JSON_FORMAT
  schemaVersion: number
  meta: Record<string, unknown>
  personas: unknown[]
  stages: unknown[]
  touchpoints: unknown[]
  annotations: unknown[]
  links: unknown[]
  comments: unknown[]
  /** Additive collections (README "Document additions"): a file without them reads as empty. */
  actions: unknown[]
  promises: unknown[]
  servicePriorities: unknown[]
  /** Customer feedback by reference (README "Document additions"). */
  feedbackSets: unknown[]
  feedbackLinks: unknown[]
  quotes: unknown[]
  /** The service blueprint (README "Document additions"): a file written before it reads as empty. */
  blueprintItems: unknown[]
}

const phaseRank = (p: string) => PHASES.indexOf(p as (typeof PHASES)[number])

function sortedRecords(snapshot: Snapshot, collection: CollectionName): AnyRecord[] {
  const records = Object.values(snapshot[collection]) as AnyRecord[]
  switch (collection) {
    case 'stages':
      return (records as Snapshot['stages'][string][]).sort((a, b) => phaseRank(a.phase) - phaseRank(b.phase) || byOrder(a, b))
    case 'personas':
    case 'touchpoints':
    case 'annotations':
    case 'actions':
    case 'promises':
    case 'servicePriorities':
    case 'blueprintItems':
      return (records as { id: string; order: string }[]).sort(byOrder) as AnyRecord[]
    case 'comments':
      return (records as Snapshot['comments'][string][]).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    default:
      return records.sort((a, b) => a.id.localeCompare(b.id))
  }
}

/** A snapshot as a contract-4 object, in a stable order so the same map always exports the same bytes. */
export function toJourneyJson(snapshot: Snapshot): JourneyJson {
  const { meta } = snapshot
  const out: JourneyJson = {
    format: JSON_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    meta: {
      title: meta.title,
      description: meta.description,
      locale: meta.locale,
      createdAt: meta.createdAt,
      variant: meta.variant,
      asIsMapId: meta.asIsMapId,
      toBeMapId: meta.toBeMapId,
    },
    personas: [],
    stages: [],
    touchpoints: [],
    annotations: [],
    links: [],
    comments: [],
    actions: [],
    promises: [],
    servicePriorities: [],
    feedbackSets: [],
    feedbackLinks: [],
    quotes: [],
    blueprintItems: [],
  }
  for (const c of COLLECTIONS) out[c] = sortedRecords(snapshot, c).map((r) => structuredClone(r))
  return out
}

export function stringifyJourneyJson(snapshot: Snapshot): string {
  return JSON.stringify(toJourneyJson(snapshot), null, 2) + '\n'
}

/** Every collection, empty: the start of a snapshot, and what a file written before a collection existed holds. */
export function emptyCollections(): Omit<Snapshot, 'meta'> {
  return { personas: {}, stages: {}, touchpoints: {}, annotations: {}, links: {}, comments: {}, actions: {}, promises: {}, servicePriorities: {}, feedbackSets: {}, feedbackLinks: {}, quotes: {}, blueprintItems: {} }
}

export type ParseResult = { ok: true; snapshot: Snapshot; migrated: string[] } | { ok: false; errors: ValidationError[] }

/** Parse text or an already-parsed value. Never throws. */
export function parseJourneyJson(input: string | unknown): ParseResult {
  let raw: unknown = input
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_BYTES) return fail('$', `file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
    try {
      raw = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input)
    } catch (e) {
      return fail('$', `not valid JSON (${(e as Error).message})`)
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('$', 'expected a journey-map object')
  const obj = raw as JsonObject
  if (obj.format !== JSON_FORMAT) return fail('format', `expected "${JSON_FORMAT}", got ${JSON.stringify(obj.format)}`)

  // migrate
  const migrated = migrate(obj)
  if (!migrated.ok) return fail('schemaVersion', migrated.message.replace(/^schemaVersion: /, ''))
  const doc = migrated.doc

  // restore + validate
  const errors: ValidationError[] = []
  const { meta, errors: metaErrors } = restoreMeta(doc.meta)
  errors.push(...metaErrors)
  const snapshot: Snapshot = { meta, ...emptyCollections() }
  for (const collection of COLLECTIONS) {
    const list = doc[collection]
    if (list === undefined) continue
    if (!Array.isArray(list)) {
      errors.push({ path: collection, message: 'expected an array' })
      continue
    }
    if (list.length > MAX_RECORDS_PER_COLLECTION) {
      errors.push({ path: collection, message: `expected at most ${MAX_RECORDS_PER_COLLECTION} records, got ${list.length}` })
      continue
    }
    const target = snapshot[collection] as Record<string, AnyRecord>
    list.forEach((item, i) => {
      const { record, errors: recErrors } = restoreRecord(collection, item, `${collection}[${i}]`)
      errors.push(...recErrors)
      if (!record) return
      if (Object.hasOwn(target, record.id)) errors.push({ path: `${collection}[${i}].id`, message: `duplicate id ${JSON.stringify(record.id)}` })
      else target[record.id] = record
    })
  }
  for (const [i, link] of Object.values(snapshot.links).entries()) {
    if (link.from === link.to) errors.push({ path: `links[${i}]`, message: 'a link must join two different touchpoints' })
  }
  if (errors.length) return { ok: false, errors }
  return { ok: true, snapshot, migrated: migrated.applied }
}

function fail(path: string, message: string): ParseResult {
  return { ok: false, errors: [{ path, message }] }
}
