import * as Y from 'yjs'
import {
  ASSESSMENT_UNSET,
  createId,
  MAX_TEXT,
  isNeedKind,
  targetExists,
  type AnnotationId,
  type AnnotationKind,
  type AnnotationTargetId,
  type Evidence,
  type NeedStatus,
} from '../model'
import { getCollection, readSnapshot } from '../doc'
import { deleteWithDependents } from './cascade'
import { CommandError, insertRecord, listRecords, orderAt, patchRecord, requireRecord, transactLocal } from './transact'

/** Annotate a persona, phase (`phase:before`…), stage or touchpoint. Needs start `unmet` unless told. */
export function addAnnotation(
  doc: Y.Doc,
  input: { targetId: AnnotationTargetId; kind: AnnotationKind; text: string; status?: NeedStatus | null; evidence?: Evidence | null; id?: AnnotationId; author?: string },
): AnnotationId {
  return transactLocal(doc, () => {
    if (!targetExists(readTargets(doc), input.targetId)) throw new CommandError(`targetId: nothing to annotate at ${JSON.stringify(input.targetId)}`)
    const id = input.id ?? createId('annotation')
    insertRecord(doc, 'annotations', {
      id,
      targetId: input.targetId,
      kind: input.kind,
      text: input.text,
      status: isNeedKind(input.kind) ? (input.status === undefined ? 'unmet' : input.status) : null,
      votes: {},
      ...ASSESSMENT_UNSET,
      evidence: input.evidence ?? null,
      order: orderAt(listRecords(doc, 'annotations', (a) => a.targetId === input.targetId && a.kind === input.kind), undefined),
      ...(input.author ? { author: input.author } : null),
    })
    return id
  })
}

export function editAnnotation(doc: Y.Doc, id: AnnotationId, patch: { text?: string; kind?: AnnotationKind; status?: NeedStatus | null }): void {
  transactLocal(doc, () => {
    const current = requireRecord(doc, 'annotations', id)
    const kind = patch.kind ?? current.kind
    const next = { ...patch }
    if (!isNeedKind(kind)) next.status = null
    else if (patch.kind && !isNeedKind(current.kind) && patch.status === undefined) next.status = 'unmet'
    patchRecord(doc, 'annotations', id, next)
  })
}

/** Mark a functional or emotional need met, partly met or unmet. */
export function setNeedStatus(doc: Y.Doc, id: AnnotationId, status: NeedStatus | null): void {
  transactLocal(doc, () => {
    const current = requireRecord(doc, 'annotations', id)
    if (!isNeedKind(current.kind)) throw new CommandError(`annotations[${JSON.stringify(id)}].status: only needs have a status, this is a ${current.kind}`)
    patchRecord(doc, 'annotations', id, { status })
  })
}

/** Move an annotation (e.g. one left without a target) onto another target. */
export function reattachAnnotation(doc: Y.Doc, id: AnnotationId, targetId: AnnotationTargetId): void {
  transactLocal(doc, () => {
    if (!targetExists(readTargets(doc), targetId)) throw new CommandError(`targetId: nothing to annotate at ${JSON.stringify(targetId)}`)
    patchRecord(doc, 'annotations', id, { targetId })
  })
}

/** Say how the team knows this annotation: assumed, observed, measured, or null for unsaid. */
export function setEvidence(doc: Y.Doc, id: AnnotationId, evidence: Evidence | null): void {
  transactLocal(doc, () => void patchRecord(doc, 'annotations', id, { evidence }))
}

/**
 * Place an opportunity (or any annotation) on the priority matrix: impact and effort 1..5, or null
 * to take it off. Only the given fields change, so two people scoring one at once keep both.
 */
export function assessAnnotation(doc: Y.Doc, id: AnnotationId, patch: { impact?: number | null; effort?: number | null }): void {
  transactLocal(doc, () => void patchRecord(doc, 'annotations', id, patch))
}

export function deleteAnnotation(doc: Y.Doc, id: AnnotationId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}

/**
 * Merge a duplicate into another annotation (the facilitator's drop of one note onto another):
 * `into` keeps its place and gains the other's text after its own, its votes added voter by
 * voter, its authors, and what hung on it (comments, quotes, actions addressing it). One step.
 */
export function mergeAnnotations(doc: Y.Doc, fromId: AnnotationId, intoId: AnnotationId): void {
  transactLocal(doc, () => {
    if (fromId === intoId) throw new CommandError('mergeAnnotations: an annotation cannot merge into itself')
    const from = requireRecord(doc, 'annotations', fromId)
    const into = requireRecord(doc, 'annotations', intoId)
    const text = [into.text, from.text].filter((t) => t.trim()).join('\n\n')
    if (text.length > MAX_TEXT) throw new CommandError(`text: the merged text would be ${text.length} characters, more than ${MAX_TEXT}`)
    const authors = [...new Set([into.author, from.author].flatMap((a) => (a ? a.split(', ') : [])))].join(', ').slice(0, 200)
    patchRecord(doc, 'annotations', intoId, {
      text,
      evidence: into.evidence ?? from.evidence,
      impact: into.impact ?? from.impact,
      effort: into.effort ?? from.effort,
      ...(authors ? { author: authors } : null),
    })
    const record = getCollection(doc, 'annotations').get(intoId)!
    let votes = record.get('votes')
    if (!(votes instanceof Y.Map)) {
      votes = new Y.Map()
      record.set('votes', votes)
    }
    for (const [voter, n] of Object.entries(from.votes)) {
      if (n > 0) (votes as Y.Map<number>).set(voter, Math.min(MAX_VOTE_COUNT, (into.votes[voter] ?? 0) + n))
    }
    for (const c of listRecords(doc, 'comments', (c) => c.targetId === fromId)) patchRecord(doc, 'comments', c.id, { targetId: intoId })
    for (const q of listRecords(doc, 'quotes', (q) => q.annotationId === fromId)) patchRecord(doc, 'quotes', q.id, { annotationId: intoId })
    for (const a of listRecords(doc, 'actions', (a) => a.addresses.includes(fromId))) {
      patchRecord(doc, 'actions', a.id, { addresses: [...new Set(a.addresses.map((id) => (id === fromId ? intoId : id)))] })
    }
    deleteWithDependents(doc, [fromId])
  })
}

/** The most votes one voter may hold on one annotation (the schema's bound). */
const MAX_VOTE_COUNT = 1000

function readTargets(doc: Y.Doc) {
  // Only existence checks: a full read is fine at command time (not a render path).
  return readSnapshot(doc)
}
