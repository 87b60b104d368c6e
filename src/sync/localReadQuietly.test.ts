/**
 * The local copy's read (one transaction of IndexedDB's origin) is not encoded for the `update`
 * listeners while the provider cannot send it; every other transaction, and that one while the
 * provider can send, reaches them as usual.
 */
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { readLocalCopyQuietly } from './quietSync'

const local = { name: 'the IndexedDB provider' }

/** A stored copy of a small document, as IndexedDB would hold it. */
function storedCopy(): Uint8Array {
  const source = new Y.Doc()
  source.getMap('touchpoints').set('touchpoint:a', new Y.Map([['title', 'Stored']]))
  return Y.encodeStateAsUpdate(source)
}

function listen(doc: Y.Doc): unknown[] {
  const heard: unknown[] = []
  doc.on('update', (_update: Uint8Array, origin: unknown) => heard.push(origin))
  return heard
}

it('skips the encode of the local read while the provider cannot send, and no other', () => {
  const doc = new Y.Doc()
  const heard = listen(doc)
  const stop = readLocalCopyQuietly(doc, local, () => false)
  Y.transact(doc, () => Y.applyUpdate(doc, storedCopy()), local, false)
  expect(doc.getMap('touchpoints').has('touchpoint:a')).toBe(true)
  expect(heard).toEqual([])
  // An edit after the read, and a colleague's update, reach the listeners.
  doc.transact(() => doc.getMap('meta').set('title', 'Mine'), 'me')
  const colleague = new Y.Doc()
  colleague.getMap('meta').set('description', 'Theirs')
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague), 'relay')
  expect(heard).toEqual(['me', 'relay'])
  stop()
  Y.transact(doc, () => doc.getMap('meta').set('locale', 'da'), local, false)
  expect(heard).toEqual(['me', 'relay', local])
})

it('leaves the local read to the listeners while the provider can send it', () => {
  const doc = new Y.Doc()
  const heard = listen(doc)
  readLocalCopyQuietly(doc, local, () => true)
  Y.transact(doc, () => Y.applyUpdate(doc, storedCopy()), local, false)
  expect(heard).toEqual([local])
})

it('a write made by an observer of the local read still reaches the listeners', () => {
  const doc = new Y.Doc()
  const heard = listen(doc)
  readLocalCopyQuietly(doc, local, () => false)
  const touchpoints = doc.getMap('touchpoints')
  const onRead = (_e: unknown, txn: Y.Transaction) => {
    if (txn.origin === local) doc.transact(() => doc.getMap('meta').set('schemaVersion', 2), 'migration')
  }
  touchpoints.observeDeep(onRead)
  Y.transact(doc, () => Y.applyUpdate(doc, storedCopy()), local, false)
  expect(heard).toEqual(['migration'])
})
