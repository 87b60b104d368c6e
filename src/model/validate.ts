/**
 * One validator per record type, shared by every way in: a JSON file, a paste, a template, a
 * document the server loads, and the records the client reads out of the Y.Doc.
 *
 * `restoreRecord` never throws. It returns the record with defaults filled and unknown fields left
 * out, plus every problem it found, each naming its path:
 * `touchpoints["touchpoint:x"].emotion: expected an integer −2..2 or null, got 7`.
 * Import refuses a file with any error; the document reader keeps the repaired record, so one bad
 * field written by a rogue client never hides a whole card.
 */
import { isId, type RecordType } from './ids'
import { isCalendarDate } from './calendarDate'
import {
  ACTION_STATUSES,
  ANNOTATION_KINDS,
  BLUEPRINT_LANES,
  EMOTION_MAX,
  EVIDENCE_LEVELS,
  METRIC_RANGES,
  SCALE_MAX,
  SCALE_MIN,
  EMOTION_MIN,
  NEED_STATUSES,
  PHASES,
  PRIORITY_MAX,
  PRIORITY_MIN,
  type AnyRecord,
  type CollectionName,
  type RecordsByCollection,
} from './records'
import { isValidOrderKey } from './fractionalIndex'

export interface ValidationError {
  path: string
  message: string
}

export function formatError(e: ValidationError): string {
  return `${e.path}: ${e.message}`
}

export const MAX_TITLE = 500
export const MAX_TEXT = 20_000

type Field =
  /** `optional`: absent stays absent (no default is filled in), for a field most records never carry. */
  | { type: 'text'; max: number; required?: boolean; optional?: true }
  | { type: 'ref'; to: RecordType[]; phase?: boolean }
  | { type: 'enum'; values: readonly string[]; nullable?: boolean; fallback: string | null }
  | { type: 'int'; min: number; max: number; nullable: true }
  /** A measured figure (an average CES of 5.4 is normal), so decimals are allowed. */
  | { type: 'number'; min: number; max: number; nullable: true }
  /** A calendar day `YYYY-MM-DD`, or '' for none. */
  | { type: 'date' }
  /** A set of ids: an array in a snapshot and in JSON, a nested Y.Map of id → true in the document (schema v2). */
  | { type: 'refs'; to: RecordType; max: number }
  | { type: 'order' }
  | { type: 'votes' }
  | { type: 'bool' }
  | { type: 'color' }
  | { type: 'timestamp' }

const text = (max: number): Field => ({ type: 'text', max })
const metric = (name: keyof typeof METRIC_RANGES): Field => ({ type: 'number', ...METRIC_RANGES[name], nullable: true })
const scale: Field = { type: 'int', min: SCALE_MIN, max: SCALE_MAX, nullable: true }
/** More links than any real plan needs, small enough that one record cannot bloat the document. */
export const MAX_REFS = 500
/** More voters on one item than any workshop has. */
export const MAX_VOTERS = 1000
/** Longer than any id this app makes (`service-priority:` and ten characters), short enough to bound a key. */
export const MAX_ID_LENGTH = 100

const FIELDS: { [C in CollectionName]: Record<Exclude<keyof RecordsByCollection[C], 'id'>, Field> } = {
  personas: { name: text(MAX_TITLE), description: text(MAX_TEXT), color: { type: 'color' }, order: { type: 'order' } },
  stages: {
    phase: { type: 'enum', values: PHASES, fallback: 'before' },
    title: text(MAX_TITLE),
    order: { type: 'order' },
  },
  touchpoints: {
    stageId: { type: 'ref', to: ['stage'] },
    personaId: { type: 'ref', to: ['persona'] },
    title: text(MAX_TITLE),
    description: text(MAX_TEXT),
    channel: text(100),
    owner: text(200),
    emotion: { type: 'int', min: EMOTION_MIN, max: EMOTION_MAX, nullable: true },
    priority: { type: 'int', min: PRIORITY_MIN, max: PRIORITY_MAX, nullable: true },
    nps: metric('nps'),
    npsTarget: metric('nps'),
    ces: metric('ces'),
    cesTarget: metric('ces'),
    csat: metric('csat'),
    csatTarget: metric('csat'),
    order: { type: 'order' },
  },
  annotations: {
    targetId: { type: 'ref', to: ['persona', 'stage', 'touchpoint'], phase: true },
    kind: { type: 'enum', values: ANNOTATION_KINDS, fallback: 'note' },
    text: text(MAX_TEXT),
    status: { type: 'enum', values: NEED_STATUSES, nullable: true, fallback: null },
    votes: { type: 'votes' },
    evidence: { type: 'enum', values: EVIDENCE_LEVELS, nullable: true, fallback: null },
    impact: scale,
    effort: scale,
    order: { type: 'order' },
    // Who wrote it, when it came from a writing round that was not anonymous.
    author: { type: 'text', max: 200, optional: true },
  },
  links: {
    from: { type: 'ref', to: ['touchpoint'] },
    to: { type: 'ref', to: ['touchpoint'] },
    label: text(MAX_TITLE),
  },
  comments: {
    // A reply targets the comment it answers.
    targetId: { type: 'ref', to: ['persona', 'stage', 'touchpoint', 'annotation', 'comment'], phase: true },
    author: text(200),
    text: text(MAX_TEXT),
    createdAt: { type: 'timestamp' },
    resolved: { type: 'bool' },
  },
  actions: {
    title: text(MAX_TITLE),
    owner: text(200),
    measure: text(MAX_TITLE),
    target: text(MAX_TITLE),
    dueDate: { type: 'date' },
    status: { type: 'enum', values: ACTION_STATUSES, fallback: 'planned' },
    addresses: { type: 'refs', to: 'annotation', max: MAX_REFS },
    order: { type: 'order' },
  },
  promises: { text: text(MAX_TITLE), order: { type: 'order' } },
  servicePriorities: {
    promiseId: { type: 'ref', to: ['promise'] },
    text: text(MAX_TITLE),
    measure: text(MAX_TITLE),
    target: text(MAX_TITLE),
    touchpointIds: { type: 'refs', to: 'touchpoint', max: MAX_REFS },
    order: { type: 'order' },
  },
  feedbackSets: {
    name: text(200),
    from: { type: 'date' },
    to: { type: 'date' },
    responses: { type: 'int', min: 0, max: 100_000, nullable: true },
    createdAt: { type: 'timestamp' },
  },
  feedbackLinks: {
    setId: { type: 'ref', to: ['feedback-set'] },
    value: text(500),
    targetId: { type: 'ref', to: ['stage', 'touchpoint'] },
  },
  quotes: {
    annotationId: { type: 'ref', to: ['annotation'] },
    setId: { type: 'ref', to: ['feedback-set'] },
    response: { type: 'int', min: 1, max: 100_000, nullable: true },
    // A survey comment (the server takes at most 5,000 characters).
    text: text(5000),
    kind: { type: 'enum', values: ['nps', 'ces', 'csat'], nullable: true, fallback: null },
    score: { type: 'int', min: 0, max: 10, nullable: true },
    date: { type: 'date' },
    channel: text(500),
  },
  blueprintItems: {
    lane: { type: 'enum', values: BLUEPRINT_LANES, fallback: 'frontstage' },
    stageId: { type: 'ref', to: ['stage'] },
    title: text(MAX_TITLE),
    description: text(MAX_TEXT),
    owner: text(200),
    touchpointIds: { type: 'refs', to: 'touchpoint', max: MAX_REFS },
    order: { type: 'order' },
  },
}

export const RECORD_TYPE_OF: { [C in CollectionName]: RecordType } = {
  personas: 'persona',
  stages: 'stage',
  touchpoints: 'touchpoint',
  annotations: 'annotation',
  links: 'link',
  comments: 'comment',
  actions: 'action',
  promises: 'promise',
  servicePriorities: 'service-priority',
  feedbackSets: 'feedback-set',
  feedbackLinks: 'feedback-link',
  quotes: 'quote',
  blueprintItems: 'blueprint-item',
}

const PALETTE = ['#4f7cff', '#e8663d', '#2fa67a', '#b05cd6', '#d9a400', '#d4487a', '#3aa6c4', '#7a8a2e']
export function defaultPersonaColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object'
  return String(value)
}

function defaultFor(field: Field): unknown {
  switch (field.type) {
    case 'text':
      return ''
    case 'enum':
      return field.fallback
    case 'int':
    case 'number':
      return null
    case 'date':
      return ''
    case 'refs':
      return []
    case 'order':
      return 'a0'
    case 'votes':
      return {}
    case 'bool':
      return false
    case 'color':
      return PALETTE[0]
    case 'timestamp':
      return new Date(0).toISOString()
    case 'ref':
      return ''
  }
}

/** `phase:before` etc.: what a reference to a phase may be. */
const PHASE_TARGETS: ReadonlySet<string> = new Set(PHASES.map((p) => `phase:${p}`))

function checkField(field: Field, value: unknown): string | null {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return `expected text, got ${describe(value)}`
      if (value.length > field.max) return `expected at most ${field.max} characters, got ${value.length}`
      return null
    case 'ref': {
      if (typeof value !== 'string') return `expected an id, got ${describe(value)}`
      if (field.phase && PHASE_TARGETS.has(value)) return null
      if (field.to.some((t) => isId(t, value))) return null
      const kinds = [...field.to, ...(field.phase ? ['phase'] : [])].join(' | ')
      return `expected a ${kinds} id, got ${describe(value)}`
    }
    case 'enum':
      if (value === null && field.nullable) return null
      if (typeof value === 'string' && field.values.includes(value)) return null
      return `expected ${field.values.join(' | ')}${field.nullable ? ' or null' : ''}, got ${describe(value)}`
    case 'int':
      if (value === null) return null
      if (typeof value === 'number' && Number.isInteger(value) && value >= field.min && value <= field.max) return null
      return `expected an integer ${field.min}..${field.max} or null, got ${describe(value)}`
    case 'number':
      if (value === null) return null
      if (typeof value === 'number' && Number.isFinite(value) && value >= field.min && value <= field.max) return null
      return `expected a number ${field.min}..${field.max} or null, got ${describe(value)}`
    case 'date':
      return value === '' || isCalendarDate(value) ? null : `expected a date YYYY-MM-DD or '', got ${describe(value)}`
    case 'refs': {
      if (!Array.isArray(value)) return `expected a list of ${field.to} ids, got ${describe(value)}`
      if (value.length > field.max) return `expected at most ${field.max} ids, got ${value.length}`
      const bad = value.findIndex((v) => !isId(field.to, v))
      if (bad >= 0) return `expected a ${field.to} id at [${bad}], got ${describe(value[bad])}`
      if (new Set(value).size !== value.length) return 'expected each id once'
      return null
    }
    case 'order':
      return isValidOrderKey(value) ? null : `expected a fractional index key, got ${describe(value)}`
    case 'votes': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `expected an object of participant → count, got ${describe(value)}`
      for (const [who, n] of Object.entries(value)) {
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1000) return `expected a vote count 0..1000 for ${JSON.stringify(who)}, got ${describe(n)}`
      }
      return null
    }
    case 'bool':
      return typeof value === 'boolean' ? null : `expected true or false, got ${describe(value)}`
    case 'color':
      return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? null : `expected a colour like #4f7cff, got ${describe(value)}`
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : `expected an ISO 8601 date, got ${describe(value)}`
  }
}


export interface RestoreResult<T> {
  /** The record with defaults filled; absent only when the id itself is unusable. */
  record: T | undefined
  errors: ValidationError[]
}

/**
 * Restore one record of a collection. `pathOf` is the prefix for errors, e.g. `touchpoints[3]`, or
 * a function that makes it (called only when there is an error).
 * Missing optional fields get defaults without an error (older writers may omit them); a
 * present field of the wrong type, or a missing reference, is an error.
 */
export function restoreRecord<C extends CollectionName>(collection: C, raw: unknown, pathOf: string | (() => string)): RestoreResult<RecordsByCollection[C]> {
  const errors: ValidationError[] = []
  const path = () => (typeof pathOf === 'string' ? pathOf : pathOf())
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { record: undefined, errors: [{ path: path(), message: `expected a record object, got ${describe(raw)}` }] }
  }
  const input = raw as Record<string, unknown>
  const type = RECORD_TYPE_OF[collection]
  if (!isId(type, input.id)) {
    return { record: undefined, errors: [{ path: `${path()}.id`, message: `expected a ${type} id like "${type}:abc123", got ${describe(input.id)}` }] }
  }
  const out: Record<string, unknown> = { id: input.id }
  for (const [name, field] of fieldEntries(collection)) {
    const value = input[name]
    if (value === undefined && field.type === 'text' && field.optional) continue
    if (value === undefined && field.type !== 'ref') {
      out[name] = defaultFor(field)
      continue
    }
    const problem = checkField(field, value)
    if (problem) {
      errors.push({ path: `${path()}.${name}`, message: problem })
      out[name] = defaultFor(field)
    } else {
      // Copies, so a snapshot never shares a mutable object with the input it was read from.
      out[name] = field.type === 'votes' ? { ...(value as object) } : field.type === 'refs' ? [...(value as string[])] : value
    }
  }
  if (collection === 'annotations') {
    // Only needs carry a status: a stray status elsewhere is dropped rather than refused.
    const kind = out.kind as string
    if (kind !== 'functional-need' && kind !== 'emotional-need') out.status = null
  }
  return { record: out as unknown as RecordsByCollection[C], errors }
}

const FIELD_ENTRIES = new Map<CollectionName, [string, Field][]>()

/** A collection's fields as a list, made once: opening a map restores every record with it. */
function fieldEntries(collection: CollectionName): [string, Field][] {
  let entries = FIELD_ENTRIES.get(collection)
  if (!entries) FIELD_ENTRIES.set(collection, (entries = Object.entries(FIELDS[collection] as Record<string, Field>)))
  return entries
}

/** Throwing form for callers that construct records themselves (commands, templates). */
export function assertValidRecord<C extends CollectionName>(collection: C, record: RecordsByCollection[C]): RecordsByCollection[C] {
  const { record: restored, errors } = restoreRecord(collection, record, `${collection}[${JSON.stringify((record as AnyRecord).id)}]`)
  if (errors.length || !restored) throw new Error(errors.map(formatError).join('\n'))
  return restored
}

/**
 * How a record field sits in the document: one plain value, or a nested Y.Map — `votes`
 * (participant id → count) and, since schema v2, sets of ids (id → true) — so concurrent writers
 * of different keys all keep theirs. Undefined for a field the collection does not have.
 */
export type FieldShape = 'value' | 'votes' | 'set'

export function fieldShape(collection: CollectionName, name: string): FieldShape | undefined {
  if (name === 'id') return 'value'
  const field = (FIELDS[collection] as Record<string, Field>)[name]
  if (!field) return undefined
  return field.type === 'votes' ? 'votes' : field.type === 'refs' ? 'set' : 'value'
}

/** The set fields of a collection (schema v2 nested maps), e.g. `actions` → `['addresses']`. */
export function setFields(collection: CollectionName): string[] {
  return Object.entries(FIELDS[collection] as Record<string, Field>)
    .filter(([, f]) => f.type === 'refs')
    .map(([name]) => name)
}

/**
 * Check one plain value written to a record field, as the relay does for every write it is sent.
 * Returns the problem, or null when the value fits. `id` must repeat the record's key.
 */
export function checkFieldValue(collection: CollectionName, name: string, value: unknown, recordId: string): string | null {
  if (name === 'id') return value === recordId ? null : `expected the record's own id ${JSON.stringify(recordId)}, got ${describe(value)}`
  const field = (FIELDS[collection] as Record<string, Field>)[name]
  if (!field) return `unknown field`
  if (field.type === 'votes' || field.type === 'refs') return `expected a nested map, got ${describe(value)}`
  return checkField(field, value)
}

/** Check one entry of a nested field: a vote (participant id → count) or a set member (id → true). */
export function checkNestedEntry(collection: CollectionName, name: string, key: string, value: unknown): string | null {
  const field = (FIELDS[collection] as Record<string, Field>)[name]
  if (field?.type === 'votes') {
    if (key.length === 0 || key.length > MAX_ID_LENGTH) return `expected a participant id of 1..${MAX_ID_LENGTH} characters`
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1000 ? null : `expected a vote count 0..1000, got ${describe(value)}`
  }
  if (field?.type === 'refs') {
    if (!isId(field.to, key) || key.length > MAX_ID_LENGTH) return `expected a ${field.to} id, got ${describe(key)}`
    return value === true ? null : `expected true, got ${describe(value)}`
  }
  return 'not a nested field'
}

/** The most entries a nested field may hold. */
export function maxNestedEntries(collection: CollectionName, name: string): number {
  const field = (FIELDS[collection] as Record<string, Field>)[name]
  return field?.type === 'refs' ? field.max : MAX_VOTERS
}
