/**
 * Relays through the failures of what they depend on, each on a throwaway server of its own
 * (never the machine's shared ones): Redis restarted mid-workshop (relays keep converging
 * through storage, then catch up and go on through Redis), and PostgreSQL stopped (relays
 * refuse writes with a clear close code and say so, then recover when it returns).
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { CLOSE_CODES } from '../relay/protocol'
import { RelayCluster, synced } from '../testing/relayCluster'
import { freshPostgresSchema, freshRedisPrefix, startThrowawayPostgres, startThrowawayRedis, type ThrowawayPostgres, type ThrowawayRedis } from '../testing/services'
import { upgradeStatus } from '../testing/syncClient'
import { eventually } from '../testing/testServer'

const { databaseUrl, redisUrl } = inject('services')
let cluster: RelayCluster | undefined
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await cluster?.dispose()
  cluster = undefined
})
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

// Notes are link records (the relay refuses what the schema does not know), the text in the label.
const keys = (doc: Y.Doc) => [...doc.getMap('links').keys()].filter((k) => k.startsWith('link:note-')).sort()
const note = (doc: Y.Doc, name: string, text: string) => doc.getMap('links').set(`link:note-${name}`, new Y.Map<unknown>([['id', `link:note-${name}`], ['label', text]]))
const noteOf = (doc: Y.Doc, name: string) => (doc.getMap('links').get(`link:note-${name}`) as Y.Map<unknown> | undefined)?.get('label')
const same = (providers: WebsocketProvider[]) => providers.every((p) => JSON.stringify(keys(p.doc)) === JSON.stringify(keys(providers[0].doc)))
const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`)
  return { status: res.status, ...((await res.json()) as { ok: boolean; storage: string; redis: string }) }
}
const metric = async (url: string, name: string) =>
  (await (await fetch(`${url}/metrics`)).text())
    .split('\n')
    .filter((l) => l.startsWith(name))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0)

describe('outages', { timeout: 90_000 }, () => {
  let ownRedis: ThrowawayRedis
  let ownPostgres: ThrowawayPostgres
  beforeAll(async () => {
    ;[ownRedis, ownPostgres] = await Promise.all([startThrowawayRedis(), startThrowawayPostgres()])
    cleanups.push(
      () => ownRedis.dispose(),
      () => ownPostgres.dispose(),
    )
  })

  it('Redis restarted mid-workshop: relays converge through storage meanwhile, then catch up and go on', async () => {
    const schema = await freshPostgresSchema(databaseUrl)
    cleanups.push(() => schema.drop())
    cluster = await RelayCluster.start({ databaseUrl: schema.url, redisUrl: ownRedis.url, redisKeyPrefix: 'journey:', relays: 2 })
    const map = await cluster.createMap('Redis genstartes 🔁')
    const [r0, r1] = cluster.live()
    const a = cluster.connect(map.id, map.editorToken, r0.url)
    const b = cluster.connect(map.id, map.editorToken, r1.url)
    await Promise.all([synced(a), synced(b)])
    note(a.doc, 'before', 'før ✓')
    await eventually(() => noteOf(b.doc, 'before') === 'før ✓', 5000, 'an edit through Redis')

    await ownRedis.kill()
    note(a.doc, 'during-a', 'under æ')
    note(b.doc, 'during-b', 'under ø')
    // Both relays store and serve; each reads the other's updates from storage.
    await eventually(() => same([a, b]) && keys(a.doc).length === 3, 10_000, 'convergence through storage while Redis is down')
    expect(await health(r0.url)).toMatchObject({ status: 200, ok: true, storage: 'ok', redis: 'unreachable' })

    await ownRedis.start()
    await eventually(async () => (await health(r0.url)).redis === 'ok' && (await health(r1.url)).redis === 'ok', 10_000, 'relays back on Redis')
    note(a.doc, 'after', 'efter 🎉')
    b.awareness.setLocalStateField('user', { name: 'Bjørn' })
    await eventually(() => noteOf(b.doc, 'after') === 'efter 🎉', 5000, 'edits through Redis again')
    await eventually(() => [...a.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Bjørn'), 5000, 'presence through Redis again')
    expect(same([a, b])).toBe(true)
    // What Redis never carried was caught up from storage, and counted.
    expect((await metric(r0.url, 'relay_fanout_catchups_total')) + (await metric(r1.url, 'relay_fanout_catchups_total'))).toBeGreaterThan(0)
  })

  it('PostgreSQL stopped: relays refuse writes with a clear close and say so, then recover and lose nothing', async () => {
    const prefix = freshRedisPrefix(redisUrl)
    cleanups.push(() => prefix.drop())
    cluster = await RelayCluster.start({ databaseUrl: ownPostgres.url, redisUrl, redisKeyPrefix: prefix.prefix, relays: 2 })
    const map = await cluster.createMap('Lageret forsvinder')
    const [r0, r1] = cluster.live()
    const a = cluster.connect(map.id, map.editorToken, r0.url)
    const b = cluster.connect(map.id, map.editorToken, r1.url)
    await Promise.all([synced(a), synced(b)])
    const closes: number[] = []
    a.on('connection-close', (event) => closes.push(event?.code ?? 0))

    await ownPostgres.stop()
    note(a.doc, 'while-down', 'skrevet uden lager ✍️')
    // The relay could not store it: it relays nothing, closes with 4503, and refuses joins.
    await eventually(() => closes.includes(CLOSE_CODES.storageUnavailable), 10_000, 'the 4503 close')
    expect((noteOf(b.doc, 'while-down') !== undefined)).toBe(false)
    await eventually(async () => (await health(r0.url)).storage === 'unreachable', 10_000, '/healthz to say so')
    expect(await health(r0.url)).toMatchObject({ status: 503, ok: false, storage: 'unreachable' })
    expect(await upgradeStatus(`${r0.url.replace('http', 'ws')}/sync/${map.id}?token=${map.editorToken}`)).toBe(503)

    await ownPostgres.start()
    await eventually(async () => (await health(r0.url)).ok && (await health(r1.url)).ok, 15_000, 'relays to see storage back')
    // The client still held its edit; reconnected, it is stored and reaches everyone.
    await eventually(() => noteOf(b.doc, 'while-down') === 'skrevet uden lager ✍️', 15_000, 'the edit after recovery')
    const reader = cluster.connect(map.id, map.viewerToken)
    await synced(reader)
    expect(noteOf(reader.doc, 'while-down')).toBe('skrevet uden lager ✍️')
  })
})
