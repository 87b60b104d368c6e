/** The fold worker (see fold.ts): folds stored rows on request and answers with the snapshot. */
import { parentPort } from 'node:worker_threads'
import { foldRows } from './fold'

parentPort!.on('message', ({ id, updates, seqs, checked }: { id: number; updates: Uint8Array[]; seqs: number[]; checked?: boolean[] }) => {
  try {
    const folded = foldRows(updates, seqs, checked)
    parentPort!.postMessage({ id, folded }, [folded.snapshot.buffer as ArrayBuffer])
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
