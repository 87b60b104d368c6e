/**
 * Where the journey hurts and where it shines: pain points and moments of truth counted per
 * stage × persona cell, from the annotations on each cell's touchpoints.
 */
import { sortedPersonas, sortedStages, type AnnotationKind, type Phase, type Snapshot } from '../model'

export interface HeatCell {
  pain: number
  truth: number
}

export interface HeatMap {
  stages: { id: string; title: string; phase: Phase }[]
  personas: { id: string; name: string; color: string }[]
  /** `cells[personaIndex][stageIndex]`. */
  cells: HeatCell[][]
  /** The largest count of either kind in any cell: the top of the colour scale (0 when empty). */
  max: number
  totals: HeatCell
}

const COUNTED: Partial<Record<AnnotationKind, keyof HeatCell>> = { 'pain-point': 'pain', 'moment-of-truth': 'truth' }

export function heatMap(snapshot: Snapshot): HeatMap {
  const stages = sortedStages(snapshot)
  const personas = sortedPersonas(snapshot)
  const stageIndex = new Map(stages.map((s, i) => [s.id as string, i]))
  const personaIndex = new Map(personas.map((p, i) => [p.id as string, i]))
  const cells = personas.map(() => stages.map(() => ({ pain: 0, truth: 0 })))
  const totals = { pain: 0, truth: 0 }
  for (const a of Object.values(snapshot.annotations)) {
    const field = COUNTED[a.kind]
    const tp = snapshot.touchpoints[a.targetId]
    if (!field || !tp) continue
    const row = personaIndex.get(tp.personaId)
    const column = stageIndex.get(tp.stageId)
    if (row === undefined || column === undefined) continue // unplaced: not in any cell
    cells[row][column][field]++
    totals[field]++
  }
  const max = Math.max(0, ...cells.flat().flatMap((c) => [c.pain, c.truth]))
  return {
    stages: stages.map((s) => ({ id: s.id, title: s.title, phase: s.phase })),
    personas: personas.map((p) => ({ id: p.id, name: p.name, color: p.color })),
    cells,
    max,
    totals,
  }
}

/** 0..1 share of the scale's top, for a colour ramp; 0 for an empty cell. */
export function heatLevel(count: number, max: number): number {
  return max === 0 ? 0 : count / max
}
