/**
 * Two relays sharing one store and one fan-out bus serve the same map: participants on either
 * converge, and a revocation on one closes sockets on the other. This is the shape a Redis
 * adapter plugs into.
 */
import fs from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { addTouchpoint } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import type { PersonaId, StageId } from '../../src/model'
import { CLOSE_CODES } from '../relay/protocol'
import { openSqliteStore } from '../storage/sqlite'
import { SyncClient } from '../testing/syncClient'
import { eventually, startTestServer, tempDataDir, type TestServer } from '../testing/testServer'
import { InProcessFanOut } from './inProcess'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

it('two relays share a room through the fan-out bus', async () => {
  const dataDir = tempDataDir()
  const store = await openSqliteStore(dataDir)
  const fanOut = new InProcessFanOut()
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }), () => store.close())
  const relays: TestServer[] = []
  for (let i = 0; i < 2; i++) {
    const relay = await startTestServer({ dataDir, store, fanOut })
    relays.push(relay)
    cleanups.push(() => relay.close())
  }
  const map = await relays[0].createMap({ title: 'Delt rum 🤝' })
  const a = await SyncClient.connect(relays[0].url, map.id, map.editorToken)
  const b = await SyncClient.connect(relays[1].url, map.id, map.editorToken)
  cleanups.push(() => a.close(), () => b.close())
  await Promise.all([a.synced, b.synced])

  const { stages, personas } = readSnapshot(a.doc)
  const stageId = Object.keys(stages)[0] as StageId
  const personaId = Object.keys(personas)[0] as PersonaId
  const fromA = addTouchpoint(a.doc, { stageId, personaId, title: 'Fra relæ A' })
  const fromB = addTouchpoint(b.doc, { stageId, personaId, title: 'Fra relæ B' })
  await eventually(() => readSnapshot(b.doc).touchpoints[fromA] !== undefined && readSnapshot(a.doc).touchpoints[fromB] !== undefined, 5000, 'cross-relay sync')

  a.setPresence({ name: 'Åse på A' })
  await eventually(() => b.awareness.getStates().get(a.doc.clientID)?.name === 'Åse på A', 5000, 'cross-relay presence')

  // each update was stored once, by the relay that accepted it
  expect(relays[0].metrics.updatesStored.get() + relays[1].metrics.updatesStored.get()).toBe(2)

  const res = await fetch(`${relays[0].url}/api/maps/${map.id}/revoke?token=${map.facilitatorToken}`, { method: 'POST', body: JSON.stringify({ role: 'editor' }) })
  expect(res.status).toBe(200)
  expect((await b.closed).code).toBe(CLOSE_CODES.revoked)
})
