/**
 * A data set's histograms placed on the map: per touchpoint, per stage (everything said about
 * the stage's touchpoints plus what was linked to the stage itself), the customers' measured
 * emotion curve per persona beside the team's assumed one, and the stages where they disagree.
 *
 * A value of the sheet's stage/touchpoint column is linked to a touchpoint or a stage in the
 * document (`feedbackLinks`); responses linked to a stage count for the stage and for every
 * persona's curve at that stage (the sheet did not say whose they were).
 */
import { emotionCurve, sortedPersonas, sortedStages, type CurvePoint, type Snapshot, type Touchpoint } from '../model'
import { addInto, emptyHistogram, estimate, headlineEmotion, type Aggregate, type Histogram, type MetricEstimate } from './metrics'
import { FEEDBACK_KINDS, type FeedbackKind } from './responses'

export type KindHistograms = Record<FeedbackKind, Histogram>
export type KindEstimates = Record<FeedbackKind, MetricEstimate | null>

export interface Period {
  /** Inclusive `YYYY-MM-DD` bounds; '' for open. Undated responses belong to no bounded period. */
  from: string
  to: string
}

export function inPeriod(day: string, period: Period | undefined): boolean {
  if (!period || (!period.from && !period.to)) return true
  if (!day) return false
  return (!period.from || day >= period.from) && (!period.to || day <= period.to)
}

export function emptyKinds(): KindHistograms {
  return { nps: emptyHistogram('nps'), ces: emptyHistogram('ces'), csat: emptyHistogram('csat') }
}

export function estimates(h: KindHistograms): KindEstimates {
  return { nps: estimate('nps', h.nps), ces: estimate('ces', h.ces), csat: estimate('csat', h.csat) }
}

export function responseCount(h: KindHistograms): number {
  let n = 0
  for (const k of FEEDBACK_KINDS) for (const c of h[k]) n += c
  return n
}

export interface Placement {
  /** Per touchpoint id. */
  touchpoints: Map<string, KindHistograms>
  /** Per stage id: its touchpoints' responses and those linked to the stage. */
  stages: Map<string, KindHistograms>
  /** Per stage id: only those linked to the stage itself. */
  stageOnly: Map<string, KindHistograms>
  /** Responses whose value links to nothing that exists on the map now. */
  unplaced: number
}

/** Place aggregates on the map through the links (sheet value → touchpoint or stage id). */
export function placeAggregates(snapshot: Snapshot, aggregates: readonly Aggregate[], links: ReadonlyMap<string, string>, period?: Period): Placement {
  const out: Placement = { touchpoints: new Map(), stages: new Map(), stageOnly: new Map(), unplaced: 0 }
  const into = (map: Map<string, KindHistograms>, id: string) => {
    let h = map.get(id)
    if (!h) map.set(id, (h = emptyKinds()))
    return h
  }
  for (const agg of aggregates) {
    if (!inPeriod(agg.day, period)) continue
    const targetId = links.get(agg.target)
    const tp = targetId ? snapshot.touchpoints[targetId] : undefined
    const stage = targetId ? snapshot.stages[targetId] : undefined
    if (tp && snapshot.stages[tp.stageId]) {
      addInto(into(out.touchpoints, tp.id)[agg.kind], agg.counts)
      addInto(into(out.stages, tp.stageId)[agg.kind], agg.counts)
    } else if (stage) {
      addInto(into(out.stageOnly, stage.id)[agg.kind], agg.counts)
      addInto(into(out.stages, stage.id)[agg.kind], agg.counts)
    } else for (const c of agg.counts) out.unplaced += c
  }
  return out
}

/**
 * The snapshot with each measured touchpoint's NPS, CES and CSAT replaced by the measured
 * values (typed figures stay where nothing was measured), so the scorecard, heat map, PDF and
 * CSV read measured figures without knowing where they came from. Targets stay as typed.
 */
export function withMeasuredMetrics(snapshot: Snapshot, placement: Placement | null): Snapshot {
  if (!placement || placement.touchpoints.size === 0) return snapshot
  const touchpoints: Record<string, Touchpoint> = { ...snapshot.touchpoints }
  for (const [id, h] of placement.touchpoints) {
    const tp = touchpoints[id]
    if (!tp) continue
    const e = estimates(h)
    touchpoints[id] = { ...tp, nps: e.nps ? round1(e.nps.value) : tp.nps, ces: e.ces ? round1(e.ces.value) : tp.ces, csat: e.csat ? round1(e.csat.value) : tp.csat }
  }
  return { ...snapshot, touchpoints }
}

const round1 = (v: number) => Math.round(v * 10) / 10

export interface MeasuredPoint extends CurvePoint {
  /** Responses behind the point. */
  count: number
}

export interface PersonaComparison {
  personaId: string
  name: string
  color: string
  assumed: CurvePoint[]
  measured: MeasuredPoint[]
}

/**
 * The customers' emotion for one persona at one stage: per kind, the headline figure of every
 * response there (its touchpoints' and the stage's own, pooled) on −2..2 (`headlineEmotion`); the
 * kinds measured there weighted by their number of responses.
 */
export function measuredAt(placement: Placement, snapshot: Snapshot, personaId: string, stageId: string): { value: number; n: number } | null {
  const pooled = emptyKinds()
  let any = false
  const add = (h: KindHistograms | undefined) => {
    if (!h) return
    any = true
    for (const k of FEEDBACK_KINDS) addInto(pooled[k], h[k])
  }
  for (const tp of Object.values(snapshot.touchpoints)) if (tp.personaId === personaId && tp.stageId === stageId) add(placement.touchpoints.get(tp.id))
  add(placement.stageOnly.get(stageId))
  if (!any) return null
  let sum = 0
  let n = 0
  for (const e of Object.values(estimates(pooled))) {
    if (!e) continue
    sum += headlineEmotion(e) * e.n
    n += e.n
  }
  return n ? { value: sum / n, n } : null
}

/** Per persona: the team's curve (cards' emotion scores) and the customers' (responses, normalised). */
export function assumedVersusMeasured(snapshot: Snapshot, placement: Placement): { columns: { stageId: string; title: string; phase: Snapshot['stages'][string]['phase'] }[]; personas: PersonaComparison[] } {
  const stages = sortedStages(snapshot)
  const stageIds = stages.map((s) => s.id)
  return {
    columns: stages.map((s) => ({ stageId: s.id, title: s.title, phase: s.phase })),
    personas: sortedPersonas(snapshot).map((p) => ({
      personaId: p.id,
      name: p.name,
      color: p.color,
      assumed: emotionCurve(snapshot, p.id, stageIds),
      measured: stageIds.flatMap((stageId, column) => {
        const m = measuredAt(placement, snapshot, p.id, stageId)
        return m ? [{ stageId, column, emotion: m.value, count: m.n }] : []
      }),
    })),
  }
}

export interface Disagreement {
  personaId: string
  personaName: string
  stageId: string
  stageTitle: string
  assumed: number
  measured: number
  /** assumed − measured: positive where the team thinks customers are better off than they say. */
  gap: number
  n: number
}

/**
 * Stages where both curves have a point: first where the team thinks customers are better off
 * than they say (the blind spots the issue is about), largest gap first; then where customers are
 * happier than the team assumes.
 */
export function disagreements(snapshot: Snapshot, placement: Placement, limit = 5): Disagreement[] {
  const { personas } = assumedVersusMeasured(snapshot, placement)
  const out: Disagreement[] = []
  for (const p of personas) {
    for (const m of p.measured) {
      const a = p.assumed.find((x) => x.stageId === m.stageId)
      if (!a) continue
      out.push({ personaId: p.personaId, personaName: p.name, stageId: m.stageId, stageTitle: snapshot.stages[m.stageId]?.title ?? '', assumed: a.emotion, measured: m.emotion, gap: a.emotion - m.emotion, n: m.count })
    }
  }
  return out.filter((d) => d.gap !== 0).sort((x, y) => Number(y.gap > 0) - Number(x.gap > 0) || Math.abs(y.gap) - Math.abs(x.gap)).slice(0, limit)
}
