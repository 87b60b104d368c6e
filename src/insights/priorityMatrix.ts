/**
 * Opportunities on an impact × effort matrix. Each axis is the 1..5 scale; 3 and up counts as
 * high, so the middle of the scale is never left without a quadrant, and the line between low and
 * high falls between 2 and 3 (not through the middle of the plot, where a 3 would sit on it).
 *
 *            low effort     high effort
 *  high imp. quick wins     big bets
 *  low imp.  fill-ins       money pits
 */
import { byOrder, SCALE_MAX, SCALE_MIN, type Annotation, type Snapshot } from '../model'

export const QUADRANTS = ['quick-wins', 'big-bets', 'fill-ins', 'money-pits'] as const
export type Quadrant = (typeof QUADRANTS)[number]

export interface MatrixPoint {
  annotation: Annotation
  /** Where it hangs (touchpoint title, stage title…), for the label. */
  where: string
  quadrant: Quadrant
  /** 0..1 left to right: the centre of the effort's fifth of the axis (effort 1 → 0.1, 5 → 0.9). */
  x: number
  /** 0..1 bottom to top, likewise for impact. */
  y: number
  /** Position among opportunities with the same impact and effort, and how many share it, to fan them out. */
  stackIndex: number
  stackSize: number
}

export interface PriorityMatrix {
  points: MatrixPoint[]
  /** Opportunities still missing an impact or an effort: listed so someone scores them. */
  unscored: Annotation[]
}

/** The first value that counts as high on either axis. */
export const HIGH = 3
/** Where low turns into high on a 0..1 axis: the lower edge of the HIGH value's fifth. */
export const HIGH_FROM = (HIGH - 1) / (SCALE_MAX - SCALE_MIN + 1)

export function quadrantOf(impact: number, effort: number): Quadrant {
  const highImpact = impact >= HIGH
  const highEffort = effort >= HIGH
  if (highImpact) return highEffort ? 'big-bets' : 'quick-wins'
  return highEffort ? 'money-pits' : 'fill-ins'
}

export function priorityMatrix(snapshot: Snapshot): PriorityMatrix {
  const opportunities = Object.values(snapshot.annotations).filter((a) => a.kind === 'opportunity').sort(byOrder)
  const scored = opportunities.filter((a) => a.impact !== null && a.effort !== null)
  const stacks = new Map<string, number>()
  for (const a of scored) stacks.set(`${a.impact}|${a.effort}`, (stacks.get(`${a.impact}|${a.effort}`) ?? 0) + 1)
  const seen = new Map<string, number>()
  const points = scored.map((a): MatrixPoint => {
    const key = `${a.impact}|${a.effort}`
    const stackIndex = seen.get(key) ?? 0
    seen.set(key, stackIndex + 1)
    return {
      annotation: a,
      where: whereIs(snapshot, a.targetId),
      quadrant: quadrantOf(a.impact!, a.effort!),
      x: onAxis(a.effort!),
      y: onAxis(a.impact!),
      stackIndex,
      stackSize: stacks.get(key)!,
    }
  })
  return { points, unscored: opportunities.filter((a) => a.impact === null || a.effort === null) }
}

function onAxis(value: number): number {
  return (value - SCALE_MIN + 0.5) / (SCALE_MAX - SCALE_MIN + 1)
}

/** A short name of what an annotation hangs on. */
export function whereIs(snapshot: Snapshot, targetId: string): string {
  return (
    snapshot.touchpoints[targetId]?.title ??
    snapshot.stages[targetId]?.title ??
    snapshot.personas[targetId]?.name ??
    (targetId.startsWith('phase:') ? targetId.slice('phase:'.length) : '')
  )
}
