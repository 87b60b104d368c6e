/**
 * A workshop behind one office address (a NAT: every colleague arrives from 127.0.0.1), with the
 * relay's default limits, over real sockets: stock clients with only a role token all get in,
 * and one colleague's client looping on fresh participant ids or hoarding sockets uses up its
 * own share only. Honest clients are bounded by 5 s: a stall, not a goal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setMeta } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import type { ShareLinks } from '../maps'
import { issueParticipant, SyncClient } from '../testing/syncClient'
import { eventually, startTestServer, type TestServer } from '../testing/testServer'

let server: TestServer
let links: ShareLinks
const clients = new Set<SyncClient>()

beforeEach(async () => {
  server = await startTestServer({ trustProxy: true })
  links = await server.createMap({ title: 'Kontoret bak én adresse 🏢 æøå' })
})
afterEach(async () => {
  await Promise.all([...clients].map((c) => c.close()))
  clients.clear()
  await server.dispose()
})

/** Connect and wait for the first sync; the HTTP status of a refused upgrade as an error. */
async function join(options: { participant?: string; address?: string } = {}): Promise<SyncClient> {
  const client = await SyncClient.connect(server.url, links.id, links.editorToken, {
    params: options.participant ? { participant: options.participant } : {},
    headers: options.address ? { 'x-forwarded-for': options.address } : {},
  })
  clients.add(client)
  client.closed.then(() => clients.delete(client))
  await client.synced
  return client
}

/** Join, retrying refused upgrades as the app's provider does (with a short backoff), until `deadline`. */
async function joinPatiently(deadline: number, options: { participant?: string; address?: string } = {}): Promise<SyncClient> {
  for (;;) {
    try {
      return await join(options)
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

const refusedUpgrades = () => ['rate_reconnect', 'rate_link_reconnect', 'link_connections', 'address_connections', 'participant_connections', 'room_full'].reduce((n, reason) => n + server.metrics.rejected.get({ reason }), 0)

describe('an office behind one address', () => {
  it('lets 40 stock clients with only a role token in at once, each editing at its own rate', async () => {
    const office = await Promise.all(Array.from({ length: 40 }, () => join()))
    expect(refusedUpgrades()).toBe(0)
    // Each writes a burst of its own: nobody's allowance is spent by a colleague's.
    office.forEach((client, i) => {
      for (let n = 0; n < 20; n++) setMeta(client.doc, { description: `Kollega ${i}, endring ${n} ✏️` })
    })
    const watcher = await join({ address: '198.51.100.9' })
    await eventually(() => server.metrics.rejected.get({ reason: 'rate_update' }) === 0 && office.every((c) => c.ws.readyState === c.ws.OPEN), 5000, 'everyone still connected')
    await eventually(() => readSnapshot(watcher.doc).meta.description.startsWith('Kollega'), 5000, 'the edits to land')
    expect(office.every((c) => c.ws.readyState === c.ws.OPEN)).toBe(true)
  })

  it('lets every colleague back in within 5 s while one client loops on fresh participant ids and another hoards sockets', async () => {
    // 30 colleagues as the app makes them: each asks for its participant id, then connects with it.
    const ids = await Promise.all(Array.from({ length: 30 }, () => issueParticipant(server.url, links.id, links.editorToken)))
    await Promise.all(ids.map((id) => join({ participant: id.participantToken })))

    // One client loops: a fresh id, a connection, gone again, as fast as the relay answers.
    let looping = true
    let loops = 0
    const loop = (async () => {
      while (looping) {
        loops++
        try {
          const fresh = await issueParticipant(server.url, links.id, links.editorToken)
          const client = await SyncClient.connect(server.url, links.id, links.editorToken, { params: { participant: fresh.participantToken } })
          client.ws.terminate()
        } catch {
          // Refused: straight on to the next.
        }
      }
    })()
    // Another holds every socket it can: with its own id, and with none.
    const hoarder = await issueParticipant(server.url, links.id, links.editorToken).catch(() => undefined)
    const hoard = await Promise.all(
      Array.from({ length: 100 }, (_, i) => join(i % 2 && hoarder ? { participant: hoarder.participantToken } : {}).catch(() => null)),
    )
    await new Promise((resolve) => setTimeout(resolve, 1000))

    // The office's network drops: everyone reconnects at once, and a colleague joins from home.
    for (const client of [...clients]) if (!hoard.includes(client)) client.ws.terminate()
    const started = Date.now()
    const deadline = started + 5000
    const back = await Promise.all([...ids.map((id) => joinPatiently(deadline, { participant: id.participantToken })), joinPatiently(deadline, { address: '203.0.113.50' })])
    looping = false
    await loop
    expect(back.every((c) => c.ws.readyState === c.ws.OPEN)).toBe(true)
    expect(loops).toBeGreaterThan(5) // it was looping throughout
    // The hoard got its own share, not the office's.
    const held = hoard.filter((c) => c !== null && c.ws.readyState === c.ws.OPEN).length
    expect(held).toBeLessThan(100)
  })
})
