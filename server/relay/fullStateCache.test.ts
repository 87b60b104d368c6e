/**
 * What a room applied since the stored state a reader was sent (fullStateCache.ts): at hand
 * without encoding while that state is the one kept, and with it the reader holds the document.
 */
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { FullStateCache } from './fullStateCache'

it('is what was applied since the state kept, empty when nothing was, and nothing once the state is encoded again', () => {
  const doc = new Y.Doc()
  doc.getMap('comments').set('comment:a', new Y.Map([['text', 'Kø ved skranken 😤']]))
  const state = Y.encodeStateAsUpdate(doc)
  const cache = new FullStateCache(doc)
  cache.seed(state)
  doc.on('update', (update: Uint8Array) => cache.applied(update))

  expect(Y.decodeUpdate(cache.appliedSince(state)!).structs).toHaveLength(0)
  expect(cache.appliedSince(Uint8Array.from(state))).toBeNull() // another state, even with the same bytes

  doc.getMap('comments').set('comment:b', new Y.Map([['text', 'Blåbær på æblet']]))
  ;(doc.getMap('comments').get('comment:a') as Y.Map<string>).set('text', 'Kø ved kassen')
  doc.getMap('comments').delete('comment:b')
  const reader = new Y.Doc()
  Y.applyUpdate(reader, state)
  Y.applyUpdate(reader, cache.appliedSince(state)!)
  expect(reader.getMap('comments').toJSON()).toEqual(doc.getMap('comments').toJSON())
  expect(Y.encodeStateVector(reader)).toEqual(Y.encodeStateVector(doc))

  // Past its share of changes the cache encodes the full state again: then the room must encode.
  for (let i = 0; i < 300; i++) doc.getMap('comments').set(`comment:n${i}`, new Y.Map([['text', `Note ${i} æøå`]]))
  cache.messages()
  expect(cache.appliedSince(state)).toBeNull()
})
