/**
 * Peers editing the same map, with updates delivered late, out of order and after disconnects,
 * must end with the same map, and nothing anyone added may vanish without a trace.
 *
 * The peers draw from every command src/commands exports (randomCommands.ts); the last test of
 * the first block fails if one of them never ran.
 *
 * "Vanish unseen", precisely: after every update has reached every peer, each record of any
 * collection that some peer created, and that no peer's own command removed (a delete, a cascade
 * of one, a restored version, or an undo, measured on that peer at the moment it ran), exists in
 * the final document, either placed (its stage and persona, its target, its link's ends or its
 * priority's promise exist) or listed by `findOrphans`, which is what the canvas's "Unplaced"
 * tray and the promises panel show.
 *
 * The same fuzz runs through the real relay, with roles and reconnects, in
 * server/relay/convergenceFuzz.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAnnotation,
  addTouchpoint,
  deleteStage,
  deleteTouchpoint,
  initializeMap,
  moveTouchpoint,
  reattachAnnotation,
  addComment,
} from '../commands'
import * as commandsModule from '../commands'
import { readSnapshot, readWorkshop } from '../doc'
import { COLLECTIONS, findOrphans, isPlaced, parseJourneyJson, SCHEMA_VERSION, targetExists, toJourneyJson, type Snapshot } from '../model'
import { TEMPLATES } from '../templates'
import { PeerNetwork, withSeededIds, type DeliveryOrder, type Peer } from './peers'
import { COMMAND_WEIGHTS, exportedUserCommands, NOT_USER_COMMANDS, RANDOM_COMMANDS, trackCommands } from './randomCommands'
import { SeededRandom } from './seededRandom'

/** Every record a participant adds, of any collection, is one they expect to find again. */
function recordIds(snapshot: Snapshot): Set<string> {
  return new Set(COLLECTIONS.flatMap((c) => Object.keys(snapshot[c])))
}

/**
 * Memberships of the sets of ids records hold (an action's `addresses`, a service priority's
 * `touchpointIds`), as `record id → member id` strings: a link someone made is one they expect
 * to find again, as a record.
 */
function memberships(snapshot: Snapshot): Set<string> {
  const out = new Set<string>()
  for (const a of Object.values(snapshot.actions)) for (const id of a.addresses) out.add(`${a.id} → ${id}`)
  for (const p of Object.values(snapshot.servicePriorities)) for (const id of p.touchpointIds) out.add(`${p.id} → ${id}`)
  for (const item of Object.values(snapshot.blueprintItems)) for (const id of item.touchpointIds) out.add(`${item.id} → ${id}`)
  return out
}

/**
 * Schema v2 stores these sets as nested maps, so two people linking at once both keep their link.
 * In v1 they are plain array values and one concurrent link overwrites the other (issue 9).
 */
const SETS_MERGE = SCHEMA_VERSION >= 2

interface FuzzResult {
  network: PeerNetwork
  created: Set<string>
  deleted: Set<string>
  linked: Set<string>
  unlinked: Set<string>
  /**
   * Records a version restore wrote back while the restorer had not yet heard of them: the same
   * key created twice at once, of which Yjs keeps one whole record, so a link made inside the
   * losing copy goes with it. Rare and inherent to restoring a version offline; counted apart.
   */
  recreated: Set<string>
  operations: number
}

/** Names of the commands that ran to the end, across every run of this file. */
const called = new Set<string>()

function runFuzz(seed: number, order: DeliveryOrder = 'per-sender'): FuzzResult {
  const random = new SeededRandom(seed)
  const commands = trackCommands(called)
  return withSeededIds(random.next, () => {
    const network = new PeerNetwork(random.int(2, 3), order)
    const { peers } = network
    // Most runs start from the blank layout; some from a template that already holds an action
    // plan, promises and service priorities, so those are edited from the first step.
    if (random.chance(0.75)) commands.initializeMap(peers[0].doc, { title: 'Kundereise', locale: 'nb' })
    else commands.loadIntoEmptyMap(peers[0].doc, random.pick(TEMPLATES).build())
    network.flush(random)

    const created = new Set<string>()
    const deleted = new Set<string>()
    const linked = new Set<string>()
    const unlinked = new Set<string>()
    const recreated = new Set<string>()
    const versions: Snapshot[] = []
    const operations = random.int(100, 200)
    let clock = Date.UTC(2024, 0, 1)
    for (let step = 0; step < operations; step++) {
      const peer = random.pick(peers)
      const before = readSnapshot(peer.doc)
      if (step % 25 === 0) versions.push(before)
      const name = random.weighted(COMMAND_WEIGHTS)
      clock += 1000
      RANDOM_COMMANDS[name].run({ doc: peer.doc, undo: peer.undo, commands, view: before, random, now: new Date(clock), author: peer.name, versions })
      const after = readSnapshot(peer.doc)
      const [beforeIds, afterIds] = [recordIds(before), recordIds(after)]
      for (const id of afterIds) if (!beforeIds.has(id)) (name === 'replaceContent' && created.has(id) ? recreated : created).add(id)
      for (const id of beforeIds) if (!afterIds.has(id)) deleted.add(id)
      const [beforeLinks, afterLinks] = [memberships(before), memberships(after)]
      for (const link of afterLinks) if (!beforeLinks.has(link)) linked.add(link)
      for (const link of beforeLinks) if (!afterLinks.has(link)) unlinked.add(link)

      network.deliverSome(random, random.int(0, 3))
      if (random.chance(0.04)) network.goOffline(random.pick(peers))
      const offline = peers.filter((p) => !p.online)
      if (offline.length && random.chance(0.08)) network.goOnline(random.pick(offline))
    }
    network.flush(random)
    return { network, created, deleted, linked, unlinked, recreated, operations }
  })
}

/** Every assertion the fuzz makes about the settled network. */
function expectConvergedWithNothingLost({ network, created, deleted, linked, unlinked, recreated }: FuzzResult, { exportable = true } = {}): void {
  const { peers } = network
  expect(network.pending).toBe(0)
  for (const peer of peers) {
    // An update whose dependencies never arrived would sit here, invisible to the reader.
    expect(peer.doc.store.pendingStructs, `${peer.name} has undelivered structs`).toBeNull()
    expect(peer.doc.store.pendingDs, `${peer.name} has undelivered deletions`).toBeNull()
  }

  const final = readSnapshot(peers[0].doc)
  for (const peer of peers) {
    expect(readSnapshot(peer.doc), `${peer.name} differs from ${peers[0].name}`).toEqual(final)
    expect(peer.observed(), `${peer.name}'s incremental snapshot drifted from its document`).toEqual(final)
    expect(readWorkshop(peer.doc), `${peer.name}'s workshop state differs`).toEqual(readWorkshop(peers[0].doc))
  }

  const missing = [...created].filter((id) => !deleted.has(id) && !recordIds(final).has(id))
  expect(missing, 'records added, never deleted by anyone, and gone').toEqual([])
  if (SETS_MERGE) {
    // A link goes with its record or member when someone deletes either, even if an undo brings
    // the record back (the undo restores the record as its deleter saw it, without a link made
    // concurrently); any other link someone made and nobody unlinked stays.
    const finalLinks = memberships(final)
    const explained = (link: string) => unlinked.has(link) || link.split(' → ').some((id) => deleted.has(id) || recreated.has(id) || !recordIds(final).has(id))
    const lostLinks = [...linked].filter((link) => !explained(link) && !finalLinks.has(link))
    expect(lostLinks, 'links made, never unlinked by anyone, and gone').toEqual([])
  }

  // Whatever is not placed must be in the tray, and nothing placed may be in it.
  const orphans = findOrphans(final)
  const unplacedTouchpoints = Object.values(final.touchpoints).filter((t) => !final.stages[t.stageId] || !final.personas[t.personaId])
  expect(orphans.touchpoints.map((t) => t.id).sort()).toEqual(unplacedTouchpoints.map((t) => t.id).sort())
  const unplacedAnnotations = Object.values(final.annotations).filter((a) => !exists(final, a.targetId))
  expect(orphans.annotations.map((a) => a.id).sort()).toEqual(unplacedAnnotations.map((a) => a.id).sort())
  const unplacedComments = Object.values(final.comments).filter((c) => !exists(final, c.targetId))
  expect(orphans.comments.map((c) => c.id).sort()).toEqual(unplacedComments.map((c) => c.id).sort())
  const danglingLinks = Object.values(final.links).filter((l) => !(l.from in final.touchpoints && l.to in final.touchpoints))
  expect(orphans.links.map((l) => l.id).sort()).toEqual(danglingLinks.map((l) => l.id).sort())
  const homelessPriorities = Object.values(final.servicePriorities).filter((p) => !(p.promiseId in final.promises))
  expect(orphans.servicePriorities.map((p) => p.id).sort()).toEqual(homelessPriorities.map((p) => p.id).sort())
  const unplacedItems = Object.values(final.blueprintItems).filter((item) => !(item.stageId in final.stages))
  expect(orphans.blueprintItems.map((item) => item.id).sort()).toEqual(unplacedItems.map((item) => item.id).sort())

  // The converged map, orphans and all, still exports as a file that imports again.
  if (!exportable) return
  const parsed = parseJourneyJson(JSON.parse(JSON.stringify(toJourneyJson(final))))
  expect(parsed.ok ? [] : parsed.errors).toEqual([])
}

/** Target existence computed here, independently of model/orphans.ts. */
function exists(s: Snapshot, targetId: string): boolean {
  if (['phase:before', 'phase:during', 'phase:after'].includes(targetId)) return true
  return [s.personas, s.stages, s.touchpoints, s.annotations, s.comments].some((records) => targetId in records)
}

/**
 * Each seed runs once per file however the tests are selected: a seed's test runs it and keeps
 * what it counted, and the tests across all seeds run whichever seeds have not run yet. So those
 * tests pass or fail the same run alone (`-t`), in any order, or after the seeds.
 */
const seedRuns = new Map<string, { unplaced: number }>()
function fuzzSeed(seed: number, order: DeliveryOrder = 'per-sender'): { unplaced: number } {
  const key = `${order}:${seed}`
  const done = seedRuns.get(key)
  if (done) return done
  const result = runFuzz(seed, order)
  try {
    // Fully shuffled delivery: a peer may act on half an update (see peers.ts). Convergence and
    // "nothing lost" still hold; a record restored by an undo taken in that state can lack a
    // field the reader repairs (a card lands in the Unplaced tray), so export validity is not
    // asserted there.
    expectConvergedWithNothingLost(result, { exportable: order === 'per-sender' })
    // A run that created nothing would pass without testing anything.
    if (order === 'per-sender') expect(result.created.size).toBeGreaterThan(0)
    const orphans = findOrphans(readSnapshot(result.network.peers[0].doc))
    const run = { unplaced: orphans.touchpoints.length + orphans.annotations.length + orphans.comments.length }
    seedRuns.set(key, run)
    return run
  } finally {
    result.network.destroy()
  }
}

describe('convergence fuzz: random commands, random delivery, disconnects', () => {
  const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1)
  const ANY_ORDER_SEEDS = SEEDS.slice(0, 20).map((s) => s + 1000)
  const runAll = () => [...SEEDS.map((seed) => fuzzSeed(seed)), ...ANY_ORDER_SEEDS.map((seed) => fuzzSeed(seed, 'any'))]

  it.each(SEEDS)('seed %i converges with nothing lost unseen', (seed) => {
    fuzzSeed(seed)
  })

  it.each(ANY_ORDER_SEEDS)('seed %i converges under any delivery order', (seed) => {
    fuzzSeed(seed, 'any')
  })

  it('across the seeds, concurrent deletes do leave unplaced records behind (the fuzz reaches the hard case)', () => {
    expect(runAll().reduce((sum, run) => sum + run.unplaced, 0)).toBeGreaterThan(0)
  })

  // A command added to src/commands and not to randomCommands.ts (or drawn but never able to
  // run) fails here, by name.
  it('every command src/commands exports ran in the fuzz', () => {
    runAll()
    expect(exportedUserCommands().length).toBeGreaterThan(50)
    expect(exportedUserCommands().filter((name) => !called.has(name))).toEqual([])
    // The list of exports that are not user intents names only exports that exist.
    expect(Object.keys(NOT_USER_COMMANDS).filter((name) => !(name in commandsModule))).toEqual([])
  })
})

describe('pinned regression seeds', () => {
  // Both end with a card whose move was undone right after a colleague's concurrent move of the
  // same card lost to it: Y.UndoManager left its stageId with no value, so the card fell out of
  // the grid and the export no longer imported (fixed in doc/undo.ts). They replay with the
  // command table in randomCommands.ts as it was then; doc/undo.test.ts pins the case itself.
  it.each([217, 223])('seed %i: an undone move next to a concurrent move keeps the card placed', (seed) => {
    const result = runFuzz(seed)
    try {
      expectConvergedWithNothingLost(result)
    } finally {
      result.network.destroy()
    }
  })
})

describe('concurrent delete and add: the addition survives, unplaced and visible', () => {
  function twoPeers() {
    const random = new SeededRandom(7)
    const network = new PeerNetwork(2)
    const [a, b] = network.peers
    initializeMap(a.doc, { title: 'Karolines bilservice', locale: 'nb' })
    network.flush(random)
    const view = readSnapshot(b.doc)
    const stage = Object.values(view.stages).find((s) => s.phase === 'during')!.id
    const otherStage = Object.values(view.stages).find((s) => s.phase === 'after')!.id
    const persona = Object.values(view.personas)[0].id
    return { random, network, a, b, stage, otherStage, persona }
  }

  const settle = (network: PeerNetwork, random: SeededRandom, ...peers: Peer[]) => {
    network.flush(random)
    const snapshots = peers.map((p) => readSnapshot(p.doc))
    for (const s of snapshots) expect(s).toEqual(snapshots[0])
    return snapshots[0]
  }

  it('A deletes a stage while B adds a touchpoint to it: the card is kept and listed as unplaced; moving it places it again', () => {
    const { random, network, a, b, stage, otherStage, persona } = twoPeers()
    network.goOffline(a)
    network.goOffline(b)
    deleteStage(a.doc, stage)
    const card = addTouchpoint(b.doc, { stageId: stage, personaId: persona, title: 'Ringer sentralbordet' })
    const note = addAnnotation(b.doc, { targetId: card, kind: 'pain-point', text: 'Venter to minutter på svar' })

    const merged = settle(network, random, a, b)
    expect(merged.stages[stage]).toBeUndefined()
    expect(merged.touchpoints[card].title).toBe('Ringer sentralbordet')
    expect(isPlaced(merged, merged.touchpoints[card])).toBe(false)
    expect(findOrphans(merged).touchpoints.map((t) => t.id)).toEqual([card])
    // The card's own annotation hangs on the card, which exists: it is not itself an orphan.
    expect(merged.annotations[note].targetId).toBe(card)
    expect(findOrphans(merged).annotations).toEqual([])

    moveTouchpoint(a.doc, card, { stageId: otherStage, personaId: persona })
    const placed = settle(network, random, a, b)
    expect(isPlaced(placed, placed.touchpoints[card])).toBe(true)
    expect(findOrphans(placed).touchpoints).toEqual([])
    network.destroy()
  })

  it('A deletes a touchpoint while B annotates and comments on it: both are kept and listed; reattaching places the annotation', () => {
    const { random, network, a, b, stage, persona } = twoPeers()
    const card = addTouchpoint(a.doc, { stageId: stage, personaId: persona, title: 'Får time om 10 dager' })
    network.flush(random)

    network.goOffline(b)
    deleteTouchpoint(a.doc, card)
    const need = addAnnotation(b.doc, { targetId: card, kind: 'functional-need', text: 'Få time før vinteren' })
    const comment = addComment(b.doc, { targetId: card, author: 'B', text: 'Hvorfor så lenge?' })

    const merged = settle(network, random, a, b)
    expect(merged.touchpoints[card]).toBeUndefined()
    expect(merged.annotations[need].text).toBe('Få time før vinteren')
    expect(targetExists(merged, merged.annotations[need].targetId)).toBe(false)
    expect(findOrphans(merged).annotations.map((x) => x.id)).toEqual([need])
    expect(findOrphans(merged).comments.map((x) => x.id)).toEqual([comment])

    reattachAnnotation(a.doc, need, 'phase:during')
    const placed = settle(network, random, a, b)
    expect(findOrphans(placed).annotations).toEqual([])
    network.destroy()
  })

  it('a peer that was offline the whole time still converges from the update stream alone', () => {
    const { random, network, a, b, stage, persona } = twoPeers()
    network.goOffline(b)
    for (let i = 0; i < 20; i++) addTouchpoint(a.doc, { stageId: stage, personaId: persona, title: `Kort ${i}`, index: 0 })
    expect(Object.keys(readSnapshot(b.doc).touchpoints)).toHaveLength(0)
    const merged = settle(network, random, a, b)
    expect(Object.keys(merged.touchpoints)).toHaveLength(20)
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
    network.destroy()
  })
})
