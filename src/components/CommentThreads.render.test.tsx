// @vitest-environment happy-dom
/**
 * Comment threads need participants' names (for @mentions), not their cursors: a colleague moving
 * the mouse over the canvas must not re-render them. Two real awareness instances exchange real
 * awareness updates, as they do through the relay; React's Profiler counts the commits in which
 * the threads rendered.
 */
import { Profiler, act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { addComment } from '../commands'
import { createUndoManager } from '../doc'
import { bindDocument, useJourneyStore } from '../store'
import { peersFromAwareness } from '../sync/presence'
import { createTestDoc } from '../test/factories'
import { MapSessionContext } from '../session/MapSessionContext'
import { CommentThreads } from './CommentThreads'
import type { MapSession } from '../sync'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

let cleanup: (() => void)[] = []
beforeEach(() => {
  cleanup = []
})
afterEach(() => cleanup.reverse().forEach((c) => c()))

function connectedAwareness(doc: Y.Doc) {
  const mine = new Awareness(doc)
  const peer = new Awareness(new Y.Doc())
  // Every change the peer makes reaches us as an encoded update, as it would over the socket.
  peer.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(peer, [...added, ...updated, ...removed]), 'remote')
  })
  mine.on('change', () => useJourneyStore.getState().setPeers(peersFromAwareness(mine, doc.clientID)))
  cleanup.push(() => (mine.destroy(), peer.destroy()))
  return { mine, peer }
}

describe('comment threads while a peer moves a cursor', () => {
  it('do not re-render when only a cursor moves, and do when a name changes', async () => {
    const { doc, touchpoint } = createTestDoc()
    addComment(doc, { targetId: touchpoint, author: 'Åse', text: 'Hvorfor stenger verkstedet? @Ørjan 🚗' })
    cleanup.push(bindDocument(doc))
    const { mine, peer } = connectedAwareness(doc)
    const session = { mapId: 'm', doc, undoManager: createUndoManager(doc), awareness: mine } as unknown as MapSession

    let renders = 0
    const container = document.createElement('div')
    document.body.append(container)
    const root = createRoot(container)
    cleanup.push(() => act(() => root.unmount()))
    await act(async () => {
      root.render(
        <MapSessionContext.Provider value={session}>
          <Profiler id="threads" onRender={() => void renders++}>
            <CommentThreads targetId={touchpoint} />
          </Profiler>
        </MapSessionContext.Provider>,
      )
    })
    await act(async () => peer.setLocalState({ user: { name: 'Ørjan', color: '#aa3355', role: 'editor' }, cursor: null }))
    expect(container.querySelector('mark.mention')?.textContent).toBe('@Ørjan')

    const before = renders
    for (let i = 0; i < 50; i++) await act(async () => peer.setLocalStateField('cursor', { x: i * 10, y: i * 5 }))
    const duringCursorMoves = renders - before
    console.log(`comment threads rendered ${duringCursorMoves} times while a peer moved the cursor 50 times`)
    expect(duringCursorMoves).toBe(0)

    // A name change is what the threads do need: the mention follows it.
    await act(async () => peer.setLocalStateField('user', { name: 'Åsmund', color: '#aa3355', role: 'editor' }))
    expect(renders).toBeGreaterThan(before)
  })
})
