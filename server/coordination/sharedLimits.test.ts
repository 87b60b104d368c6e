/**
 * Limits hold across relays (two relay processes on PostgreSQL + Redis, clients over real
 * sockets straight to each relay): open connections per link, reconnects per link, and a
 * person's message rate add up across relays instead of counting once per relay; a named seat
 * minted on one relay works on another, and revoking it on one closes it on every relay.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { setMeta } from '../../src/commands'
import { CLOSE_CODES } from '../relay/protocol'
import { RelayCluster } from '../testing/relayCluster'
import { freshPostgresSchema, freshRedisPrefix } from '../testing/services'
import { SyncClient, upgradeStatus } from '../testing/syncClient'

const { databaseUrl, redisUrl } = inject('services')
let schema: Awaited<ReturnType<typeof freshPostgresSchema>>
let redis: ReturnType<typeof freshRedisPrefix>
let cluster: RelayCluster | undefined
const clients: SyncClient[] = []

beforeAll(async () => {
  schema = await freshPostgresSchema(databaseUrl)
  redis = freshRedisPrefix(redisUrl)
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await cluster?.dispose()
  cluster = undefined
})
afterAll(async () => {
  await schema.drop()
  await redis.drop()
})

const start = async (env: Record<string, string>) => (cluster = await RelayCluster.start({ databaseUrl: schema.url, redisUrl, redisKeyPrefix: redis.prefix, relays: 2, env }))
const connect = async (url: string, mapId: string, token: string) => {
  const client = await SyncClient.connect(url, mapId, token)
  clients.push(client)
  await client.synced
  return client
}
const syncUrl = (relayUrl: string, mapId: string, token: string) => `${relayUrl.replace('http', 'ws')}/sync/${mapId}?token=${encodeURIComponent(token)}`

describe('limits across relays', { timeout: 120_000 }, () => {
  it('counts a link’s open connections on every relay together, and frees them on close', async () => {
    await start({ MAX_CONNECTIONS_PER_LINK: '3' })
    const map = await cluster!.createMap('Delt grænse 🔗')
    const [r0, r1] = cluster!.live()
    await connect(r0.url, map.id, map.editorToken)
    await connect(r0.url, map.id, map.editorToken)
    const third = await connect(r1.url, map.id, map.editorToken)
    // Each relay holds fewer than three, yet the link holds three: both refuse a fourth.
    expect(await upgradeStatus(syncUrl(r1.url, map.id, map.editorToken))).toBe(429)
    expect(await upgradeStatus(syncUrl(r0.url, map.id, map.editorToken))).toBe(429)
    // Another link of the same map is not affected.
    await connect(r1.url, map.id, map.viewerToken)
    await third.close()
    clients.splice(clients.indexOf(third), 1)
    const again = await connect(r1.url, map.id, map.editorToken)
    expect(again.ws.readyState).toBe(again.ws.OPEN)
  })

  it('counts a link’s reconnects on every relay together', async () => {
    // Six per link (no refill within the test); each relay alone would let six through.
    await start({ RATE_LINK_RECONNECTS_PER_SECOND: '0', RATE_LINK_RECONNECTS_BURST: '6', RATE_RECONNECTS_PER_SECOND: '100', RATE_RECONNECTS_BURST: '100' })
    const map = await cluster!.createMap('Genforbind 🔁')
    const [r0, r1] = cluster!.live()
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push(await upgradeStatus(syncUrl(i % 2 ? r1.url : r0.url, map.id, map.editorToken)))
    expect(statuses.filter((s) => s === 101)).toHaveLength(6)
    expect(statuses.slice(6).every((s) => s === 429)).toBe(true)
  })

  it('adds up one person’s updates on two relays: each relay alone would allow them, together they go past the limit', async () => {
    // 20 per second with a burst of 20: a window of 10 s allows 220 across relays.
    await start({ RATE_UPDATES_PER_SECOND: '20', RATE_UPDATES_BURST: '20' })
    const map = await cluster!.createMap('Én person, to relæer 👥')
    const [r0, r1] = cluster!.live()
    // The same link from the same address, with no participant id: one person to the limits.
    const a = await connect(r0.url, map.id, map.editorToken)
    const b = await connect(r1.url, map.id, map.editorToken)
    let sent = 0
    const closed = Promise.race([a.closed, b.closed])
    let done = false
    void closed.then(() => (done = true))
    // 15 per second on each: well under each relay's own limit, 30 per second together. Paced by
    // the clock, not by timers: on a loaded machine timers fire late, and a timer-paced 15 per
    // second became too few to pass the limit.
    const started = performance.now()
    while (!done && performance.now() - started < 60_000) {
      if (sent < 15 * ((performance.now() - started) / 1000)) {
        setMeta(a.doc, { title: `A ${sent} – æøå` })
        setMeta(b.doc, { description: `B ${sent} – 🙂` })
        sent++
      }
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    // Each relay alone never closes either; together they pass 220 in a window.
    expect(done).toBe(true)
    expect((await closed).code).toBe(CLOSE_CODES.rateLimited)
    expect(2 * sent).toBeGreaterThan(200)
  })

  it('a named seat minted through one relay works through another, and revoking it closes it everywhere', async () => {
    await start({})
    const map = await cluster!.createMap('Navngivne pladser 🪑')
    const [r0, r1] = cluster!.live()
    const minted = await fetch(`${r0.url}/api/maps/${map.id}/seats`, { method: 'POST', headers: { authorization: `Bearer ${map.facilitatorToken}` }, body: JSON.stringify({ name: 'Åse Ødegård' }) })
    expect(minted.status).toBe(201)
    const seat = (await minted.json()) as { id: string; token: string }
    const onR1 = await connect(r1.url, map.id, seat.token)
    const revoked = await fetch(`${r0.url}/api/maps/${map.id}/seats/${seat.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${map.facilitatorToken}` } })
    expect(revoked.status).toBe(200)
    expect((await onR1.closed).code).toBe(CLOSE_CODES.revoked)
    expect(await upgradeStatus(syncUrl(r1.url, map.id, seat.token))).toBe(403)
    expect(await upgradeStatus(syncUrl(r0.url, map.id, seat.token))).toBe(403)
  })
})
