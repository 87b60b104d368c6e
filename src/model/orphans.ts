/**
 * What concurrent edits can leave without a place, and where the UI shows it.
 *
 * Deleting a stage or persona deletes its touchpoints in the same transaction. A peer that, at
 * the same moment, adds a touchpoint to that stage cannot know; after the merge the new card
 * names a stage that is gone. Such a card is *unplaced*: it stays in the document, the canvas
 * lists it in the "Unplaced" tray, and anyone can drag it into a cell or delete it. The same
 * holds for annotations and comments whose target was deleted concurrently (or whose reply chain
 * loops or runs deeper than `MAX_REPLY_DEPTH`: a hostile writer's), for service priorities whose
 * promise was, and for blueprint items whose stage was. (An action's `addresses` or a priority's
 * `touchpointIds` naming a deleted record is not an orphan: the record stays in place and readers
 * skip the stale id.) Nothing a participant added disappears unseen.
 */
import { replyChainRoot } from './replyChain'
import { PHASES, type Annotation, type BlueprintItem, type Comment, type Link, type ServicePriority, type Snapshot, type Touchpoint } from './records'

export interface Orphans {
  touchpoints: Touchpoint[]
  annotations: Annotation[]
  comments: Comment[]
  /** Links with an end that is gone: not drawn; listed so they can be cleaned up. */
  links: Link[]
  /**
   * Service priorities whose promise was deleted while someone edited them: the promises panel
   * lists them so they can be moved under another promise or deleted.
   */
  servicePriorities: ServicePriority[]
  /** Blueprint items whose stage was deleted while someone added or moved them: the tray lists them. */
  blueprintItems: BlueprintItem[]
}

export function targetExists(snapshot: Snapshot, targetId: string): boolean {
  if (targetId.startsWith('phase:')) return PHASES.some((p) => targetId === `phase:${p}`)
  return (
    Object.hasOwn(snapshot.personas, targetId) ||
    Object.hasOwn(snapshot.stages, targetId) ||
    Object.hasOwn(snapshot.touchpoints, targetId) ||
    Object.hasOwn(snapshot.annotations, targetId) ||
    Object.hasOwn(snapshot.comments, targetId)
  )
}

export function isPlaced(snapshot: Snapshot, tp: Touchpoint): boolean {
  return Object.hasOwn(snapshot.stages, tp.stageId) && Object.hasOwn(snapshot.personas, tp.personaId)
}

export function findOrphans(snapshot: Snapshot): Orphans {
  const touchpoints = Object.values(snapshot.touchpoints).filter((tp) => !isPlaced(snapshot, tp))
  const annotations = Object.values(snapshot.annotations).filter((a) => !targetExists(snapshot, a.targetId))
  const comments = Object.values(snapshot.comments).filter((c) => {
    // A comment hangs on what it answers: a reply to an unplaced comment stays in that comment's
    // thread, so the tray lists the thread once. A chain that loops or runs too deep hangs on nothing.
    return !targetExists(snapshot, c.targetId) || replyChainRoot(snapshot.comments, c.id) === null
  })
  const links = Object.values(snapshot.links).filter((l) => !Object.hasOwn(snapshot.touchpoints, l.from) || !Object.hasOwn(snapshot.touchpoints, l.to))
  const servicePriorities = Object.values(snapshot.servicePriorities).filter((p) => !Object.hasOwn(snapshot.promises, p.promiseId))
  const blueprintItems = Object.values(snapshot.blueprintItems).filter((item) => !Object.hasOwn(snapshot.stages, item.stageId))
  return { touchpoints, annotations, comments, links, servicePriorities, blueprintItems }
}
