import * as Y from 'yjs'
import {
  ASSESSMENT_UNSET,
  createId,
  isNeedKind,
  targetExists,
  type AnnotationId,
  type AnnotationKind,
  type AnnotationTargetId,
  type Evidence,
  type NeedStatus,
} from '../model'
import { readSnapshot } from '../doc'
import { deleteWithDependents } from './cascade'
import { CommandError, insertRecord, listRecords, orderAt, patchRecord, requireRecord, transactLocal } from './transact'

/** Annotate a persona, phase (`phase:before`…), stage or touchpoint. Needs start `unmet` unless told. */
export function addAnnotation(
  doc: Y.Doc,
  input: { targetId: AnnotationTargetId; kind: AnnotationKind; text: string; status?: NeedStatus | null; evidence?: Evidence | null; id?: AnnotationId; author?: string },
): AnnotationId {
  return transactLocal(doc, () => {
    if (!targetExists(readTargets(doc), input.targetId)) throw new CommandError('not-found', `targetId: nothing to annotate at ${JSON.stringify(input.targetId)}`)
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
    if (!isNeedKind(current.kind)) throw new CommandError('invalid', `annotations[${JSON.stringify(id)}].status: only needs have a status, this is a ${current.kind}`)
    patchRecord(doc, 'annotations', id, { status })
  })
}

/** Move an annotation (e.g. one left without a target) onto another target. */
export function reattachAnnotation(doc: Y.Doc, id: AnnotationId, targetId: AnnotationTargetId): void {
  transactLocal(doc, () => {
    if (!targetExists(readTargets(doc), targetId)) throw new CommandError('not-found', `targetId: nothing to annotate at ${JSON.stringify(targetId)}`)
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

function readTargets(doc: Y.Doc) {
  // Only existence checks: a full read is fine at command time (not a render path).
  return readSnapshot(doc)
}
