/**
 * What changed between a saved version of a map and the map now, card by card: added since,
 * removed since, moved to another cell, retitled. Stages and personas are compared the same way,
 * so a renamed column or a deleted lane is named too. Pure: the versions dialog draws it on a
 * read-only canvas and lists it.
 */
import { COLLECTIONS, type AnyRecord, type CollectionName, type Meta, type Persona, type Snapshot, type Stage, type Touchpoint } from './records'

export type CardChange =
  | { kind: 'added'; id: string; now: Touchpoint }
  | { kind: 'removed'; id: string; then: Touchpoint }
  /** Another cell (stage or persona); a retitle at the same time is reported as well. */
  | { kind: 'moved'; id: string; then: Touchpoint; now: Touchpoint }
  | { kind: 'retitled'; id: string; then: Touchpoint; now: Touchpoint }

export type HeaderChange<R> = { kind: 'added'; now: R } | { kind: 'removed'; then: R } | { kind: 'renamed'; then: R; now: R }

/** One field of one record, as it was in the version and as it is now. */
export interface FieldChange {
  field: string
  then: unknown
  now: unknown
}

/**
 * Any other record that differs: added or removed (annotations, links, comments, actions, …), or
 * changed in fields the card and header changes above do not already name (a card's emotion or
 * metrics, a need's status, an annotation's text, kind or evidence, a comment resolved, …).
 */
export type RecordChange =
  | { kind: 'added'; collection: CollectionName; id: string; now: AnyRecord }
  | { kind: 'removed'; collection: CollectionName; id: string; then: AnyRecord }
  | { kind: 'changed'; collection: CollectionName; id: string; then: AnyRecord; now: AnyRecord; fields: FieldChange[] }

export interface VersionDiff {
  cards: CardChange[]
  stages: HeaderChange<Stage>[]
  personas: HeaderChange<Persona>[]
  /** Every other record that differs, one entry a record. */
  records: RecordChange[]
  /** The map's own title, description or language, when they differ. */
  meta: FieldChange[]
  /** Cards per kind of change, for a one-line summary. */
  counts: { added: number; removed: number; moved: number; retitled: number; other: number }
  /** How many changes are listed: what a restore undoes. */
  total: number
}

/**
 * Fields whose differences the card and header changes already name, or that are only where a
 * record sits among its neighbours (`order`: moving a card within its cell is not a change to it).
 */
const NAMED_ELSEWHERE: Partial<Record<CollectionName, ReadonlySet<string>>> = {
  touchpoints: new Set(['id', 'title', 'stageId', 'personaId', 'order']),
  stages: new Set(['id', 'title', 'order']),
  personas: new Set(['id', 'name', 'order']),
}
const ALWAYS_SKIPPED = new Set(['id', 'order'])
const META_FIELDS = ['title', 'description', 'locale'] as const satisfies readonly (keyof Meta)[]

export function diffVersion(then: Snapshot, now: Snapshot): VersionDiff {
  const cards: CardChange[] = []
  for (const [id, old] of Object.entries(then.touchpoints)) {
    const current = now.touchpoints[id]
    if (!current) {
      cards.push({ kind: 'removed', id, then: old })
      continue
    }
    if (old.stageId !== current.stageId || old.personaId !== current.personaId) cards.push({ kind: 'moved', id, then: old, now: current })
    if (old.title !== current.title) cards.push({ kind: 'retitled', id, then: old, now: current })
  }
  for (const [id, current] of Object.entries(now.touchpoints)) if (!then.touchpoints[id]) cards.push({ kind: 'added', id, now: current })
  const records = diffRecords(then, now)
  const counts = { added: 0, removed: 0, moved: 0, retitled: 0, other: records.length }
  for (const c of cards) counts[c.kind]++
  const stages = diffHeaders(then.stages, now.stages, (s) => s.title)
  const personas = diffHeaders(then.personas, now.personas, (p) => p.name)
  const meta = META_FIELDS.filter((f) => then.meta[f] !== now.meta[f]).map((field) => ({ field, then: then.meta[field], now: now.meta[field] }))
  return { cards, stages, personas, records, meta, counts, total: cards.length + stages.length + personas.length + records.length + meta.length }
}

function diffRecords(then: Snapshot, now: Snapshot): RecordChange[] {
  const out: RecordChange[] = []
  for (const collection of COLLECTIONS) {
    const before = then[collection] as Readonly<Record<string, AnyRecord>>
    const after = now[collection] as Readonly<Record<string, AnyRecord>>
    const named = NAMED_ELSEWHERE[collection]
    for (const [id, old] of Object.entries(before)) {
      const current = after[id]
      if (!current) {
        if (!named) out.push({ kind: 'removed', collection, id, then: old })
        continue
      }
      const fields: FieldChange[] = []
      const skipped = named ?? ALWAYS_SKIPPED
      for (const field of new Set([...Object.keys(old), ...Object.keys(current)])) {
        if (skipped.has(field)) continue
        const a = (old as unknown as Record<string, unknown>)[field]
        const b = (current as unknown as Record<string, unknown>)[field]
        if (!sameValue(a, b)) fields.push({ field, then: a, now: b })
      }
      if (fields.length > 0) out.push({ kind: 'changed', collection, id, then: old, now: current, fields })
    }
    if (named) continue
    for (const [id, current] of Object.entries(after)) if (!before[id]) out.push({ kind: 'added', collection, id, now: current })
  }
  return out
}

/** Equal values: plain values by identity, sets of ids in any order, votes entry by entry. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  }
  return false
}

function diffHeaders<R extends { id: string }>(then: Readonly<Record<string, R>>, now: Readonly<Record<string, R>>, name: (r: R) => string): HeaderChange<R>[] {
  const out: HeaderChange<R>[] = []
  for (const [id, old] of Object.entries(then)) {
    const current = now[id]
    if (!current) out.push({ kind: 'removed', then: old })
    else if (name(old) !== name(current)) out.push({ kind: 'renamed', then: old, now: current })
  }
  for (const [id, current] of Object.entries(now)) if (!then[id]) out.push({ kind: 'added', now: current })
  return out
}

/**
 * The version with the cards added since placed where they are now (when their stage and persona
 * existed in the version), so one canvas shows both what left and what arrived.
 */
export function versionWithArrivals(then: Snapshot, diff: VersionDiff): Snapshot {
  const arrivals = diff.cards.filter((c): c is Extract<CardChange, { kind: 'added' }> => c.kind === 'added' && !!then.stages[c.now.stageId] && !!then.personas[c.now.personaId])
  if (arrivals.length === 0) return then
  return { ...then, touchpoints: { ...then.touchpoints, ...Object.fromEntries(arrivals.map((c) => [c.id, c.now])) } }
}
