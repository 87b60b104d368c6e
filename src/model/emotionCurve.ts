import type { Snapshot, Touchpoint } from './records'

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

/**
 * One column's point from the persona's touchpoints in that cell: the mean of the scored ones, or
 * null when none is scored. The grid layout has the cards grouped by cell already and builds every
 * curve from them in one pass, where `emotionCurve` walks the whole map once per persona.
 */
export function curvePoint(stageId: string, column: number, touchpoints: readonly Touchpoint[] | undefined): CurvePoint | null {
  let sum = 0
  let count = 0
  if (touchpoints)
    for (const tp of touchpoints)
      if (tp.emotion !== null) {
        sum += tp.emotion
        count += 1
      }
  return count ? { stageId, column, emotion: sum / count, count } : null
}
