import * as Y from 'yjs'
import { getCollection } from '../doc'
import { listRecords } from './transact'

/**
 * Delete records and everything that hangs on them, in the caller's transaction: a touchpoint's
 * annotations, links and comments; an annotation's comments; a stage's or persona's touchpoints.
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
    for (const a of listRecords(doc, 'annotations', (a) => a.targetId === id)) queue.push(a.id)
    for (const c of listRecords(doc, 'comments', (c) => c.targetId === id)) doomed.add(c.id)
  }
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

function collectionOfId(id: string) {
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
    default:
      return undefined
  }
}
