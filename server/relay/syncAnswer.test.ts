/**
 * A client that says it is synced has the whole map. The relay answers a new client from a
 * cached full state plus the edits since; a stock y-websocket client counts itself synced on the
 * sync step 2, so the edits since must already be in its document at that moment (a browser reads
 * each message in its own task, and a test or an app acting on "synced" would see an old map).
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { ShareLinks } from '../maps'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'

let server: TestServer
let links: ShareLinks
const providers: WebsocketProvider[] = []

beforeEach(async () => {
  server = await startTestServer()
  links = await server.createMap({ title: 'Synkroniseret ✅ æøå' })
})
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy()
  await server.dispose()
})

function connect(token: string, doc = new Y.Doc()): WebsocketProvider {
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, links.id, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  })
  providers.push(provider)
  return provider
}

const label = (doc: Y.Doc, id: string) => (doc.getMap('links').get(id) as Y.Map<unknown> | undefined)?.get('label')

it('has every edit made since the room loaded at the moment it reports synced', async () => {
  const editor = connect(links.editorToken)
  await new Promise((resolve) => editor.once('sync', resolve))
  const ids = ['link:a', 'link:b', 'link:c']
  ids.forEach((id, i) => editor.doc.getMap('links').set(id, new Y.Map<unknown>([['id', id], ['label', `kant ${i} ✏️ øå`]])))
  const watcher = connect(links.viewerToken)
  await eventually(() => ids.every((id) => label(watcher.doc, id) !== undefined), 5000, 'the edits to reach a second client')

  for (const token of [links.viewerToken, links.editorToken]) {
    const joiner = connect(token)
    // Read in the handler itself: what an app acting on "synced" would see.
    const seen = await new Promise<unknown[]>((resolve) => joiner.on('sync', (state: boolean) => state && resolve(ids.map((id) => label(joiner.doc, id)))))
    expect(seen).toEqual(['kant 0 ✏️ øå', 'kant 1 ✏️ øå', 'kant 2 ✏️ øå'])
  }
})
