/**
 * Emotion curves of every persona on one chart, and an as-is map's curves against its to-be's.
 * Pure: the same columns and means the canvas draws under the grid (`emotionCurve`), so a chart
 * never disagrees with the map beside it.
 */
import { emotionCurve, sortedPersonas, sortedStages, type CurvePoint, type Phase, type Snapshot } from '../model'

export interface ChartColumn {
  /** The stage id on the as-is side (or the only side). */
  stageId: string
  title: string
  phase: Phase
}

export interface PersonaCurve {
  personaId: string
  name: string
  color: string
  points: CurvePoint[]
}

export interface EmotionChart {
  columns: ChartColumn[]
  curves: PersonaCurve[]
}

/** One curve per persona (in lane order) over the map's stage columns; personas with no score get an empty curve. */
export function personaCurves(snapshot: Snapshot): EmotionChart {
  const stages = sortedStages(snapshot)
  const stageIds = stages.map((s) => s.id)
  return {
    columns: stages.map((s) => ({ stageId: s.id, title: s.title, phase: s.phase })),
    curves: sortedPersonas(snapshot).map((p) => ({ personaId: p.id, name: p.name, color: p.color, points: emotionCurve(snapshot, p.id, stageIds) })),
  }
}

export interface CurvePair {
  /** The as-is persona's name (the to-be's when it exists only there). */
  name: string
  color: string
  asIs: CurvePoint[]
  toBe: CurvePoint[]
}

export interface CurveComparison {
  columns: ChartColumn[]
  pairs: CurvePair[]
}

/**
 * The as-is and to-be curves on shared columns. A to-be starts as a copy of its as-is, so stages
 * and personas keep their ids; a stage or persona added to one side only is matched by its title
 * or name, and otherwise gets a column (or a pair) of its own.
 */
export function compareCurves(asIs: Snapshot, toBe: Snapshot): CurveComparison {
  const asIsStages = sortedStages(asIs)
  const toBeStages = sortedStages(toBe)
  const toBeMatch = new Map<string, string>() // to-be stage id → column stage id
  const columns: ChartColumn[] = asIsStages.map((s) => ({ stageId: s.id, title: s.title, phase: s.phase }))
  for (const s of toBeStages) {
    const same = asIsStages.find((a) => a.id === s.id) ?? asIsStages.find((a) => sameText(a.title, s.title) && a.phase === s.phase)
    if (same) {
      toBeMatch.set(s.id, same.id)
      continue
    }
    // A stage only the to-be has: after the last column of its phase, so the phases stay in order.
    const lastOfPhase = columns.map((c) => c.phase).lastIndexOf(s.phase)
    const at = lastOfPhase >= 0 ? lastOfPhase + 1 : columns.filter((c) => phaseRank(c.phase) <= phaseRank(s.phase)).length
    columns.splice(at, 0, { stageId: s.id, title: s.title, phase: s.phase })
    toBeMatch.set(s.id, s.id)
  }
  const columnIds = columns.map((c) => c.stageId)
  const toBeColumnIds = columnIds.map((id) => [...toBeMatch].find(([, col]) => col === id)?.[0] ?? `missing:${id}`)

  const pairs: CurvePair[] = []
  const usedToBe = new Set<string>()
  for (const p of sortedPersonas(asIs)) {
    const other = toBe.personas[p.id] ?? Object.values(toBe.personas).find((q) => sameText(q.name, p.name))
    if (other) usedToBe.add(other.id)
    pairs.push({ name: p.name, color: p.color, asIs: emotionCurve(asIs, p.id, columnIds), toBe: other ? emotionCurve(toBe, other.id, toBeColumnIds) : [] })
  }
  for (const q of sortedPersonas(toBe)) {
    if (!usedToBe.has(q.id)) pairs.push({ name: q.name, color: q.color, asIs: [], toBe: emotionCurve(toBe, q.id, toBeColumnIds) })
  }
  return { columns, pairs }
}

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
const phaseRank = (p: Phase) => ['before', 'during', 'after'].indexOf(p)
