import * as Y from 'yjs'
import { createId, type Action, type ActionId, type ActionStatus, type AnnotationId } from '../model'
import { deleteWithDependents } from './cascade'
import { CommandError, getRecord, insertRecord, listRecords, orderAt, patchRecord, requireRecord, transactLocal } from './transact'

export type ActionFields = Pick<Action, 'title' | 'owner' | 'measure' | 'target' | 'dueDate' | 'status' | 'addresses'>

/**
 * Add a step to the action plan, at the end. `fromAnnotation` starts it from a pain point or need:
 * the title is prefilled from its text (unless given) and the action addresses it.
 */
export function addAction(doc: Y.Doc, input: Partial<ActionFields> & { fromAnnotation?: AnnotationId; id?: ActionId } = {}): ActionId {
  return transactLocal(doc, () => {
    const source = input.fromAnnotation ? getRecord(doc, 'annotations', input.fromAnnotation) : undefined
    if (input.fromAnnotation && !source) throw new CommandError('not-found', `fromAnnotation: no annotation ${JSON.stringify(input.fromAnnotation)}`)
    const addresses = [...(input.addresses ?? [])]
    if (source && !addresses.includes(source.id)) addresses.push(source.id)
    const id = input.id ?? createId('action')
    insertRecord(doc, 'actions', {
      id,
      title: input.title ?? firstLine(source?.text ?? ''),
      owner: input.owner ?? ownerOf(doc, source?.targetId),
      measure: input.measure ?? '',
      target: input.target ?? '',
      dueDate: input.dueDate ?? '',
      status: input.status ?? 'planned',
      addresses,
      order: orderAt(listRecords(doc, 'actions'), undefined),
    })
    return id
  })
}

/**
 * Start one action for each pain point or need, in the order given (the action plan's "Create
 * actions for the top N"): one transaction, so one undo takes them all back. Ids that name no
 * annotation are refused before anything is written; one already addressed by an action is skipped.
 */
export function addActionsFor(doc: Y.Doc, annotationIds: readonly AnnotationId[]): ActionId[] {
  return transactLocal(doc, () => {
    for (const id of annotationIds) if (!getRecord(doc, 'annotations', id)) throw new CommandError('not-found', `annotationIds: no annotation ${JSON.stringify(id)}`)
    const addressed = new Set(listRecords(doc, 'actions').flatMap((a) => a.addresses as string[]))
    const created: ActionId[] = []
    for (const id of new Set(annotationIds)) {
      if (addressed.has(id)) continue
      created.push(addAction(doc, { fromAnnotation: id }))
    }
    return created
  })
}

/** Set any of title, owner, measure, target, dueDate ('' or YYYY-MM-DD), status, addresses. */
export function updateAction(doc: Y.Doc, id: ActionId, patch: Partial<ActionFields>): void {
  transactLocal(doc, () => void patchRecord(doc, 'actions', id, patch))
}

/**
 * Say the action addresses one more pain point or need. Only that id is written, so a colleague
 * linking another one at the same moment keeps theirs; linking twice is a no-op.
 */
export function linkActionAnnotation(doc: Y.Doc, id: ActionId, annotationId: AnnotationId): void {
  transactLocal(doc, () => {
    const current = requireRecord(doc, 'actions', id)
    if (!getRecord(doc, 'annotations', annotationId)) throw new CommandError('not-found', `addresses: no annotation ${JSON.stringify(annotationId)}`)
    if (!current.addresses.includes(annotationId)) patchRecord(doc, 'actions', id, { addresses: [...current.addresses, annotationId] })
  })
}

export function unlinkActionAnnotation(doc: Y.Doc, id: ActionId, annotationId: AnnotationId): void {
  transactLocal(doc, () => {
    const current = requireRecord(doc, 'actions', id)
    if (current.addresses.includes(annotationId)) patchRecord(doc, 'actions', id, { addresses: current.addresses.filter((a) => a !== annotationId) })
  })
}

/** Move an action through planned → in progress → done (or blocked). */
export function setActionStatus(doc: Y.Doc, id: ActionId, status: ActionStatus): void {
  updateAction(doc, id, { status })
}

export function deleteAction(doc: Y.Doc, id: ActionId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}

/** The title an action gets from a pain point: its first line, cut to a title's length. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0].trim()
  return line.length > 200 ? line.slice(0, 199) + '…' : line
}

/** A pain point on a touchpoint is most likely fixed by the department that owns the touchpoint. */
function ownerOf(doc: Y.Doc, targetId: string | undefined): string {
  return targetId ? (getRecord(doc, 'touchpoints', targetId)?.owner ?? '') : ''
}
