/**
 * The journey scorecard: NPS, CES and CSAT per stage and for the whole journey, averaged over the
 * touchpoints that have a figure, against the average of their targets. Higher is better on all
 * three (CES on the 1..7 "how easy was it" scale, 7 = least effort).
 */
import { METRICS, sortedStages, type MetricName, type Phase, type Snapshot, type Touchpoint } from '../model'

export interface MetricScore {
  /** Mean of the measured figures, or null when no touchpoint has one. */
  actual: number | null
  /** Mean of the targets set, or null. */
  target: number | null
  /** Touchpoints with a measured figure. */
  count: number
  /** Whether the actual reaches the target; null when either is missing. */
  onTarget: boolean | null
}

export type MetricScores = Record<MetricName, MetricScore>

export interface Scorecard {
  stages: { id: string; title: string; phase: Phase; scores: MetricScores }[]
  overall: MetricScores
}

const TARGET_OF: Record<MetricName, 'npsTarget' | 'cesTarget' | 'csatTarget'> = { nps: 'npsTarget', ces: 'cesTarget', csat: 'csatTarget' }

export function scorecard(snapshot: Snapshot): Scorecard {
  const stages = sortedStages(snapshot)
  const placed = Object.values(snapshot.touchpoints).filter((tp) => snapshot.stages[tp.stageId] && snapshot.personas[tp.personaId])
  return {
    stages: stages.map((s) => ({ id: s.id, title: s.title, phase: s.phase, scores: scoresOf(placed.filter((tp) => tp.stageId === s.id)) })),
    overall: scoresOf(placed),
  }
}

function scoresOf(touchpoints: Touchpoint[]): MetricScores {
  return Object.fromEntries(
    METRICS.map((m) => {
      const actuals = touchpoints.map((tp) => tp[m]).filter((v): v is number => v !== null)
      const targets = touchpoints.map((tp) => tp[TARGET_OF[m]]).filter((v): v is number => v !== null)
      const actual = mean(actuals)
      const target = mean(targets)
      return [m, { actual, target, count: actuals.length, onTarget: actual === null || target === null ? null : actual >= target }]
    }),
  ) as MetricScores
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null
}

/** A figure as the scorecard prints it: one decimal at most, a real minus sign. */
export function formatScore(value: number | null): string {
  if (value === null) return '–'
  const rounded = Math.round(value * 10) / 10
  return String(rounded).replace('-', '−')
}
