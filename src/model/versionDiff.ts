/**
 * What changed between a saved version of a map and the map now, card by card: added since,
 * removed since, moved to another cell, retitled. Stages and personas are compared the same way,
 * so a renamed column or a deleted lane is named too. Pure: the versions dialog draws it on a
 * read-only canvas and lists it.
 */
import type { Persona, Snapshot, Stage, Touchpoint } from './records'

export type CardChange =
  | { kind: 'added'; id: string; now: Touchpoint }
  | { kind: 'removed'; id: string; then: Touchpoint }
  /** Another cell (stage or persona); a retitle at the same time is reported as well. */
  | { kind: 'moved'; id: string; then: Touchpoint; now: Touchpoint }
  | { kind: 'retitled'; id: string; then: Touchpoint; now: Touchpoint }

export type HeaderChange<R> = { kind: 'added'; now: R } | { kind: 'removed'; then: R } | { kind: 'renamed'; then: R; now: R }

export interface VersionDiff {
  cards: CardChange[]
  stages: HeaderChange<Stage>[]
  personas: HeaderChange<Persona>[]
  /** Cards per kind of change, for a one-line summary. */
  counts: { added: number; removed: number; moved: number; retitled: number }
}

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
  const counts = { added: 0, removed: 0, moved: 0, retitled: 0 }
  for (const c of cards) counts[c.kind]++
  return {
    cards,
    stages: diffHeaders(then.stages, now.stages, (s) => s.title),
    personas: diffHeaders(then.personas, now.personas, (p) => p.name),
    counts,
  }
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
