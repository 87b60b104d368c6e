import * as Y from 'yjs'
import { createId, type LinkId, type TouchpointId } from '../model'
import { getCollection } from '../doc'
import { CommandError, getRecord, insertRecord, listRecords, patchRecord, transactLocal } from './transact'

/** Link two touchpoints (drawn as an edge). Linking the same pair twice returns the existing link. */
export function linkTouchpoints(doc: Y.Doc, from: TouchpointId, to: TouchpointId, label = ''): LinkId {
  return transactLocal(doc, () => {
    if (from === to) throw new CommandError('invalid', 'to: a link must join two different touchpoints')
    if (!getRecord(doc, 'touchpoints', from)) throw new CommandError('not-found', `from: no touchpoint ${JSON.stringify(from)}`)
    if (!getRecord(doc, 'touchpoints', to)) throw new CommandError('not-found', `to: no touchpoint ${JSON.stringify(to)}`)
    const existing = listRecords(doc, 'links', (l) => l.from === from && l.to === to)[0]
    if (existing) return existing.id
    const id = createId('link')
    insertRecord(doc, 'links', { id, from, to, label })
    return id
  })
}

export function relabelLink(doc: Y.Doc, id: LinkId, label: string): void {
  transactLocal(doc, () => void patchRecord(doc, 'links', id, { label }))
}

export function deleteLink(doc: Y.Doc, id: LinkId): void {
  transactLocal(doc, () => {
    const links = getCollection(doc, 'links')
    if (links.has(id)) links.delete(id)
  })
}
