/**
 * Folding a map's stored rows into one snapshot: the costliest thing the relay does with a map
 * (every row checked against the schema and applied, then the whole document encoded). Loading a
 * room and compacting its log both fold. A large map's fold takes hundreds of milliseconds, so it
 * runs on a worker thread: the main thread keeps serving every other room meanwhile. A small
 * map's fold costs less than the hop to the worker and stays on the main thread.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import * as Y from 'yjs'
import { readMeta } from '../../src/doc'
import { replayStoredRows, type BadRow } from './replay'

export interface Folded {
  /** The whole map as one update (from a garbage-collected document: deleted content is dropped). */
  snapshot: Uint8Array
  /** Rows left out, for the caller to quarantine. */
  bad: BadRow[]
  title: string
}

/** Below this many stored bytes a fold stays on the calling thread. */
export const FOLD_OFF_THREAD_BYTES = 128 * 1024

/** The fold itself; the worker runs this. */
export function foldRows(updates: Uint8Array[], seqs: number[], checked?: readonly boolean[]): Folded {
  const doc = new Y.Doc()
  try {
    const bad = replayStoredRows(doc, updates, seqs, checked)
    return { snapshot: Y.encodeStateAsUpdate(doc), bad, title: readMeta(doc).title }
  } finally {
    doc.destroy()
  }
}

interface Job {
  resolve(folded: Folded): void
  reject(error: Error): void
}

/**
 * One worker per process, started on first use and never keeping the process alive. Jobs queue
 * on it in order. If it dies (it should not: folding never recurses on stored content), waiting
 * jobs fail over to the calling thread and the next fold starts a new worker.
 */
class FoldWorker {
  private worker: Worker | null = null
  private readonly jobs = new Map<number, Job>()
  private nextId = 1

  fold(updates: Uint8Array[], seqs: number[], checked?: readonly boolean[]): Promise<Folded> {
    const worker = this.worker ?? this.start()
    const id = this.nextId++
    return new Promise<Folded>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject })
      if (this.jobs.size === 1) worker.ref()
      worker.postMessage({ id, updates, seqs, checked })
    })
  }

  private start(): Worker {
    const require = createRequire(import.meta.url)
    // The worker loads this project's TypeScript the way the server does.
    const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
    const worker = new Worker(new URL('./foldWorker.mjs', import.meta.url), {
      workerData: { tsxApi, entry: new URL('./foldWorkerMain.ts', import.meta.url).href },
    })
    worker.unref()
    worker.on('message', ({ id, folded, error }: { id: number; folded?: Folded; error?: string }) => {
      const job = this.jobs.get(id)
      this.jobs.delete(id)
      if (this.jobs.size === 0) worker.unref()
      if (!job) return
      if (folded) job.resolve(folded)
      else job.reject(new Error(error ?? 'the fold failed'))
    })
    const lost = (reason: string) => {
      if (this.worker !== worker) return
      this.worker = null
      const waiting = [...this.jobs.values()]
      this.jobs.clear()
      for (const job of waiting) job.reject(new WorkerLost(reason))
    }
    worker.on('error', (error) => lost(String(error)))
    worker.on('exit', (code) => lost(`exited with ${code}`))
    this.worker = worker
    return worker
  }
}

class WorkerLost extends Error {}

const shared = new FoldWorker()

/**
 * Fold, off the main thread when the rows are large enough to be worth it. A fold nobody waits
 * for (`background`: compaction) always goes to the worker: the hop costs it nothing that matters,
 * while 500 small rows folded in place held every room up for 100–200 ms on a busy machine.
 */
export async function fold(updates: Uint8Array[], seqs: number[], { background = false, checked }: { background?: boolean; checked?: readonly boolean[] } = {}): Promise<Folded> {
  const bytes = updates.reduce((n, u) => n + u.byteLength, 0)
  if (bytes < FOLD_OFF_THREAD_BYTES && !background) return foldRows(updates, seqs, checked)
  try {
    return await shared.fold(updates, seqs, checked)
  } catch (error) {
    // A fold that failed inside the worker fails the same way here; a lost worker is not the map's fault.
    if (!(error instanceof WorkerLost)) throw error
    return foldRows(updates, seqs, checked)
  }
}

/**
 * A room's document from its stored rows. A log of one row (a compacted snapshot, or the creation
 * state) is the whole map already: it is applied as it is, with no fold and no encode. Returns the
 * full state the document now holds (null if the one row could not be applied: the document then
 * holds what it could, as a fold would) and the rows left out.
 */
export async function foldForLoad(doc: Y.Doc, updates: Uint8Array[], seqs: number[]): Promise<{ snapshot: Uint8Array | null; bad: BadRow[] }> {
  if (updates.length === 1) {
    const bad = replayStoredRows(doc, updates, seqs)
    return { snapshot: bad.length ? null : updates[0], bad }
  }
  const { snapshot, bad } = await fold(updates, seqs)
  Y.applyUpdate(doc, snapshot)
  return { snapshot, bad }
}
