/**
 * The service blueprint at the relay, with stock y-websocket clients over real sockets and the
 * real SQLite file: a well-formed item is relayed and stored; a malformed one closes its sender
 * with 4422 and is never stored; a map written before the blueprint existed loads and edits as it
 * did.
 */
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { addBlueprintItem, addTouchpoint, initializeMap, linkBlueprintTouchpoint, updateTouchpoint } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import { toJourneyJson, type PersonaId, type StageId, type TouchpointId } from '../../src/model'
import { createMapId } from '../mapIds'
import type { ShareLinks } from '../maps'
import { TokenSigner } from '../auth/tokens'
import { eventually, startTestServer, TEST_SECRET, type TestServer } from '../testing/testServer'

const servers: TestServer[] = []
const providers: WebsocketProvider[] = []
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy()
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
})

interface Peer {
  doc: Y.Doc
  provider: WebsocketProvider
  closes: number[]
}

/** A stock provider with nothing but a role token. */
function connect(server: TestServer, mapId: string, token: string): Peer {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, mapId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 200,
  })
  providers.push(provider)
  const peer: Peer = { doc, provider, closes: [] }
  provider.on('connection-close', (event) => void (event && peer.closes.push(event.code)))
  return peer
}

const synced = (p: Peer) => eventually(() => p.provider.wsconnected && p.provider.synced, 5000, 'the provider to sync')

function firstCell(doc: Y.Doc) {
  const s = readSnapshot(doc)
  return { stageId: Object.keys(s.stages)[0] as StageId, personaId: Object.keys(s.personas)[0] as PersonaId }
}

describe('blueprint items at the relay', () => {
  it('relays and stores a well-formed item; closes the sender of a malformed one with 4422 and stores nothing of it', async () => {
    const server = await startTestServer()
    servers.push(server)
    const links: ShareLinks = await server.createMap({ title: 'Verkstedet æøå' })
    const editor = connect(server, links.id, links.editorToken)
    const watcher = connect(server, links.id, links.viewerToken)
    await Promise.all([editor, watcher].map(synced))
    const { stageId, personaId } = firstCell(editor.doc)
    const tp = addTouchpoint(editor.doc, { stageId, personaId, title: 'Ringer sentralbordet 📞' })
    const item = addBlueprintItem(editor.doc, { lane: 'backstage', stageId, title: 'Verkstedkapasitet: ledig tid om 10 dager', owner: 'Verksted' })
    linkBlueprintTouchpoint(editor.doc, item, tp)
    await eventually(() => readSnapshot(watcher.doc).blueprintItems[item]?.touchpointIds.includes(tp) === true, 5000, 'the item and its link at the viewer')

    // A careless or hostile client writes an item with a lane the schema does not have, and a
    // touchpoint set holding something that is not a touchpoint id.
    const attacker = connect(server, links.id, links.editorToken)
    await synced(attacker)
    attacker.provider.shouldConnect = false // y-websocket would otherwise reconnect and resend it
    attacker.doc.getMap('blueprintItems').set('blueprint-item:bad1', new Y.Map<unknown>([['lane', 'cellar'], ['stageId', stageId], ['title', 'Kjeller']]))
    await eventually(() => attacker.closes.includes(4422), 5000, 'the 4422 close')
    const second = connect(server, links.id, links.editorToken)
    await synced(second)
    second.provider.shouldConnect = false
    second.doc.getMap('blueprintItems').set('blueprint-item:bad2', new Y.Map<unknown>([['touchpointIds', new Y.Map<unknown>([['persona:x', true]])]]))
    await eventually(() => second.closes.includes(4422), 5000, 'the 4422 close of a bad link')

    // Nothing of either reached the others, nor the storage: a relay started afresh on the same file has the good item only.
    await server.close()
    const again = await startTestServer({ dataDir: server.dataDir })
    servers.push(again)
    const reader = connect(again, links.id, links.viewerToken)
    await synced(reader)
    const stored = readSnapshot(reader.doc).blueprintItems
    expect(Object.keys(stored)).toEqual([item])
    expect(stored[item]).toMatchObject({ lane: 'backstage', owner: 'Verksted', touchpointIds: [tp] })
    expect(Object.keys(readSnapshot(watcher.doc).blueprintItems)).toEqual([item])
  })

  it('loads and edits a map stored before the blueprint existed, unchanged', async () => {
    const server = await startTestServer()
    servers.push(server)
    // A v2 document as the code before the blueprint wrote it: no blueprintItems map at all.
    const old = new Y.Doc()
    initializeMap(old, { title: 'Før blåkopien', locale: 'da' })
    const { stageId, personaId } = firstCell(old)
    const tp = addTouchpoint(old, { stageId, personaId, title: 'Værkstedet ringer' })
    const stored = Y.encodeStateAsUpdate(old)
    expect(new TextDecoder().decode(stored)).not.toContain('blueprintItems')
    const mapId = createMapId()
    await server.store.createMap({ id: mapId, title: 'Før blåkopien', createdAt: new Date().toISOString(), initialUpdate: stored })
    const signer = new TokenSigner(TEST_SECRET)
    const token = (role: 'editor' | 'viewer') => signer.sign({ mapId, role, epoch: 1, issuedAt: Date.now() })

    const editor = connect(server, mapId, token('editor'))
    await synced(editor)
    const expected = toJourneyJson(readSnapshot(old))
    expect(toJourneyJson(readSnapshot(editor.doc))).toEqual(expected)
    expect(expected.blueprintItems).toEqual([])
    updateTouchpoint(editor.doc, tp as TouchpointId, { emotion: -2 })
    const viewer = connect(server, mapId, token('viewer'))
    await synced(viewer)
    await eventually(() => readSnapshot(viewer.doc).touchpoints[tp]?.emotion === -2, 5000, 'the edit at the viewer')
    expect(editor.closes).toEqual([])
    const exported = await (await fetch(`${server.url}/api/maps/${mapId}/export.json?token=${token('viewer')}`)).json()
    expect(exported.touchpoints[0]).toMatchObject({ title: 'Værkstedet ringer', emotion: -2 })
    expect(exported.blueprintItems).toEqual([])
  })
})
