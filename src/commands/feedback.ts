import type * as Y from 'yjs'
import { createId, type AnnotationId, type FeedbackLinkId, type FeedbackSet, type FeedbackSetId, type Quote, type QuoteId, type StageId, type TouchpointId } from '../model'
import { deleteWithDependents } from './cascade'
import { CommandError, getRecord, insertRecord, listRecords, patchRecord, requireRecord, transactLocal } from './transact'

export type FeedbackTargetId = StageId | TouchpointId

/**
 * Put an imported data set on the map: its reference (name, size, date range; the responses
 * stay on the server) and which stage or touchpoint each value of its stage/touchpoint column
 * means. One transaction, so a colleague never sees a set without its links.
 */
export function addFeedbackSet(doc: Y.Doc, input: Omit<FeedbackSet, 'id'> & { id?: FeedbackSetId; links: readonly { value: string; targetId: FeedbackTargetId }[] }): FeedbackSetId {
  return transactLocal(doc, () => {
    const id = input.id ?? createId('feedback-set')
    insertRecord(doc, 'feedbackSets', { id, name: input.name, from: input.from, to: input.to, responses: input.responses, createdAt: input.createdAt })
    for (const link of input.links) insertRecord(doc, 'feedbackLinks', { id: createId('feedback-link'), setId: id, value: link.value, targetId: link.targetId })
    return id
  })
}

/** Rename a data set as the map shows it. */
export function renameFeedbackSet(doc: Y.Doc, id: FeedbackSetId, name: string): void {
  transactLocal(doc, () => void patchRecord(doc, 'feedbackSets', id, { name }))
}

/**
 * Say which stage or touchpoint a sheet value means (null: none, its responses are left out).
 * Replaces any link the value had in that data set, so it means one thing.
 */
export function linkFeedbackValue(doc: Y.Doc, setId: FeedbackSetId, value: string, targetId: FeedbackTargetId | null): FeedbackLinkId | null {
  return transactLocal(doc, () => {
    requireRecord(doc, 'feedbackSets', setId)
    if (targetId && !getRecord(doc, targetId.startsWith('stage:') ? 'stages' : 'touchpoints', targetId)) throw new CommandError('not-found', `targetId: no stage or touchpoint ${JSON.stringify(targetId)}`)
    const existing = listRecords(doc, 'feedbackLinks', (l) => l.setId === setId && l.value === value)
    for (const l of existing.slice(targetId ? 1 : 0)) deleteWithDependents(doc, [l.id])
    if (!targetId) return null
    if (existing[0]) {
      patchRecord(doc, 'feedbackLinks', existing[0].id, { targetId })
      return existing[0].id
    }
    const id = createId('feedback-link')
    insertRecord(doc, 'feedbackLinks', { id, setId, value, targetId })
    return id
  })
}

/**
 * Take a data set off the map: its reference, its links and every quote pinned from it (the
 * caller deletes the responses on the server: together they remove the personal data).
 */
export function removeFeedbackSet(doc: Y.Doc, id: FeedbackSetId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}

/**
 * Pin a customer's comment to an annotation as a quote. The annotation's evidence becomes
 * "measured": it now rests on what a customer said, not on what the team assumed.
 */
export function pinQuote(doc: Y.Doc, input: Omit<Quote, 'id'> & { id?: QuoteId }): QuoteId {
  return transactLocal(doc, () => {
    requireRecord(doc, 'annotations', input.annotationId)
    requireRecord(doc, 'feedbackSets', input.setId)
    const id = input.id ?? createId('quote')
    const { id: _ignored, ...fields } = input
    insertRecord(doc, 'quotes', { ...fields, id })
    patchRecord(doc, 'annotations', input.annotationId as AnnotationId, { evidence: 'measured' })
    return id
  })
}

/** Unpin a quote; the annotation keeps its evidence level (someone may have set it on purpose). */
export function unpinQuote(doc: Y.Doc, id: QuoteId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}
