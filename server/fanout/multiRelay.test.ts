/**
 * Several relay processes on PostgreSQL + Redis, with stock y-websocket clients, on loopback:
 * clients on different relays converge and see each other's presence; a relay killed with
 * kill -9 in the middle of an edit storm loses nothing anyone received; a rolling restart of
 * every relay loses nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { addTouchpoint } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import type { PersonaId, StageId } from '../../src/model'
import { RelayCluster, synced } from '../testing/relayCluster'
import { freshPostgresSchema, freshRedisPrefix } from '../testing/services'
import { eventually } from '../testing/testServer'

const { databaseUrl, redisUrl } = inject('services')
let schema: Awaited<ReturnType<typeof freshPostgresSchema>>
let redis: ReturnType<typeof freshRedisPrefix>
let cluster: RelayCluster | undefined

beforeAll(async () => {
  schema = await freshPostgresSchema(databaseUrl)
  redis = freshRedisPrefix(redisUrl)
})
afterEach(async () => {
  await cluster?.dispose()
  cluster = undefined
})
afterAll(async () => {
  await schema.drop()
  await redis.drop()
})

const startCluster = async (relays: number) => (cluster = await RelayCluster.start({ databaseUrl: schema.url, redisUrl, redisKeyPrefix: redis.prefix, relays }))
// The storm writes schema-valid records (the relay refuses anything else): links keyed by writer and number.
const stormKeys = (doc: Y.Doc) => [...doc.getMap('links').keys()].filter((k) => k.startsWith('link:c'))
const presentNames = (provider: WebsocketProvider) => [...provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name).filter(Boolean)

/**
 * Each client writes its own link records, a few per tick, until stopped; returns
 * what each has written. Writes made while a client is disconnected stay in its document and are
 * sent when it reconnects, as in the app.
 */
function editStorm(providers: WebsocketProvider[]) {
  const sent = providers.map(() => [] as string[])
  let stop = false
  const running = Promise.all(
    providers.map(async (provider, i) => {
      const storm = provider.doc.getMap<Y.Map<unknown>>('links')
      for (let n = 0; !stop; n++) {
        const key = `link:c${i}-${n}`
        storm.set(key, new Y.Map<unknown>([['id', key], ['label', String(n)]]))
        sent[i].push(key)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }),
  )
  return {
    sent,
    async stop() {
      stop = true
      await running
    },
  }
}

// Starting relay processes takes seconds of CPU each; the machine may be busy with other work.
describe('relays sharing PostgreSQL and Redis', { timeout: 240_000 }, () => {
  it('a client on each of two relays converges with the others, sees their presence, and loses it when their relay dies', async () => {
    const relays = await startCluster(2)
    const map = await relays.createMap('To relæer 🤝')
    const [r0, r1] = relays.live()
    const a = relays.connect(map.id, map.editorToken, r0.url)
    const b = relays.connect(map.id, map.editorToken, r1.url)
    await Promise.all([synced(a), synced(b)])

    const { stages, personas } = readSnapshot(a.doc)
    const stageId = Object.keys(stages)[0] as StageId
    const personaId = Object.keys(personas)[0] as PersonaId
    const fromA = addTouchpoint(a.doc, { stageId, personaId, title: 'Fra relæ A – æøå' })
    const fromB = addTouchpoint(b.doc, { stageId, personaId, title: 'Fra relæ B 🚗' })
    await eventually(() => readSnapshot(a.doc).touchpoints[fromB]?.title === 'Fra relæ B 🚗' && readSnapshot(b.doc).touchpoints[fromA]?.title === 'Fra relæ A – æøå', 5000, 'cross-relay edits')

    a.awareness.setLocalStateField('user', { name: 'Åse på A' })
    b.awareness.setLocalStateField('user', { name: 'Bjørn på B' })
    await eventually(() => presentNames(b).includes('Åse på A') && presentNames(a).includes('Bjørn på B'), 5000, 'presence across relays')

    // A's relay dies without a word: B's relay drops A's presence within seconds, long before
    // the awareness protocol's own 30 s timeout.
    a.disconnect()
    const killedAt = Date.now()
    await relays.kill(0)
    // The heartbeat lapses in about 6 s; the bound is the awareness protocol's own 30 s, the
    // thing this mechanism exists to beat, less a margin a loaded machine never eats.
    await eventually(() => !presentNames(b).includes('Åse på A'), 20_000, "the dead relay's presence to go")
    expect(Date.now() - killedAt).toBeLessThan(20_000)
  })

  it('kill -9 of one of three relays mid edit-storm: its clients reconnect to another and nothing anyone received is lost', async () => {
    const relays = await startCluster(3)
    const map = await relays.createMap('Storm ⛈️ æøå')
    const [r0, r1, r2] = relays.live()
    // Two clients on each relay, connected straight to it; the balancer takes them after the kill.
    const providers = [r0, r0, r1, r1, r2, r2].map((relay) => relays.connect(map.id, map.editorToken, relay.url))
    await Promise.all(providers.map(synced))
    const storm = editStorm(providers)
    await eventually(() => providers.every((p) => stormKeys(p.doc).length >= 60), 20_000, 'the storm to get going')

    // What the doomed relay's clients will do next: reconnect through the balancer.
    for (const p of providers.slice(0, 2)) p.serverUrl = `${relays.url.replace('http', 'ws')}/sync`
    await relays.kill(0)
    await eventually(() => providers.slice(0, 2).every((p) => p.wsconnected && p.synced), 10_000, 'the killed relay’s clients to reconnect elsewhere')
    await new Promise((resolve) => setTimeout(resolve, 300)) // the storm goes on across the reconnection
    await storm.stop()

    const received = new Set(providers.flatMap((p) => stormKeys(p.doc)))
    const sent = storm.sent.flat()
    await eventually(() => providers.every((p) => stormKeys(p.doc).length === sent.length), 30_000, 'every client to converge')

    const reader = relays.connect(map.id, map.viewerToken)
    await synced(reader)
    // The reader's relay may still be catching up from storage when it first answers: wait for it
    // to hold as much as was sent (a loss would time out here), then compare key by key.
    await eventually(() => stormKeys(reader.doc).length >= sent.length, 15_000, 'a fresh reader to hold everything sent').catch(() => undefined)
    const stored = new Set(stormKeys(reader.doc))
    expect([...received].filter((k) => !stored.has(k))).toEqual([]) // 0 lost of what anyone received
    expect(sent.filter((k) => !stored.has(k))).toEqual([]) // and of what anyone sent
    expect(stored.size).toBe(sent.length)
  })

  it('a rolling restart of every relay loses nothing', async () => {
    const relays = await startCluster(3)
    const map = await relays.createMap('Rullende genstart')
    const providers = Array.from({ length: 6 }, () => relays.connect(map.id, map.editorToken))
    await Promise.all(providers.map(synced))
    const storm = editStorm(providers)
    for (let i = 0; i < 3; i++) {
      // Drain one relay (SIGTERM), then start its replacement; clients move on meanwhile.
      expect(await relays.stop(i)).toEqual({ code: 0, signal: null })
      await relays.startRelay(i)
      await eventually(() => providers.every((p) => p.wsconnected && p.synced), 30_000, `clients back after restarting relay ${i}`)
    }
    await storm.stop()
    const sent = storm.sent.flat()
    await eventually(() => providers.every((p) => stormKeys(p.doc).length === sent.length), 30_000, 'every client to converge')

    const reader = relays.connect(map.id, map.viewerToken)
    await synced(reader)
    expect(sent.filter((k) => !reader.doc.getMap('links').has(k))).toEqual([])
  })
})
