/**
 * What a hostile participant sends, for the isolation test and the hostile-update benchmark, and
 * the measurement both make: how long a bystander's edits take to arrive in another room.
 */
import * as Y from 'yjs'
import type { ShareLinks } from '../maps'
import { encodeSyncStep1, encodeUpdate } from '../relay/protocol'
import { MAX_NEW_STRUCTS } from '../relay/writePolicy'
import { SyncClient } from './syncClient'

/** The heaviest update per byte the schema lets through: many small new records in one collection. */
export function worstUpdate(base: Y.Doc, collection: 'links' | 'promises' | 'comments', records: number): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  const type = { links: 'link', promises: 'promise', comments: 'comment' }[collection]
  const field = collection === 'links' ? 'label' : 'text'
  doc.transact(() => {
    const map = doc.getMap(collection)
    for (let i = 0; i < records; i++) map.set(`${type}:${doc.clientID}x${i}`, new Y.Map([[field, 'ø']]))
  })
  return Y.encodeStateAsUpdate(doc, before)
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * A bystander in `room` edits every `intervalMs` while `during()` runs; a colleague there records
 * how long each edit took to arrive. Edits merged into one broadcast each count from their own send.
 * `sent` is how many edits it made; an edit that never arrived has no latency.
 */
export async function measureBystander(url: string, room: ShareLinks, intervalMs: number, during: () => Promise<void>): Promise<{ latencies: number[]; sent: number }> {
  const writer = await SyncClient.connect(url, room.id, room.editorToken)
  const sentAt: number[] = []
  const latencies: number[] = []
  let arrived = 0
  // Each measurement tags its edits, so one made earlier in the same room is not counted here.
  const tag = `edit-${Math.random().toString(36).slice(2, 8)}`
  const observer = await SyncClient.connect(url, room.id, room.viewerToken, {
    onRemoteUpdate: () => {
      const [seen, at] = String(observer.doc.getMap('meta').get('description')).split(' ')
      if (seen !== tag) return
      const seq = Number(at)
      const now = performance.now()
      for (; arrived <= seq; arrived++) latencies.push(now - sentAt[arrived])
    },
  })
  await Promise.all([writer.synced, observer.synced])
  let n = 0
  const timer = setInterval(() => {
    sentAt[n] = performance.now()
    writer.doc.getMap('meta').set('description', `${tag} ${n++}`)
  }, intervalMs)
  try {
    await during()
  } finally {
    clearInterval(timer)
  }
  // Late is measured; never arriving is a lost edit. A starved machine may take many seconds.
  const deadline = Date.now() + 30_000
  while (arrived < n && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
  await Promise.all([writer.close(), observer.close()])
  return { latencies, sent: n }
}

/** Records in the worst allowed update: two structs each, just under `MAX_NEW_STRUCTS`. */
export const WORST_RECORDS = MAX_NEW_STRUCTS / 2 - 1

/** The worst allowed updates, built in advance so building them is not measured. */
export function worstUpdates(attacker: SyncClient, count: number): Uint8Array[] {
  const collections = ['links', 'promises', 'comments'] as const
  return Array.from({ length: count }, (_, i) => worstUpdate(attacker.doc, collections[i % 3], WORST_RECORDS))
}

/** Send them, `gapMs` apart (as often as the byte budget lets them in). */
export async function attackWith(attacker: SyncClient, attacks: Uint8Array[], gapMs: number): Promise<void> {
  for (const [i, attack] of attacks.entries()) {
    await new Promise((resolve) => setTimeout(resolve, i === 0 ? 300 : gapMs))
    attacker.sendRaw(encodeUpdate(attack))
  }
}

/**
 * A relay that has been running has judged and applied such updates before; a fresh process pays
 * once for compiling those code paths (a few hundred ms, once per collection), which is start-up,
 * not isolation.
 */
export async function warmUp(url: string, room: ShareLinks): Promise<void> {
  const warm = await SyncClient.connect(url, room.id, room.editorToken)
  await warm.synced
  await attackWith(warm, worstUpdates(warm, 3), 300)
  const probe = warm.syncReplies
  warm.sendRaw(encodeSyncStep1(Y.encodeStateVector(warm.doc)))
  const deadline = Date.now() + 20_000
  while (warm.syncReplies === probe && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  await warm.close()
}
