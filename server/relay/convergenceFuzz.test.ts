/**
 * The convergence fuzz through the real relay: stock y-websocket `WebsocketProvider` clients of
 * every role run random commands (src/test/randomCommands.ts) against one in-process server
 * (SQLite in a temp dir, an ephemeral port), with the write policy on, the map locked and
 * unlocked at random, and connections dropped at random, politely (`provider.disconnect()`, later
 * `connect()`) and abruptly (the socket destroyed; the provider reconnects on its own).
 *
 * What every run must show, once the facilitator has unlocked and everyone is back:
 * - Nobody is shut out: no peer ever receives a 44xx close (4423 included); the connections that
 *   closed are only the ones the test dropped.
 * - Convergence: every facilitator and editor, the relay's room, and a fresh reader of the map
 *   reloaded from SQLite hold the same document (same Yjs state vector and delete set, same
 *   records, same workshop state).
 * - Nothing permitted is lost, nothing refused appears. "Permitted" here: every update a
 *   facilitator's or an editor's own commands made, including undo and redo. Editors draw only
 *   what their interface offers (content, votes; never the workshop controls), and may write
 *   while the map is locked (a view not yet updated, an edit made offline): such an edit is held
 *   back and lands after the unlock. The check is exact: the final document equals the map's
 *   first state plus exactly the permitted peers' updates, applied in one fresh document. So an
 *   update the relay refused for good, or one it let through from a viewer, fails it.
 * - Viewers write now and then (a stale or tampered client): none of it is ever applied, and a
 *   viewer still receives everything (its document is the final one plus its own refused edits).
 *
 * Timing comes from real sockets, so a seed fixes the commands, roles and drops but not every
 * interleaving; a failing run prints its seed and its event log. Run more seeds locally with
 * RELAY_FUZZ_SEEDS=1-300 (a range or a comma list).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as authProtocol from 'y-protocols/auth'
import { WebsocketProvider } from 'y-websocket'
import { createUndoManager, readSnapshot, readWorkshop } from '../../src/doc'
import type { Snapshot } from '../../src/model'
import { withSeededIds } from '../../src/test/peers'
import { RANDOM_COMMANDS, trackCommands, weightsFor } from '../../src/test/randomCommands'
import { SeededRandom } from '../../src/test/seededRandom'
import type { Role } from '../auth/tokens'
import { DEFAULT_LIMITS } from '../config'
import type { ShareLinks } from '../maps'
import { issueParticipant, SyncClient, type IssuedParticipant } from '../testing/syncClient'
import { startTestServer, type TestServer } from '../testing/testServer'

const SEEDS = seedsFromEnv(process.env.RELAY_FUZZ_SEEDS) ?? Array.from({ length: 20 }, (_, i) => i + 1)

/** What the seeds together must have exercised (checked by the last test). */
const reached = { lockedRefusals: 0, runsWithHeldEdits: 0, drops: 0, abruptDrops: 0, roomReloads: 0, viewerWrites: 0, commands: new Set<string>() }

const CONTENT_WEIGHTS = weightsFor(['content'])
const FACILITATOR_WEIGHTS = weightsFor(['facilitator'])

let server: TestServer

beforeAll(async () => {
  // A map per seed: more than the default per-IP allowance for creating maps.
  // Rates are not what this tests: peers reconnect and sync far more often than people do.
  const unlimited = { perSecond: 1000, burst: 1000 }
  server = await startTestServer({
    limits: { ...DEFAULT_LIMITS, createMaps: { perSecond: 10, burst: 1000 }, participantIds: unlimited, reconnects: unlimited, linkReconnects: unlimited, syncRequests: unlimited },
  })
})
afterAll(async () => {
  await server?.dispose()
})

interface RelayPeer {
  name: string
  role: Role
  /** The participant id the relay issued it: its voter id and comment author. */
  voter: string
  doc: Y.Doc
  undo: Y.UndoManager
  provider: WebsocketProvider
  /** Every update this peer's own commands made (undo and redo included), in order. */
  local: Uint8Array[]
  /** Close codes (and reasons) the relay sent this peer. */
  closes: { code: number; reason: string }[]
  /** Reasons of the relay's permission-denied messages. */
  denied: string[]
  /** Disconnected by the test with `provider.disconnect()`, until `connect()`. */
  away: boolean
  /** Left for good (end of the run). */
  gone: boolean
}

const tokenOf = (links: ShareLinks, role: Role) => (role === 'facilitator' ? links.facilitatorToken : role === 'editor' ? links.editorToken : links.viewerToken)

/** A stock provider presenting a relay-issued participant id, as the app does: its votes are written under that id. */
function joinPeer(links: ShareLinks, role: Role, index: number, log: string[], participant: IssuedParticipant): RelayPeer {
  const doc = new Y.Doc()
  // Fixed client ids: conflict resolution depends on them, so a seed's choices replay.
  doc.clientID = index + 1
  const token = tokenOf(links, role)
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, links.id, doc, {
    params: { token, participant: participant.participantToken },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true, // in Node, BroadcastChannel would let same-process providers bypass the relay
    maxBackoffTime: 50, // reconnect quickly after a drop: runs stay short
  })
  const peer: RelayPeer = { name: `${role}-${index}`, role, voter: participant.participantId, doc, undo: createUndoManager(doc), provider, local: [], closes: [], denied: [], away: false, gone: false }
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) peer.local.push(update)
  })
  provider.on('connection-close', (event) => {
    // `null` when the provider closed the socket itself (disconnect()); a code when the socket closed.
    if (event) peer.closes.push({ code: event.code, reason: event.reason })
  })
  // The stock provider only logs a permission-denied message; note its reason instead.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
      peer.denied.push(reason)
      log.push(`${peer.name} denied: ${reason}`)
    })
  }
  return peer
}

function leave(peer: RelayPeer): void {
  if (peer.gone) return
  peer.gone = true
  peer.undo.destroy()
  peer.provider.destroy()
  peer.provider.awareness.destroy()
  peer.doc.destroy()
}

/**
 * The relay's room for one map, as loaded now (it unloads when everyone has been away for its
 * grace period, and loads again from storage on the next join), watched for two things the
 * final state alone cannot show: an editor's update applied while the map was locked, and a
 * viewer's update applied at all. A room is watched from the first step after it loads.
 */
class RoomWatch {
  readonly violations: string[] = []
  /** How many times the room was loaded while watched. */
  loads = 0
  private readonly watched = new WeakSet<Y.Doc>()

  constructor(readonly mapId: string) {}

  async doc(): Promise<Y.Doc | undefined> {
    const room = await server.relay.rooms.peek(this.mapId)
    if (room && !this.watched.has(room.doc)) this.watch(room.doc)
    return room?.doc
  }

  private watch(doc: Y.Doc): void {
    this.watched.add(doc)
    this.loads++
    let lockedBefore = false
    doc.on('beforeTransaction', () => (lockedBefore = readWorkshop(doc).locked))
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      // The room applies a participant's update with the participant (its connection) as origin.
      const role = (origin as { role?: Role } | null)?.role
      if (role === 'viewer') this.violations.push("a viewer's update was applied")
      if (role === 'editor' && lockedBefore) this.violations.push("an editor's update was applied while the map was locked")
    })
  }
}

interface FuzzRun {
  peers: RelayPeer[]
  links: ShareLinks
  relay: RoomWatch
  /** The map as it was before anyone ran a command. */
  initial: Uint8Array
  log: string[]
}

async function runRelayFuzz(seed: number): Promise<FuzzRun> {
  const random = new SeededRandom(seed)
  const log: string[] = [`seed ${seed}`]
  const template = random.chance(0.3) ? random.pick(['insurance-claim-da', 'karoline-to-be-rapid-response-nb', 'bank-simple-transfer-en']) : undefined
  const links = await server.createMap({ title: `Relay fuzz ${seed} – æøå 🚗`, ...(template ? { template } : {}) })

  // At least one facilitator (who unlocks at the end) and one editor; the rest mixed, viewers included.
  const roles: Role[] = ['facilitator', 'editor']
  for (let i = random.int(1, 2); i > 0; i--) roles.push(random.chance(0.45) ? 'viewer' : random.chance(0.3) ? 'facilitator' : 'editor')
  const participants = await Promise.all(roles.map((role) => issueParticipant(server.url, links.id, tokenOf(links, role))))
  const peers = roles.map((role, i) => joinPeer(links, role, i, log, participants[i]))
  log.push(`peers: ${peers.map((p) => p.name).join(', ')}${template ? `; template ${template}` : ''}`)
  await settle(peers, 'the first sync', () => peers.every((p) => p.provider.synced))
  const relay = new RoomWatch(links.id)
  const initial = Y.encodeStateAsUpdate((await relay.doc())!)

  const called = new Set<string>()
  const commands = trackCommands(called)
  const versions: Snapshot[] = []
  const steps = random.int(30, 50)
  for (let step = 0; step < steps; step++) {
    await relay.doc() // watch a room that loaded again since the last step
    const peer = random.pick(peers)
    const view = readSnapshot(peer.doc)
    if (step % 10 === 0) versions.push(view)
    const acts =
      peer.role === 'viewer'
        ? random.chance(0.25)
        : // The interface holds an editor back while it shows the lock; a stale view or an offline edit gets through.
          peer.role === 'facilitator' || !readWorkshop(peer.doc).locked || random.chance(0.4)
    if (acts) {
      // A facilitator spends a good share of a workshop on the controls: lock, timer, voting; while a
      // round is open, people mostly vote.
      const voting = readWorkshop(peer.doc).voting?.status === 'open'
      const name = voting && random.chance(0.4) ? 'castVote' : random.weighted(peer.role === 'facilitator' && random.chance(0.35) ? FACILITATOR_WEIGHTS : CONTENT_WEIGHTS)
      const before = peer.local.length
      withSeededIds(random.next, () =>
        RANDOM_COMMANDS[name].run({ doc: peer.doc, undo: peer.undo, commands, view, random, now: new Date(), author: peer.voter, versions }),
      )
      if (peer.local.length > before) log.push(`${step} ${peer.name} ${name}${peer.away ? ' (away)' : ''}`)
      if (peer.role === 'viewer') reached.viewerWrites += peer.local.length - before
    }

    const other = random.pick(peers)
    if (random.chance(0.015)) {
      // The room's Wi-Fi fails: everyone drops, the room unloads, and it loads again from storage on the first reconnect.
      for (const p of peers.filter((p) => !p.away)) {
        p.provider.disconnect()
        p.away = true
      }
      while (await server.relay.rooms.peek(links.id)) await new Promise((resolve) => setTimeout(resolve, 10))
      log.push(`${step} everyone drops; the room unloads`)
    } else if (random.chance(0.07)) {
      if (other.away) other.provider.connect()
      else other.provider.disconnect()
      other.away = !other.away
      reached.drops++
      log.push(`${step} ${other.name} ${other.away ? 'disconnects' : 'reconnects'}`)
    } else if (random.chance(0.04) && other.provider.ws) {
      // As when Wi-Fi drops: the socket dies without a closing handshake; the provider retries.
      ;(other.provider.ws as unknown as WebSocket).terminate()
      reached.abruptDrops++
      log.push(`${step} ${other.name} loses its socket`)
    }

    // Let the network move: sometimes not at all (a burst of edits), sometimes a little, sometimes a while.
    const pause = random.next()
    if (pause < 0.4) continue
    await new Promise((resolve) => (pause < 0.8 ? setImmediate(resolve) : setTimeout(resolve, random.int(1, 15))))
  }
  for (const name of called) reached.commands.add(name)
  if (relay.loads > 1) reached.roomReloads++

  // Everyone back. A facilitator unlocks once every facilitator is in step with the relay: a lock
  // one of them wrote while away has arrived by then, and the unlock comes after it.
  for (const peer of peers.filter((p) => p.away)) {
    peer.provider.connect()
    peer.away = false
  }
  const facilitators = peers.filter((p) => p.role === 'facilitator')
  const inStep = async () => {
    const doc = await relay.doc()
    return facilitators.every((f) => f.provider.synced && sameState(f.doc, doc))
  }
  await settle(peers, 'the facilitators to catch up', inStep, log, relay)
  const facilitator = facilitators[0]
  if (readWorkshop(facilitator.doc).locked) {
    commands.setLocked(facilitator.doc, false)
    log.push(`end ${facilitator.name} unlocks`)
  }
  await settle(peers, 'convergence', async () => converged(peers, await relay.doc()), log, relay)
  if (process.env.RELAY_FUZZ_LOG) console.log(log.join('\n'))
  return { peers, links, relay, initial, log }
}

/** Same Yjs state: state vector and delete set. */
function sameState(a: Y.Doc, b: Y.Doc | undefined): boolean {
  return b !== undefined && Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))
}

function converged(peers: RelayPeer[], relayDoc: Y.Doc | undefined): boolean {
  if (!relayDoc || !peers.every((p) => p.provider.wsconnected && p.provider.synced)) return false
  return peers.every((p) => (p.role === 'viewer' ? sameState(p.doc, withLocal(relayDoc, p)) : sameState(p.doc, relayDoc)))
}

/** `doc` plus `peer`'s own updates: what a viewer holds once it has received everything. */
function withLocal(doc: Y.Doc, peer: RelayPeer): Y.Doc {
  const out = new Y.Doc()
  Y.applyUpdate(out, Y.encodeStateAsUpdate(doc))
  for (const update of peer.local) Y.applyUpdate(out, update)
  return out
}

/** Wait for `done`, or fail with what each peer looked like. */
async function settle(peers: RelayPeer[], what: string, done: () => boolean | Promise<boolean>, log: string[] = [], relay?: RoomWatch): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await done())) {
    // A peer the relay closed for good (44xx: the provider stops retrying) would only time out.
    const shutOut = peers.find((p) => p.closes.some(({ code }) => code >= 4400 && code < 4500))
    if (Date.now() > deadline || shutOut) {
      const relayDoc = await relay?.doc()
      const state = peers.map((p) => {
        const closes = p.closes.map((c) => `${c.code}${c.reason ? ` ${c.reason}` : ''}`).join('; ')
        const lacks = relayDoc ? [...Y.decodeStateVector(Y.encodeStateVector(p.doc))].filter(([client, clock]) => (Y.decodeStateVector(Y.encodeStateVector(relayDoc)).get(client) ?? 0) < clock) : []
        return `${p.name}: connected ${p.provider.wsconnected}, synced ${p.provider.synced}, sees locked ${readWorkshop(p.doc).locked}, same as the relay ${sameState(p.doc, relayDoc)}, relay lacks [${lacks.map(([c, k]) => `${c}:${k}`)}], closes [${closes}], denied [${p.denied}]`
      })
      if (relayDoc) state.push(`relay: locked ${readWorkshop(relayDoc).locked}`)
      const refusals = (await (await fetch(`${server.url}/metrics`)).text()).split('\n').filter((line) => line.startsWith('relay_rejected_total'))
      throw new Error(`${shutOut ? `${shutOut.name} was shut out` : 'timed out'} waiting for ${what}\n${state.join('\n')}\nrelay (all seeds so far): ${refusals.join(', ')}\n${log.join('\n')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The map's first state and exactly these peers' own updates, in one fresh document. */
function replay(initial: Uint8Array, peers: RelayPeer[]): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, initial)
  for (const peer of peers) for (const update of peer.local) Y.applyUpdate(doc, update)
  return doc
}

/** Read the map the way a newcomer does after the room has gone: the relay loads it from SQLite. */
async function reloadFromStorage(mapId: string, token: string): Promise<Y.Doc> {
  const deadline = Date.now() + 5000
  while (await server.relay.rooms.peek(mapId)) {
    if (Date.now() > deadline) throw new Error('the room did not unload')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  const reader = await SyncClient.connect(server.url, mapId, token)
  await reader.synced
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc))
  await reader.close()
  return doc
}

function seedsFromEnv(value: string | undefined): number[] | undefined {
  if (!value) return undefined
  return value.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number)
    return Array.from({ length: to - from + 1 }, (_, i) => from + i)
  })
}

describe('convergence fuzz through the real relay: roles, the lock, drops and reconnects', () => {
  it.each(SEEDS)('seed %i: everyone converges, nothing permitted is lost, no viewer write appears', async (seed) => {
    const { peers, links, relay, initial, log } = await runRelayFuzz(seed)
    try {
      const writers = peers.filter((p) => p.role !== 'viewer')
      const viewers = peers.filter((p) => p.role === 'viewer')
      const relayDoc = (await relay.doc())!
      const final = readSnapshot(relayDoc)
      expect(relay.violations, log.join('\n')).toEqual([])

      // Nobody shut out: the only closes are the drops the test made (1006), never a refusal.
      for (const peer of peers) expect(peer.closes.filter(({ code }) => code !== 1006), `${peer.name} was closed by the relay\n${log.join('\n')}`).toEqual([])

      for (const peer of writers) {
        expect(readSnapshot(peer.doc), `${peer.name} differs from the relay`).toEqual(final)
        expect(readWorkshop(peer.doc), `${peer.name}'s workshop state differs`).toEqual(readWorkshop(relayDoc))
      }

      // Exactly the permitted updates: nothing a facilitator or editor did is missing, nothing else is there.
      const expected = replay(initial, writers)
      expect(expected.store.pendingStructs, 'a permitted update depends on something never permitted').toBeNull()
      expect(sameState(relayDoc, expected), `the relay's document is not the first state plus the permitted updates\n${log.join('\n')}`).toBe(true)
      expect(readSnapshot(expected)).toEqual(final)

      for (const viewer of viewers) {
        expect(Y.decodeStateVector(Y.encodeStateVector(relayDoc)).has(viewer.doc.clientID), `${viewer.name}'s edits reached the relay`).toBe(false)
        expect(readSnapshot(viewer.doc)).toEqual(readSnapshot(withLocal(relayDoc, viewer)))
      }

      for (const peer of writers) {
        const held = peer.denied.filter((reason) => reason === 'locked').length
        reached.lockedRefusals += held
        if (held) reached.runsWithHeldEdits++
      }

      for (const peer of peers) leave(peer)
      const reloaded = await reloadFromStorage(links.id, links.viewerToken)
      expect(sameState(reloaded, expected), 'the map reloaded from storage differs').toBe(true)
      expect(readSnapshot(reloaded)).toEqual(final)
      expect(readWorkshop(reloaded)).toEqual(readWorkshop(expected))
    } finally {
      for (const peer of peers) leave(peer)
    }
  })

  // Reads what the seeds above counted: a fuzz that never locked out an editor, never dropped a
  // socket or never had a viewer write would pass without testing what it is for.
  it('across the seeds, the hard cases happened', () => {
    if (SEEDS.length < 10) return
    expect(reached.lockedRefusals, 'editors refused while locked').toBeGreaterThan(0)
    expect(reached.runsWithHeldEdits, 'runs where a held-back edit had to land after the unlock').toBeGreaterThan(0)
    expect(reached.drops).toBeGreaterThan(0)
    expect(reached.abruptDrops).toBeGreaterThan(0)
    expect(reached.roomReloads, 'runs where the room unloaded and loaded again mid-session').toBeGreaterThan(0)
    expect(reached.viewerWrites).toBeGreaterThan(0)
    // Which commands a relay run draws depends on socket timing; the in-memory fuzz checks by name
    // that every command is drawn. Here the workshop commands, which only this mode tests against
    // the write policy, must have run.
    for (const name of ['setLocked', 'startTimer', 'castVote']) expect(reached.commands, name).toContain(name)
  })
})
