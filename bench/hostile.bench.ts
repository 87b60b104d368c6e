/**
 * What a hostile participant can cost the relay (prints figures, asserts nothing):
 *  1. The worst update the limits allow (5,000 new structs): how long reading and judging it
 *     blocks the event loop, and the longest of its applied slices.
 *  2. A bystander's edit latency in another room (p50, p99, max), with and without an editor
 *     sending those updates as often as its byte budget allows; the relay in its own process.
 *  3. The same while an editor's offline work of 7,000 cards (3 MB, more than one live message
 *     holds) lands in another room on reconnect: how long it takes to land, and the bystander.
 *
 * Run: `npm run bench` (all benchmarks) or `npx tsx bench/hostile.bench.ts`.
 */
import fs from 'node:fs'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { initializeMap } from '../src/commands'
import { judgeUpdate, MAX_NEW_STRUCTS } from '../server/relay/writePolicy'
import { encodeSyncStep2, parseMessage } from '../server/relay/protocol'
import { SLICE_STRUCTS as SLICE } from '../server/relay/room'
import { readUpdate, sliceUpdate } from '../server/relay/updateFormat'
import type { ShareLinks } from '../server/maps'
import { attackWith, measureBystander, percentile, warmUp, WORST_RECORDS, worstUpdate, worstUpdates } from '../server/testing/attacks'
import { spawnServer } from '../server/testing/serverProcess'
import { makeCards } from '../server/testing/offlineCards'
import { SyncClient } from '../server/testing/syncClient'
import { tempDataDir } from '../server/testing/testServer'

const RUNS = 5

function worstMessageCost() {
  const rows: { read: number; judge: number; slice: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    const room = new Y.Doc()
    initializeMap(room, { title: 'Rom' })
    const update = worstUpdate(room, 'links', WORST_RECORDS)
    let t = performance.now()
    const parsed = readUpdate(update)
    const read = performance.now() - t
    t = performance.now()
    const verdict = judgeUpdate(room, 'editor', parsed)
    const judge = performance.now() - t
    if (verdict.kind !== 'apply') throw new Error(`the worst allowed update was refused: ${JSON.stringify(verdict)}`)
    let slice = 0
    for (const part of sliceUpdate(update, parsed, SLICE, (c) => Y.getState(room.store, c))) {
      t = performance.now()
      Y.applyUpdate(room, part)
      slice = Math.max(slice, performance.now() - t)
    }
    rows.push({ read, judge, slice })
  }
  const median = (k: 'read' | 'judge' | 'slice') => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)]
  const bytes = worstUpdate(new Y.Doc(), 'links', WORST_RECORDS).byteLength
  console.log(`worst allowed update: ${MAX_NEW_STRUCTS} structs, ${(bytes / 1024).toFixed(0)} KB`)
  console.log(`  read ${median('read').toFixed(1)} ms + judge ${median('judge').toFixed(1)} ms in one piece; longest slice of ${SLICE} structs ${median('slice').toFixed(1)} ms (median of ${RUNS})`)
}

async function bystander(withAttack: boolean) {
  const dataDir = tempDataDir()
  const server = await spawnServer({ dataDir })
  try {
    const create = async (title: string) => (await (await fetch(`${server.url}/api/maps`, { method: 'POST', body: JSON.stringify({ title }) })).json()) as ShareLinks
    const [a, b, c] = [await create('Angriper'), await create('Tilskuer'), await create('Oppvarming')]
    const attacker = await SyncClient.connect(server.url, a.id, a.editorToken)
    await attacker.synced
    await warmUp(server.url, c)
    const attacks = withAttack ? worstUpdates(attacker, 10) : []
    const { latencies, sent } = await measureBystander(server.url, b, 20, async () => {
      if (withAttack) await attackWith(attacker, attacks, 700)
      else await new Promise((resolve) => setTimeout(resolve, 300 + 9 * 700))
      await new Promise((resolve) => setTimeout(resolve, 1500))
    })
    await attacker.close()
    const label = withAttack ? 'with the worst updates in another room' : 'quiet relay'
    const goal = withAttack ? ' (goal: p99 < 50 ms)' : ''
    console.log(`bystander edit latency, ${label}: n=${latencies.length} of ${sent} p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${goal}, max ${Math.max(...latencies).toFixed(1)} ms`)
  } finally {
    server.child.kill('SIGKILL')
    await server.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Cards made offline in `offlineLanding`: about 3 MB, three live messages' worth. */
const OFFLINE_CARDS = 7000

async function offlineLanding() {
  const dataDir = tempDataDir()
  const server = await spawnServer({ dataDir })
  try {
    const create = async (title: string) => (await (await fetch(`${server.url}/api/maps`, { method: 'POST', body: JSON.stringify({ title }) })).json()) as ShareLinks
    const [a, b, c] = [await create('Frakoblet'), await create('Tilskuer'), await create('Oppvarming')]
    await warmUp(server.url, c)
    // The editor syncs, goes away, makes its cards, and comes back: its answer to the relay's sync step 1 carries them.
    const before = await SyncClient.connect(server.url, a.id, a.editorToken)
    await before.synced
    await before.close()
    makeCards(before.doc, OFFLINE_CARDS)
    const watcher = await SyncClient.connect(server.url, a.id, a.viewerToken)
    await watcher.synced
    // The answer a stock client sends, encoded beforehand: the bystander's clients share this
    // process, and only the relay's work is measured.
    const answer = encodeSyncStep2(Y.encodeStateAsUpdate(before.doc, Y.encodeStateVector(watcher.doc)))
    const bytes = answer.byteLength
    let landedMs = NaN
    const { latencies, sent } = await measureBystander(server.url, b, 20, async () => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      const started = performance.now()
      const editor = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${a.id}?token=${a.editorToken}`)
      editor.on('message', (data: Buffer) => {
        if (parseMessage(new Uint8Array(data)).type === 'sync-step-1') editor.send(answer)
      })
      const deadline = Date.now() + 120_000
      while (watcher.doc.getMap('touchpoints').size < OFFLINE_CARDS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
      landedMs = performance.now() - started
      editor.close()
      await new Promise((resolve) => setTimeout(resolve, 1500))
    })
    const landed = watcher.doc.getMap('touchpoints').size
    await watcher.close()
    console.log(`offline work of ${OFFLINE_CARDS} cards (${(bytes / 1024 / 1024).toFixed(1)} MB, one message) in another room: ${landed} landed in ${(landedMs / 1000).toFixed(1)} s`)
    console.log(`bystander edit latency, while it lands: n=${latencies.length} of ${sent} p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (goal: p99 < 50 ms), max ${Math.max(...latencies).toFixed(1)} ms`)
  } finally {
    server.child.kill('SIGKILL')
    await server.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

worstMessageCost()
await bystander(false)
await bystander(true)
await offlineLanding()
