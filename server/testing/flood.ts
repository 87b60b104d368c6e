/**
 * A flood of small, schema-valid updates from one stock client, for tests and benchmarks
 * (relay/flood.test.ts, bench/flood.bench.ts).
 */
import * as Y from 'yjs'
import { readSnapshot } from '../../src/doc'
import { createId } from '../../src/model'
import { encodeUpdate } from '../relay/protocol'
import type { SyncClient } from './syncClient'

/** `n` updates, each a new comment on the map's first stage, as a stock client sends them. */
export function comments(base: SyncClient, n: number): Uint8Array[] {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base.doc))
  const stageId = Object.keys(readSnapshot(doc).stages)[0]
  const map = doc.getMap('comments')
  const out: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => out.push(encodeUpdate(u)))
  for (let i = 0; i < n; i++) {
    const id = createId('comment')
    map.set(id, new Y.Map<unknown>(Object.entries({ id, targetId: stageId, author: 'Flom 🌊', text: `Kommentar ${i} æøå`, createdAt: '2026-12-07T02:00:00.000Z', resolved: false })))
  }
  return out
}

/** Send them as fast as the socket takes them, for `ms` or until the relay closes it. */
export async function flood(client: SyncClient, updates: Uint8Array[], ms: number): Promise<number> {
  const end = performance.now() + ms
  let sent = 0
  while (performance.now() < end && sent < updates.length && client.ws.readyState === client.ws.OPEN) {
    for (let i = 0; i < 100 && sent < updates.length; i++) client.sendRaw(updates[sent++])
    while (client.ws.bufferedAmount > 256 * 1024 && client.ws.readyState === client.ws.OPEN) await new Promise((resolve) => setTimeout(resolve, 1))
    await new Promise((resolve) => setImmediate(resolve))
  }
  return sent
}
