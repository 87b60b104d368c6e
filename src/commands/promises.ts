import * as Y from 'yjs'
import { createId, type PromiseId, type ServicePriority, type ServicePriorityId, type TouchpointId } from '../model'
import { deleteWithDependents } from './cascade'
import { CommandError, getRecord, insertRecord, listRecords, orderAt, patchRecord, requireRecord, transactLocal } from './transact'

/** Add a customer promise ("what the customer should always experience"), at the end. */
export function addPromise(doc: Y.Doc, input: { text: string; id?: PromiseId }): PromiseId {
  return transactLocal(doc, () => {
    const id = input.id ?? createId('promise')
    insertRecord(doc, 'promises', { id, text: input.text, order: orderAt(listRecords(doc, 'promises'), undefined) })
    return id
  })
}

export function updatePromise(doc: Y.Doc, id: PromiseId, text: string): void {
  transactLocal(doc, () => void patchRecord(doc, 'promises', id, { text }))
}

/** Delete a promise with its service priorities. */
export function deletePromise(doc: Y.Doc, id: PromiseId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}

export type ServicePriorityFields = Pick<ServicePriority, 'promiseId' | 'text' | 'measure' | 'target' | 'touchpointIds'>

/** Add a measurable service priority under a promise, at the end of that promise's list. */
export function addServicePriority(
  doc: Y.Doc,
  input: { promiseId: PromiseId; text: string } & Partial<Omit<ServicePriorityFields, 'promiseId' | 'text'>> & { id?: ServicePriorityId },
): ServicePriorityId {
  return transactLocal(doc, () => {
    if (!getRecord(doc, 'promises', input.promiseId)) throw new CommandError('not-found', `promiseId: no promise ${JSON.stringify(input.promiseId)}`)
    const id = input.id ?? createId('service-priority')
    insertRecord(doc, 'servicePriorities', {
      id,
      promiseId: input.promiseId,
      text: input.text,
      measure: input.measure ?? '',
      target: input.target ?? '',
      touchpointIds: [...(input.touchpointIds ?? [])],
      order: orderAt(listRecords(doc, 'servicePriorities', (p) => p.promiseId === input.promiseId), undefined),
    })
    return id
  })
}

/** Set any of text, measure, target, touchpointIds, or move it under another promise. */
export function updateServicePriority(doc: Y.Doc, id: ServicePriorityId, patch: Partial<ServicePriorityFields>): void {
  transactLocal(doc, () => {
    if (patch.promiseId && !getRecord(doc, 'promises', patch.promiseId)) throw new CommandError('not-found', `promiseId: no promise ${JSON.stringify(patch.promiseId)}`)
    patchRecord(doc, 'servicePriorities', id, patch)
  })
}

/** Link a touchpoint that proves (or breaks) the service priority; linking twice is a no-op. */
export function linkPriorityTouchpoint(doc: Y.Doc, id: ServicePriorityId, touchpointId: TouchpointId): void {
  transactLocal(doc, () => {
    const current = requireRecord(doc, 'servicePriorities', id)
    if (!getRecord(doc, 'touchpoints', touchpointId)) throw new CommandError('not-found', `touchpointId: no touchpoint ${JSON.stringify(touchpointId)}`)
    if (!current.touchpointIds.includes(touchpointId)) patchRecord(doc, 'servicePriorities', id, { touchpointIds: [...current.touchpointIds, touchpointId] })
  })
}

export function unlinkPriorityTouchpoint(doc: Y.Doc, id: ServicePriorityId, touchpointId: TouchpointId): void {
  transactLocal(doc, () => {
    const current = requireRecord(doc, 'servicePriorities', id)
    if (current.touchpointIds.includes(touchpointId)) patchRecord(doc, 'servicePriorities', id, { touchpointIds: current.touchpointIds.filter((t) => t !== touchpointId) })
  })
}

export function deleteServicePriority(doc: Y.Doc, id: ServicePriorityId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}
