import * as Y from 'yjs'
import { createId, type Phase, type StageId } from '../model'
import { deleteWithDependents } from './cascade'
import { insertRecord, listRecords, orderAt, patchRecord, requireRecord, transactLocal } from './transact'

/** Add a stage to a phase, at the end of the phase unless `index` says where. */
export function addStage(doc: Y.Doc, input: { phase: Phase; title: string; index?: number; id?: StageId }): StageId {
  return transactLocal(doc, () => {
    const id = input.id ?? createId('stage')
    insertRecord(doc, 'stages', {
      id,
      phase: input.phase,
      title: input.title,
      order: orderAt(listRecords(doc, 'stages', (s) => s.phase === input.phase), input.index),
    })
    return id
  })
}

export function renameStage(doc: Y.Doc, id: StageId, title: string): void {
  transactLocal(doc, () => void patchRecord(doc, 'stages', id, { title }))
}

/** Move a stage within its phase or into another phase, to `index` there. One field write each. */
export function moveStage(doc: Y.Doc, id: StageId, to: { phase: Phase; index: number }): void {
  transactLocal(doc, () => {
    requireRecord(doc, 'stages', id)
    const order = orderAt(listRecords(doc, 'stages', (s) => s.phase === to.phase), to.index, id)
    patchRecord(doc, 'stages', id, { phase: to.phase, order })
  })
}

/** Delete a stage with its touchpoints and everything annotated on them. */
export function deleteStage(doc: Y.Doc, id: StageId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}
