import type { Snapshot } from './records'

export interface CurvePoint {
  stageId: string
  /** Column index in the grid. */
  column: number
  /** Mean emotion of the scored touchpoints in the cell, −2..2. */
  emotion: number
  /** How many scored touchpoints went into the mean. */
  count: number
}

/**
 * A persona's emotion curve: one point per stage column that has at least one scored touchpoint
 * for that persona, the mean of their scores. Unscored stages leave a gap the line bridges.
 */
export function emotionCurve(snapshot: Snapshot, personaId: string, stageIds: readonly string[]): CurvePoint[] {
  const sums = new Map<string, { sum: number; count: number }>()
  for (const tp of Object.values(snapshot.touchpoints)) {
    if (tp.personaId !== personaId || tp.emotion === null) continue
    const s = sums.get(tp.stageId) ?? { sum: 0, count: 0 }
    s.sum += tp.emotion
    s.count += 1
    sums.set(tp.stageId, s)
  }
  const points: CurvePoint[] = []
  stageIds.forEach((stageId, column) => {
    const s = sums.get(stageId)
    if (s) points.push({ stageId, column, emotion: s.sum / s.count, count: s.count })
  })
  return points
}
