/**
 * Limits follow the person across reconnects: a client that reconnects in a loop gets no more
 * than one that stays connected, reconnecting itself is limited, and connection counts are kept
 * per link and per address. Over real sockets.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { setMeta } from '../../src/commands'
import { LruMap } from '../lru'
import type { ShareLinks } from '../maps'
import { issueParticipant, SyncClient, upgradeStatus } from '../testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'
import { KeyedTokenBuckets } from '../tokenBucket'
import { CLOSE_CODES } from './protocol'

let server: TestServer | undefined
const clients: SyncClient[] = []

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await server?.dispose()
  server = undefined
})

async function connect(map: ShareLinks, token: string): Promise<SyncClient> {
  const client = await SyncClient.connect(server!.url, map.id, token)
  clients.push(client)
  return client
}

const syncUrl = (map: ShareLinks, token: string) => `${server!.url.replace('http', 'ws')}/sync/${map.id}?token=${encodeURIComponent(token)}`

describe('limits that follow the person', () => {
  it('reconnecting in a loop does not raise the accepted update rate', async () => {
    const rate = { perSecond: 20, burst: 40 }
    // Reconnects are left unlimited here, so only the update limit stands between the loop and the relay.
    const unlimited = { perSecond: 1000, burst: 1000 }
    server = await startTestServer({ limits: { updates: rate, reconnects: unlimited, linkReconnects: unlimited, syncRequests: unlimited } })
    const map = await server.createMap({ title: 'Løkke 🔁' })
    const stored = () => server!.metrics.updatesStored.get()
    const before = stored()
    const started = performance.now()
    // A count of connections, not a time: a loaded machine makes fewer in a given time, and the
    // assertion is about what any number of reconnects buys.
    const connections = 6
    let sent = 0
    for (let round = 1; round <= connections; round++) {
      const client = await connect(map, map.editorToken)
      // As fast as it can: one rename per message until the relay closes it.
      for (let i = 0; i < 200 && client.ws.readyState === client.ws.OPEN; i++) {
        setMeta(client.doc, { title: `Runde ${round}.${i} – æøå` })
        sent++
        if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve))
      }
      expect((await client.closed).code).toBe(CLOSE_CODES.rateLimited)
      clients.splice(clients.indexOf(client), 1)
    }
    const seconds = (performance.now() - started) / 1000
    // The relay answers a newcomer's sync request only once every accepted update is stored.
    await (await connect(map, map.viewerToken)).synced
    const accepted = stored() - before
    expect(sent).toBeGreaterThan(4 * rate.burst)
    // One bucket over the whole loop: its burst plus what it refilled, and not a burst per connection.
    expect(accepted).toBeLessThanOrEqual(rate.burst + rate.perSecond * seconds + 2)
  })

  it('limits how often one participant may reconnect, and connections without an id per link and address, with 429 at the upgrade', async () => {
    const limits = { reconnects: { perSecond: 0.1, burst: 3 }, linkReconnects: { perSecond: 0.1, burst: 5 } }
    server = await startTestServer({ trustProxy: true, limits })
    const map = await server.createMap()
    const here = { 'x-forwarded-for': '203.0.113.1' }
    const issued = await issueParticipant(server.url, map.id, map.editorToken, undefined, here)
    const withId = `${syncUrl(map, map.editorToken)}&participant=${encodeURIComponent(issued.participantToken)}`
    for (let i = 0; i < 3; i++) expect(await upgradeStatus(withId, here)).toBe(101)
    expect(await upgradeStatus(withId, here)).toBe(429)
    expect(server.metrics.rejected.get({ reason: 'rate_reconnect' })).toBe(1)
    // Connections without an id from that address share the link's allowance there; a participant's spent one is not theirs.
    for (let i = 0; i < 5; i++) expect(await upgradeStatus(syncUrl(map, map.editorToken), here)).toBe(101)
    expect(await upgradeStatus(syncUrl(map, map.editorToken), here)).toBe(429)
    expect(server.metrics.rejected.get({ reason: 'rate_link_reconnect' })).toBe(1)
    // Nor is it anyone's on another address, nor another link's.
    expect(await upgradeStatus(syncUrl(map, map.editorToken), { 'x-forwarded-for': '198.51.100.7' })).toBe(101)
    expect(await upgradeStatus(syncUrl(map, map.viewerToken), here)).toBe(101)
  })

  it('counts open connections per participant, per link and address without an id, and per address', async () => {
    server = await startTestServer({ trustProxy: true, limits: { maxConnectionsPerLink: 2, maxConnectionsPerParticipant: 2, maxConnectionsPerAddress: 5 } })
    const map = await server.createMap()
    const open = async (token: string, address: string, participant?: string) => {
      const client = await SyncClient.connect(server!.url, map.id, token, { headers: { 'x-forwarded-for': address }, params: participant ? { participant } : {} }).catch((e: Error) => e)
      if (client instanceof SyncClient) clients.push(client)
      return client instanceof SyncClient ? 101 : Number(/upgrade refused: (\d+)/.exec(client.message)?.[1])
    }
    expect(await open(map.editorToken, '203.0.113.1')).toBe(101)
    expect(await open(map.editorToken, '203.0.113.1')).toBe(101)
    expect(await open(map.editorToken, '203.0.113.1')).toBe(429) // the link's third without an id from this address
    expect(server.metrics.rejected.get({ reason: 'link_connections' })).toBe(1)
    expect(await open(map.editorToken, '203.0.113.2')).toBe(101) // another address has its own
    const { participantToken } = await issueParticipant(server.url, map.id, map.editorToken, undefined, { 'x-forwarded-for': '203.0.113.1' })
    expect(await open(map.editorToken, '203.0.113.1', participantToken)).toBe(101)
    expect(await open(map.editorToken, '203.0.113.1', participantToken)).toBe(101)
    expect(await open(map.editorToken, '203.0.113.1', participantToken)).toBe(429) // the participant's third
    expect(server.metrics.rejected.get({ reason: 'participant_connections' })).toBe(1)
    expect(await open(map.facilitatorToken, '203.0.113.1')).toBe(101)
    expect(await open(map.viewerToken, '203.0.113.1')).toBe(429) // the address's sixth
    expect(server.metrics.rejected.get({ reason: 'address_connections' })).toBe(1)
    // Closing one frees its place.
    await clients.shift()!.close()
    await eventually(async () => (await open(map.viewerToken, '203.0.113.1')) === 101, 2000, 'a freed place')
  })
})

describe('keyed buckets', () => {
  it('forget the least recently used key, not the oldest: a client cannot reset its own limit by making new keys', () => {
    const buckets = new KeyedTokenBuckets({ perSecond: 0.001, burst: 1 }, 2)
    expect(buckets.take('flooder').ok).toBe(true)
    expect(buckets.take('flooder').ok).toBe(false)
    buckets.take('other-1')
    expect(buckets.take('flooder').ok).toBe(false) // used again: now the most recent
    buckets.take('other-2') // evicts other-1, the least recently used
    expect(buckets.take('flooder').ok).toBe(false)
    expect(buckets.take('other-1').ok).toBe(true) // forgotten, so fresh
  })

  it('LruMap keeps its size and its most recently used entries', () => {
    const lru = new LruMap<string, number>(2)
    lru.set('a', 1)
    lru.set('b', 2)
    lru.get('a')
    lru.set('c', 3)
    expect([lru.has('a'), lru.has('b'), lru.has('c'), lru.size]).toEqual([true, false, true, 2])
  })
})
