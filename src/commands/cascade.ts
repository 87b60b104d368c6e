import * as Y from 'yjs'
import { getCollection, writeSet } from '../doc'
import type { CollectionName } from '../model'
import { listRecords } from './transact'

/**
 * Delete records and everything that hangs on them, in the caller's transaction: a touchpoint's
 * annotations, links and comments; an annotation's comments; a stage's or persona's touchpoints;
 * a promise's service priorities; a stage's blueprint items; an annotation's pinned quotes; a feedback data set's links and
 * quotes; the feedback links that name a deleted stage or touchpoint.
 *
 * Records that only *mention* a deleted record keep existing and lose the mention: an action
 * stays in the plan when the pain point it addressed is deleted (the work may be under way), and
 * a service priority stays when a touchpoint it was linked to goes, and so does a blueprint item
 * (the backstage work still happens; it only serves one touchpoint fewer).
 *
 * A stage's blueprint items go with the stage, as its touchpoints do: they are the column's
 * content, a person who deletes a column expects it empty afterwards, and undo brings both back.
 * Only a stage deleted by someone else at the moment an item is added to it leaves the item
 * without a place; it is then listed as unplaced (src/model/orphans.ts), never lost.
 */
export function deleteWithDependents(doc: Y.Doc, rootIds: string[]): number {
  const doomed = new Set<string>()
  const queue = [...rootIds]
  while (queue.length) {
    const id = queue.pop()!
    if (doomed.has(id)) continue
    doomed.add(id)
    if (id.startsWith('persona:') || id.startsWith('stage:')) {
      for (const tp of listRecords(doc, 'touchpoints', (t) => t.personaId === id || t.stageId === id)) queue.push(tp.id)
    }
    if (id.startsWith('touchpoint:')) {
      for (const l of listRecords(doc, 'links', (l) => l.from === id || l.to === id)) doomed.add(l.id)
    }
    if (id.startsWith('stage:')) {
      for (const item of listRecords(doc, 'blueprintItems', (item) => item.stageId === id)) queue.push(item.id)
    }
    for (const a of listRecords(doc, 'annotations', (a) => a.targetId === id)) queue.push(a.id)
    for (const c of listRecords(doc, 'comments', (c) => c.targetId === id)) doomed.add(c.id)
    if (id.startsWith('annotation:')) {
      for (const q of listRecords(doc, 'quotes', (q) => q.annotationId === id)) doomed.add(q.id)
    }
    if (id.startsWith('stage:') || id.startsWith('touchpoint:')) {
      for (const l of listRecords(doc, 'feedbackLinks', (l) => l.targetId === id)) doomed.add(l.id)
    }
    if (id.startsWith('feedback-set:')) {
      for (const l of listRecords(doc, 'feedbackLinks', (l) => l.setId === id)) doomed.add(l.id)
      for (const q of listRecords(doc, 'quotes', (q) => q.setId === id)) doomed.add(q.id)
    }
    if (id.startsWith('promise:')) {
      for (const p of listRecords(doc, 'servicePriorities', (p) => p.promiseId === id)) doomed.add(p.id)
    }
  }
  forgetMentions(doc, doomed)
  let count = 0
  for (const id of doomed) {
    const collection = collectionOfId(id)
    if (collection && getCollection(doc, collection).has(id)) {
      getCollection(doc, collection).delete(id)
      count++
    }
  }
  return count
}

/** Take ids that are about to be deleted out of the lists that mention them. */
function forgetMentions(doc: Y.Doc, doomed: Set<string>): void {
  const prune = (collection: 'actions' | 'servicePriorities' | 'blueprintItems', field: 'addresses' | 'touchpointIds') => {
    for (const record of listRecords(doc, collection)) {
      if (doomed.has(record.id)) continue
      const list = (record as unknown as Record<string, string[]>)[field]
      if (!list.some((id) => doomed.has(id))) continue
      writeSet(
        getCollection(doc, collection).get(record.id)!,
        field,
        list.filter((id) => !doomed.has(id)),
      )
    }
  }
  prune('actions', 'addresses')
  prune('servicePriorities', 'touchpointIds')
  prune('blueprintItems', 'touchpointIds')
}

function collectionOfId(id: string): CollectionName | undefined {
  const prefix = id.slice(0, id.indexOf(':'))
  switch (prefix) {
    case 'persona':
      return 'personas' as const
    case 'stage':
      return 'stages' as const
    case 'touchpoint':
      return 'touchpoints' as const
    case 'annotation':
      return 'annotations' as const
    case 'link':
      return 'links' as const
    case 'comment':
      return 'comments' as const
    case 'action':
      return 'actions' as const
    case 'promise':
      return 'promises' as const
    case 'service-priority':
      return 'servicePriorities' as const
    case 'feedback-set':
      return 'feedbackSets' as const
    case 'feedback-link':
      return 'feedbackLinks' as const
    case 'quote':
      return 'quotes' as const
    case 'blueprint-item':
      return 'blueprintItems' as const
    default:
      return undefined
  }
}
