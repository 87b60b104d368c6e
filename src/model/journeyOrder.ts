/**
 * The order a room reads a map in: left to right through the stages, and within a stage from
 * the stage itself down the persona lanes, card by card. Lists of items that live on the map
 * (the voting panel's) follow it, so the list reads like the canvas.
 */
import { byOrder } from './fractionalIndex'
import { sortedPersonas, sortedStages } from './gridLayout'
import { PHASES, type Annotation, type Snapshot } from './records'

/** A sort key per annotation id; an annotation whose target is gone sorts last. */
export function journeyRanks(snapshot: Snapshot): Map<string, number[]> {
  const stages = sortedStages(snapshot)
  const column = new Map(stages.map((s, i) => [s.id as string, i]))
  const lane = new Map(sortedPersonas(snapshot).map((p, i) => [p.id as string, i]))
  const cardIndex = new Map<string, number>()
  for (const [i, tp] of Object.values(snapshot.touchpoints).sort(byOrder).entries()) cardIndex.set(tp.id, i)
  const firstColumnOf = (phase: string) => {
    const i = stages.findIndex((s) => s.phase === phase)
    return i === -1 ? PHASES.indexOf(phase as (typeof PHASES)[number]) : i
  }
  const targetKey = (targetId: string): number[] => {
    const tp = snapshot.touchpoints[targetId]
    if (tp) return [column.get(tp.stageId) ?? Infinity, 2, lane.get(tp.personaId) ?? Infinity, cardIndex.get(tp.id) ?? 0]
    if (column.has(targetId)) return [column.get(targetId)!, 1, 0, 0]
    if (targetId.startsWith('phase:')) return [firstColumnOf(targetId.slice('phase:'.length)), 0, 0, 0]
    if (lane.has(targetId)) return [-1, 0, lane.get(targetId)!, 0]
    return [Infinity, 0, 0, 0]
  }
  const ranks = new Map<string, number[]>()
  for (const a of Object.values(snapshot.annotations)) ranks.set(a.id, targetKey(a.targetId))
  return ranks
}

/** Annotations in journey order (see `journeyRanks`), ties by their own order. */
export function inJourneyOrder<T extends { annotation: Annotation }>(snapshot: Snapshot, items: readonly T[]): T[] {
  const ranks = journeyRanks(snapshot)
  const compare = (a: number[] = [], b: number[] = []) => {
    for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0) ? -1 : 1
    return 0
  }
  return items.slice().sort((x, y) => compare(ranks.get(x.annotation.id), ranks.get(y.annotation.id)) || byOrder(x.annotation, y.annotation))
}
