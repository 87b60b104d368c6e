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
import { readMeta, updateParts } from '../../src/doc'
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
 * A log whose rows after its stored state (a snapshot or the creation state) add up to no more
 * than this loads in place: the state is applied as it is and the tail judged and applied on
 * top, with no fold and no encode. A room left with so short a tail is not folded on unload, so
 * whoever opens the map next (a moment later, or the next day) waits for neither.
 */
export const TAIL_IN_PLACE_ROWS = 200
export const TAIL_IN_PLACE_BYTES = 64 * 1024

/** Whether a tail of `rows` rows and `bytes` bytes after the stored state loads in place. */
export const tailLoadsInPlace = (rows: number, bytes: number): boolean => rows <= TAIL_IN_PLACE_ROWS && bytes <= TAIL_IN_PLACE_BYTES

/** The bytes of a log's rows after its stored state. */
export const tailBytes = (updates: readonly Uint8Array[]): number => updates.reduce((n, u, i) => (i > 0 ? n + u.byteLength : n), 0)

export function loadsInPlace(updates: readonly Uint8Array[]): boolean {
  return tailLoadsInPlace(updates.length - 1, tailBytes(updates))
}

export interface Loaded {
  /** The stored state the document was built on, as stored (null if folded or if it could not be applied). */
  snapshot: Uint8Array | null
  /** The rows applied on top of `snapshot`, in order (empty when folded). */
  tail: Uint8Array[]
  /** The document's state vector once `snapshot` alone was applied (after a fold: the whole). */
  base: Uint8Array
  /** Rows left out. */
  bad: BadRow[]
}

/**
 * A room's document from its stored rows: in place when the log is its stored state and a short
 * tail (see `loadsInPlace`), else folded (on the worker when large) and the fold applied.
 */
export async function foldForLoad(doc: Y.Doc, updates: Uint8Array[], seqs: number[]): Promise<Loaded> {
  if (updates.length === 0) return { snapshot: null, tail: [], base: Y.encodeStateVector(doc), bad: [] }
  if (loadsInPlace(updates)) {
    const headBad: BadRow[] = []
    await applyStored(doc, updates[0]).catch((error: unknown) => headBad.push({ seq: seqs[0], reason: `apply: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) }))
    const base = Y.encodeStateVector(doc)
    const tailBad = replayStoredRows(doc, updates.slice(1), seqs.slice(1), undefined, { judgeFirst: true })
    const left = new Set(tailBad.map((b) => b.seq))
    const tail = updates.slice(1).filter((_, i) => !left.has(seqs[i + 1]))
    return { snapshot: headBad.length ? null : updates[0], tail, base, bad: [...headBad, ...tailBad] }
  }
  const { snapshot, bad } = await fold(updates, seqs)
  await applyStored(doc, snapshot)
  return { snapshot, tail: [], base: Y.encodeStateVector(doc), bad }
}

/** A stored state at least this large is applied a slice at a time (see `applyStored`). */
export const LOAD_SLICE_BYTES = 256 * 1024
/** Structs per slice: a few milliseconds of applying each. */
export const LOAD_SLICE_STRUCTS = 10_000

/**
 * Apply a stored state (not judged: the relay wrote it) to a room's document being built. A large
 * one is applied a slice per event-loop turn (src/doc/updateParts.ts): a 5,000-touchpoint map
 * took the relay 0.5–0.7 s in one piece, in which no other room was served, no request answered
 * (the page's own code among them) and no socket read. Throws what Yjs throws.
 */
async function applyStored(doc: Y.Doc, update: Uint8Array): Promise<void> {
  if (update.byteLength < LOAD_SLICE_BYTES) return Y.applyUpdate(doc, update)
  let first = true
  for (const slice of updateParts(update, () => LOAD_SLICE_STRUCTS)) {
    if (!first) await new Promise((resolve) => setImmediate(resolve))
    first = false
    Y.applyUpdate(doc, slice)
  }
}
