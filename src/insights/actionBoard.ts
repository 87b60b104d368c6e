/**
 * The action plan as a board: columns by department or by status, each card with what it
 * addresses (the pain points and needs, and where they sit on the map).
 */
import { ACTION_STATUSES, byOrder, PHASES, sortedStages, type Action, type ActionStatus, type Annotation, type Snapshot, type Touchpoint, type VotingRound } from '../model'
import { whereIs } from './priorityMatrix'

export type BoardGrouping = 'department' | 'status'

export interface AddressedItem {
  annotation: Annotation
  where: string
}

export interface BoardCard {
  action: Action
  /** Addressed annotations that still exist, in journey order (a set has no order of its own); stale ids are skipped. */
  addresses: AddressedItem[]
}

export interface BoardColumn {
  /** The department name ('' = no owner yet) or the status. */
  key: string
  cards: BoardCard[]
}

export function actionBoard(snapshot: Snapshot, grouping: BoardGrouping): BoardColumn[] {
  const inJourneyOrder = journeyOrder(snapshot)
  const cards = Object.values(snapshot.actions)
    .sort(byOrder)
    .map((action) => boardCard(snapshot, action, inJourneyOrder))
  if (grouping === 'status') {
    // Every status gets a column, empty or not, so a card always has somewhere to move to.
    return ACTION_STATUSES.map((status: ActionStatus) => ({ key: status, cards: cards.filter((c) => c.action.status === status) }))
  }
  const departments = [...new Set(cards.map((c) => c.action.owner.trim()))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
  return departments.map((key) => ({ key, cards: cards.filter((c) => c.action.owner.trim() === key) }))
}

/** One action as its card shows it: the action and what it addresses, where each sits. */
export function boardCard(snapshot: Snapshot, action: Action, inJourneyOrder = journeyOrder(snapshot)): BoardCard {
  return {
    action,
    addresses: action.addresses
      .flatMap((id) => (snapshot.annotations[id] ? [snapshot.annotations[id]] : []))
      .sort(inJourneyOrder)
      .map((annotation) => ({ annotation, where: whereIs(snapshot, annotation.targetId) })),
  }
}

/** An open pain point or need, with the votes that rank it. */
export interface OpenItem {
  annotation: Annotation
  /** Votes it holds from the last revealed round of its kind (0 while that kind's round is still hidden). */
  votes: number
}

/**
 * Pain points and needs that no action addresses yet: what the plan still leaves open, in the
 * order the team should take them up. Most votes in the last revealed round first; then the most
 * severe: the lowest emotion where it sits (a stage or phase: the mean of its cards; none counts
 * as 0), unmet needs before partly met ones; then as a reader meets them on the map.
 */
export function unaddressed(snapshot: Snapshot, voting: Pick<VotingRound, 'kind' | 'revealed'> | null = null): OpenItem[] {
  const addressed = new Set(Object.values(snapshot.actions).flatMap((a) => a.addresses as string[]))
  const inJourneyOrder = journeyOrder(snapshot)
  const emotion = emotionAt(snapshot)
  return Object.values(snapshot.annotations)
    .filter((a) => !addressed.has(a.id) && (a.kind === 'pain-point' || ((a.kind === 'functional-need' || a.kind === 'emotional-need') && a.status !== 'met')))
    .map((annotation) => ({ annotation, votes: voting && voting.kind === annotation.kind && !voting.revealed ? 0 : voteCount(annotation) }))
    .sort(
      (x, y) =>
        y.votes - x.votes ||
        emotion(x.annotation.targetId) - emotion(y.annotation.targetId) ||
        needRank(x.annotation) - needRank(y.annotation) ||
        inJourneyOrder(x.annotation, y.annotation),
    )
}

/** All votes placed on an annotation. */
export function voteCount(a: Annotation): number {
  let n = 0
  for (const v of Object.values(a.votes)) n += v
  return n
}

const needRank = (a: Annotation) => (a.status === 'unmet' ? 0 : a.status === 'partly' ? 1 : 2)

/** The emotion where an annotation sits: a card's score, or the mean of a stage's (or phase's) cards; 0 where none is known. */
function emotionAt(snapshot: Snapshot): (targetId: string) => number {
  const cache = new Map<string, number>()
  const mean = (cards: Touchpoint[]) => {
    const scores = cards.flatMap((t) => (t.emotion === null ? [] : [t.emotion]))
    return scores.length ? scores.reduce((s, v) => s + v, 0) / scores.length : 0
  }
  return (targetId) => {
    const known = cache.get(targetId)
    if (known !== undefined) return known
    const touchpoints = Object.values(snapshot.touchpoints)
    let value = 0
    if (snapshot.touchpoints[targetId]) value = snapshot.touchpoints[targetId].emotion ?? 0
    else if (snapshot.stages[targetId]) value = mean(touchpoints.filter((t) => t.stageId === targetId))
    else if (targetId.startsWith('phase:')) value = mean(touchpoints.filter((t) => snapshot.stages[t.stageId]?.phase === targetId.slice(6)))
    cache.set(targetId, value)
    return value
  }
}

/**
 * Annotations in the order a reader meets them on the map: personas first, then phase by phase,
 * stage by stage, the stage's own before its touchpoints (by lane, then card order); within one
 * target by the annotations' order.
 */
export function journeyOrder(snapshot: Snapshot): (a: Annotation, b: Annotation) => number {
  const stageIndex = new Map(sortedStages(snapshot).map((s, i) => [s.id as string, i]))
  const personaIndex = new Map(Object.values(snapshot.personas).sort(byOrder).map((p, i) => [p.id as string, i]))
  const rank = (targetId: string): (number | string)[] => {
    if (snapshot.personas[targetId]) return [-1, personaIndex.get(targetId) ?? 0]
    if (targetId.startsWith('phase:')) return [PHASES.indexOf(targetId.slice(6) as never), -1]
    const stage = snapshot.stages[targetId]
    if (stage) return [PHASES.indexOf(stage.phase), stageIndex.get(targetId) ?? 0, -1]
    const touchpoint = snapshot.touchpoints[targetId]
    if (touchpoint) {
      const at = snapshot.stages[touchpoint.stageId]
      return [at ? PHASES.indexOf(at.phase) : PHASES.length, stageIndex.get(touchpoint.stageId) ?? 0, personaIndex.get(touchpoint.personaId) ?? 0, touchpoint.order, touchpoint.id]
    }
    return [PHASES.length + 1]
  }
  const ranks = new Map<string, (number | string)[]>()
  const rankOf = (id: string) => ranks.get(id) ?? (ranks.set(id, rank(id)), ranks.get(id)!)
  return (a, b) => {
    const ra = rankOf(a.targetId)
    const rb = rankOf(b.targetId)
    for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
      const x = ra[i] ?? -Infinity
      const y = rb[i] ?? -Infinity
      if (x < y) return -1
      if (x > y) return 1
    }
    return byOrder(a, b)
  }
}

/** Touchpoints in the order a reader meets them: stage by stage, lane by lane, card by card. */
export function touchpointsInJourneyOrder(snapshot: Snapshot, ids: readonly string[]): Touchpoint[] {
  const stageIndex = new Map(sortedStages(snapshot).map((s, i) => [s.id as string, i]))
  const personaIndex = new Map(Object.values(snapshot.personas).sort(byOrder).map((p, i) => [p.id as string, i]))
  const rank = (t: Touchpoint) => [stageIndex.get(t.stageId) ?? Infinity, personaIndex.get(t.personaId) ?? Infinity] as const
  return ids
    .flatMap((id) => (snapshot.touchpoints[id] ? [snapshot.touchpoints[id]] : []))
    .sort((a, b) => {
      const [sa, pa] = rank(a)
      const [sb, pb] = rank(b)
      return sa - sb || pa - pb || byOrder(a, b)
    })
}
