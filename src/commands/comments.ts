import * as Y from 'yjs'
import { createId, targetExists, type CommentId } from '../model'
import { readSnapshot } from '../doc'
import { deleteWithDependents } from './cascade'
import { CommandError, insertRecord, patchRecord, transactLocal } from './transact'

/** Pin a comment to a persona, phase, stage, touchpoint or annotation. */
export function addComment(doc: Y.Doc, input: { targetId: string; author: string; text: string; now?: Date }): CommentId {
  return transactLocal(doc, () => {
    if (!targetExists(readSnapshot(doc), input.targetId)) throw new CommandError('not-found', `targetId: nothing to comment on at ${JSON.stringify(input.targetId)}`)
    const id = createId('comment')
    insertRecord(doc, 'comments', {
      id,
      targetId: input.targetId,
      author: input.author,
      text: input.text,
      createdAt: (input.now ?? new Date()).toISOString(),
      resolved: false,
    })
    return id
  })
}

export function setCommentResolved(doc: Y.Doc, id: CommentId, resolved: boolean): void {
  transactLocal(doc, () => void patchRecord(doc, 'comments', id, { resolved }))
}

export function deleteComment(doc: Y.Doc, id: CommentId): void {
  transactLocal(doc, () => void deleteWithDependents(doc, [id]))
}
