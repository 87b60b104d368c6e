/**
 * The measured figures as the interface reads them: the active data set (chosen in Insights, else
 * the newest), its histograms placed on the map through the document's links, and the snapshot
 * with those figures in place of typed ones. Memoised on the identity of what they are made of,
 * so an edit elsewhere on the map recomputes nothing.
 */
import { placeAggregates, withMeasuredMetrics, type Period, type Placement } from '../feedback/measured'
import type { FeedbackSet, Snapshot } from '../model'
import type { JourneyState } from './journeyStore'
import type { FeedbackData } from '../feedback/responses'

/** The data set the figures come from: the one chosen this session, else the newest. */
export function activeFeedbackSet(state: Pick<JourneyState, 'snapshot' | 'activeFeedbackSet'>): FeedbackSet | null {
  const sets = Object.values(state.snapshot.feedbackSets)
  if (state.activeFeedbackSet) {
    const chosen = state.snapshot.feedbackSets[state.activeFeedbackSet]
    if (chosen) return chosen
  }
  return sets.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0] ?? null
}

export function feedbackDataOf(state: Pick<JourneyState, 'feedback'>, setId: string | undefined): FeedbackData | null {
  const load = setId ? state.feedback[setId] : undefined
  return load?.status === 'ready' ? load.data : null
}

/** A data set's links as sheet value → stage or touchpoint id. */
export function linksOf(snapshot: Snapshot, setId: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const l of Object.values(snapshot.feedbackLinks)) if (l.setId === setId) out.set(l.value, l.targetId)
  return out
}

let memo: { key: unknown[]; value: Placement | null } = { key: [], value: null }

/** The active data set placed on the map (whole period), or null when there is none loaded. */
export function activePlacement(state: Pick<JourneyState, 'snapshot' | 'activeFeedbackSet' | 'feedback'>): Placement | null {
  const set = activeFeedbackSet(state)
  const data = feedbackDataOf(state, set?.id)
  const { snapshot } = state
  const key = [snapshot.touchpoints, snapshot.stages, snapshot.feedbackLinks, data]
  if (memo.key.length === key.length && memo.key.every((k, i) => k === key[i])) return memo.value
  const value = set && data ? placeAggregates(snapshot, data.aggregates, linksOf(snapshot, set.id)) : null
  memo = { key, value }
  return value
}

/** The active data set with its histograms, for the PDF's measured-metrics page. */
export function activePdfFeedback(state: Pick<JourneyState, 'snapshot' | 'activeFeedbackSet' | 'feedback'>): { set: FeedbackSet; aggregates: FeedbackData['aggregates'] } | null {
  const set = activeFeedbackSet(state)
  const data = feedbackDataOf(state, set?.id)
  return set && data ? { set, aggregates: data.aggregates } : null
}

/** Placement of one data set in one period, for comparisons (not memoised: the caller memoises). */
export function placementFor(snapshot: Snapshot, setId: string, data: FeedbackData, period?: Period): Placement {
  return placeAggregates(snapshot, data.aggregates, linksOf(snapshot, setId), period)
}

let snapshotMemo: { snapshot: Snapshot | null; placement: Placement | null; value: Snapshot | null } = { snapshot: null, placement: null, value: null }

/**
 * The snapshot the scorecard, PDF and CSV read: measured figures where there are any. The same
 * object while neither the map nor the data changes, so it can be a store selector.
 */
export function measuredSnapshot(state: Pick<JourneyState, 'snapshot' | 'activeFeedbackSet' | 'feedback'>): Snapshot {
  const placement = activePlacement(state)
  if (snapshotMemo.snapshot !== state.snapshot || snapshotMemo.placement !== placement || !snapshotMemo.value)
    snapshotMemo = { snapshot: state.snapshot, placement, value: withMeasuredMetrics(state.snapshot, placement) }
  return snapshotMemo.value!
}
