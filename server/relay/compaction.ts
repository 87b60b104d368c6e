import type { MapStore } from '../storage/types'
import { fold } from './fold'

/**
 * Fold a map's whole update log into one snapshot, on the fold worker (see fold.ts), so no room
 * waits for it. Rows that cannot be replayed are quarantined. The snapshot is built from the stored rows
 * themselves (not from a room's in-memory document), so it folds exactly the rows it read even
 * when other relays append to the same map; rows appended meanwhile stay after it. Building it
 * in a garbage-collected document also drops the content of deleted records.
 *
 * `judged` tells which rows the caller judged itself before storing them (see replay.ts): the
 * fold applies those without judging them again.
 *
 * One relay at a time folds a map (`runExclusive`: a PostgreSQL advisory lock when relays share
 * storage); a relay that finds another folding the map skips, as that fold covers its rows too.
 */
export async function compactMapLog(store: MapStore, mapId: string, judged: (seq: number) => boolean = () => false): Promise<{ rows: number; bytes: number; lastSeq?: number; skipped?: true }> {
  const folded = await store.runExclusive(mapId, 'compact', async () => {
    const { updates, lastSeq, seqs } = await store.loadUpdates(mapId)
    if (updates.length < 2) return { rows: updates.length, bytes: updates[0]?.byteLength ?? 0 }
    const { snapshot, bad, title } = await fold(updates, seqs, { background: true, checked: seqs.map(judged) })
    // A row the snapshot leaves out is set aside first, so folding the log never deletes it.
    for (const { seq, reason } of bad) await store.quarantineUpdate(mapId, seq, reason)
    await store.compact(mapId, snapshot, lastSeq, title)
    return { rows: updates.length, bytes: snapshot.byteLength, lastSeq }
  })
  return folded ?? { rows: 0, bytes: 0, skipped: true }
}
