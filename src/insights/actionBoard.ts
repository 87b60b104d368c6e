/**
 * The action plan as a board: columns by department or by status, each card with what it
 * addresses (the pain points and needs, and where they sit on the map).
 */
import { ACTION_STATUSES, byOrder, type Action, type ActionStatus, type Annotation, type Snapshot } from '../model'
import { whereIs } from './priorityMatrix'

export type BoardGrouping = 'department' | 'status'

export interface AddressedItem {
  annotation: Annotation
  where: string
}

export interface BoardCard {
  action: Action
  /** Addressed annotations that still exist, in their order on the map (a set has none of its own); stale ids are skipped. */
  addresses: AddressedItem[]
}

export interface BoardColumn {
  /** The department name ('' = no owner yet) or the status. */
  key: string
  cards: BoardCard[]
}

export function actionBoard(snapshot: Snapshot, grouping: BoardGrouping): BoardColumn[] {
  const cards = Object.values(snapshot.actions)
    .sort(byOrder)
    .map((action): BoardCard => ({
      action,
      addresses: action.addresses
        .flatMap((id) => (snapshot.annotations[id] ? [snapshot.annotations[id]] : []))
        .sort(byOrder)
        .map((annotation) => ({ annotation, where: whereIs(snapshot, annotation.targetId) })),
    }))
  if (grouping === 'status') {
    // Every status gets a column, empty or not, so a card always has somewhere to move to.
    return ACTION_STATUSES.map((status: ActionStatus) => ({ key: status, cards: cards.filter((c) => c.action.status === status) }))
  }
  const departments = [...new Set(cards.map((c) => c.action.owner.trim()))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
  return departments.map((key) => ({ key, cards: cards.filter((c) => c.action.owner.trim() === key) }))
}

/** Pain points and needs that no action addresses yet: what the plan still leaves open. */
export function unaddressed(snapshot: Snapshot): Annotation[] {
  const addressed = new Set(Object.values(snapshot.actions).flatMap((a) => a.addresses as string[]))
  return Object.values(snapshot.annotations)
    .filter((a) => !addressed.has(a.id) && (a.kind === 'pain-point' || ((a.kind === 'functional-need' || a.kind === 'emotional-need') && a.status !== 'met')))
    .sort(byOrder)
}
