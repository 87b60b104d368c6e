/**
 * Schema v2 at the relay, over real sockets and real SQLite: a map stored as v1 (sets of ids as
 * plain arrays) is migrated when the relay loads it, before anyone joins, with every link intact;
 * concurrent links to one record all survive; and nobody but the relay writes meta.schemaVersion.
 */
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { addAnnotation, addPromise, addServicePriority, addTouchpoint, initializeMap, linkPriorityTouchpoint, addAction } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import { SCHEMA_VERSION, type PersonaId, type StageId, type TouchpointId } from '../../src/model'
import { TokenSigner, type Role } from '../auth/tokens'
import { createMapId } from '../mapIds'
import { SyncClient } from '../testing/syncClient'
import { eventually, startTestServer, TEST_SECRET, type TestServer } from '../testing/testServer'

const servers: TestServer[] = []
const clients: SyncClient[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
})

const signer = new TokenSigner(TEST_SECRET)
const token = (mapId: string, role: Role) => signer.sign({ mapId, role, epoch: 1, issuedAt: Date.now() })

async function join(server: TestServer, mapId: string, role: Role, doc?: Y.Doc): Promise<SyncClient> {
  const c = await SyncClient.connect(server.url, mapId, token(mapId, role), doc ? { doc } : {})
  clients.push(c)
  await c.synced
  return c
}

/**
 * A document as the v1 code wrote it: the current commands, then every set of ids put back as
 * one plain array and `schemaVersion` 1.
 */
function v1Document() {
  const doc = new Y.Doc()
  initializeMap(doc, { title: 'Gammel kart æøå', locale: 'nb' })
  const s = readSnapshot(doc)
  const stageId = Object.keys(s.stages)[0] as StageId
  const personaId = Object.keys(s.personas)[0] as PersonaId
  const tp1 = addTouchpoint(doc, { stageId, personaId, title: 'Ringer 📞' })
  const tp2 = addTouchpoint(doc, { stageId, personaId, title: 'Venter' })
  const pain = addAnnotation(doc, { targetId: tp1, kind: 'pain-point', text: 'Lang kø' })
  const action = addAction(doc, { title: 'Ring tilbake', addresses: [pain] })
  const promise = addPromise(doc, { text: 'Vi svarer raskt' })
  const priority = addServicePriority(doc, { promiseId: promise, text: 'Svar innen 90 s', touchpointIds: [tp1, tp2] })
  doc.transact(() => {
    doc.getMap('meta').set('schemaVersion', 1)
    ;(doc.getMap('actions').get(action) as Y.Map<unknown>).set('addresses', [pain])
    ;(doc.getMap('servicePriorities').get(priority) as Y.Map<unknown>).set('touchpointIds', [tp1, tp2])
  })
  return { doc, tp1, tp2, pain, action, priority }
}

describe('schema v2 at the relay', () => {
  it('migrates a stored v1 map on load, before anyone joins, with its links intact, once', async () => {
    const server = await startTestServer()
    servers.push(server)
    const v1 = v1Document()
    const mapId = createMapId()
    await server.store.createMap({ id: mapId, title: 'Gammel kart æøå', createdAt: new Date().toISOString(), initialUpdate: Y.encodeStateAsUpdate(v1.doc) })

    const viewer = await join(server, mapId, 'viewer')
    expect(viewer.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION)
    const priority = (viewer.doc.getMap('servicePriorities').get(v1.priority) as Y.Map<unknown>).get('touchpointIds')
    expect(priority).toBeInstanceOf(Y.Map)
    const snapshot = readSnapshot(viewer.doc)
    expect(snapshot.servicePriorities[v1.priority].touchpointIds).toEqual([v1.tp1, v1.tp2].sort())
    expect(snapshot.actions[v1.action].addresses).toEqual([v1.pain])
    expect(snapshot.meta.title).toBe('Gammel kart æøå')
    await viewer.close()
    clients.splice(0)

    // The migration was stored: a fresh relay on the same data loads v2 without migrating again.
    await server.close()
    const again = await startTestServer({ dataDir: server.dataDir })
    servers.push(again)
    const rowsBefore = (await again.store.loadUpdates(mapId)).updates.length
    const reader = await join(again, mapId, 'viewer')
    expect(reader.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(readSnapshot(reader.doc).actions[v1.action].addresses).toEqual([v1.pain])
    expect((await again.store.loadUpdates(mapId)).updates.length).toBe(rowsBefore)
    // And export.json, the way programs outside read a map, carries the links as arrays.
    const exported = await (await fetch(`${again.url}/api/maps/${mapId}/export.json?token=${token(mapId, 'viewer')}`)).json()
    expect(exported.servicePriorities[0].touchpointIds.sort()).toEqual([v1.tp1, v1.tp2].sort())
  })

  it('keeps both links when two editors link different touchpoints to one service priority at once', async () => {
    const server = await startTestServer()
    servers.push(server)
    const map = await server.createMap({ title: 'Løfter' })
    const facilitator = await join(server, map.id, 'facilitator')
    const s = readSnapshot(facilitator.doc)
    const stageId = Object.keys(s.stages)[0] as StageId
    const personaId = Object.keys(s.personas)[0] as PersonaId
    const a = addTouchpoint(facilitator.doc, { stageId, personaId, title: 'Chat' })
    const b = addTouchpoint(facilitator.doc, { stageId, personaId, title: 'Telefon' })
    const promise = addPromise(facilitator.doc, { text: 'Rask hjelp' })
    const priority = addServicePriority(facilitator.doc, { promiseId: promise, text: 'Svar innen 1 min' })
    const ana = await join(server, map.id, 'editor')
    const ben = await join(server, map.id, 'editor')
    await eventually(() => [ana, ben].every((c) => readSnapshot(c.doc).servicePriorities[priority] !== undefined), 5000, 'the priority to reach both')
    // Both link before either hears of the other: in one tick, over two sockets.
    linkPriorityTouchpoint(ana.doc, priority, a as TouchpointId)
    linkPriorityTouchpoint(ben.doc, priority, b as TouchpointId)
    const both = [a, b].sort()
    await eventually(() => [facilitator, ana, ben].every((c) => readSnapshot(c.doc).servicePriorities[priority]?.touchpointIds.join() === both.join()), 5000, 'both links everywhere')
  })

  it('refuses a write to meta.schemaVersion from an editor and a facilitator alike', async () => {
    const server = await startTestServer()
    servers.push(server)
    const map = await server.createMap({ title: 'Versjon' })
    for (const role of ['editor', 'facilitator'] as const) {
      const c = await join(server, map.id, role)
      c.doc.getMap('meta').set('schemaVersion', 99)
      expect((await c.closed).code).toBe(4423)
    }
    const reader = await join(server, map.id, 'viewer')
    expect(reader.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION)
  })
})
