/**
 * A participant's notes in a silent writing round, kept in this browser only (localStorage, per
 * map and round) until the reveal: they survive a reload and going offline, and nothing of them
 * reaches the document or the relay before the reveal (presence carries only their count).
 *
 * Each note gets its annotation id when written, and is marked `landed` once it is in the map, so
 * landing is idempotent: a reload after the reveal, or a reveal seen twice, writes nothing again,
 * even for a note the facilitator has since merged away.
 */
import { createId, isId, type AnnotationId, type AnnotationTargetId } from '../model'

export interface Draft {
  id: AnnotationId
  targetId: AnnotationTargetId
  text: string
  /** In the map already: kept only so it is never written twice. */
  landed: boolean
}

/** The storage drafts live in: `localStorage` in the browser; any Storage in tests. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const KEY = 'journey:drafts:'
/** More notes than anyone writes in one round; a bound on what one key may hold. */
export const MAX_DRAFTS = 200

const keyOf = (mapId: string, roundId: string) => `${KEY}${mapId}:${roundId}`
const listeners = new Set<() => void>()

function defaultStorage(): DraftStorage {
  return localStorage
}

export function loadDrafts(mapId: string, roundId: string, storage: DraftStorage = defaultStorage()): Draft[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(keyOf(mapId, roundId)) ?? '[]')
    if (!Array.isArray(raw)) return []
    return raw
      .filter((d): d is Draft => typeof d === 'object' && d !== null && isId('annotation', d.id) && typeof d.targetId === 'string' && typeof d.text === 'string')
      .map((d) => ({ id: d.id, targetId: d.targetId, text: d.text, landed: d.landed === true }))
  } catch {
    return [] // a corrupt entry holds nothing readable
  }
}

function save(mapId: string, roundId: string, drafts: Draft[], storage: DraftStorage): void {
  storage.setItem(keyOf(mapId, roundId), JSON.stringify(drafts))
  listeners.forEach((l) => l())
}

export function addDraft(mapId: string, roundId: string, input: { targetId: AnnotationTargetId; text: string }, storage: DraftStorage = defaultStorage()): Draft {
  const drafts = loadDrafts(mapId, roundId, storage)
  if (drafts.length >= MAX_DRAFTS) throw new Error(`drafts: at most ${MAX_DRAFTS} notes in one round`)
  const draft: Draft = { id: createId('annotation'), targetId: input.targetId, text: input.text, landed: false }
  save(mapId, roundId, [...drafts, draft], storage)
  return draft
}

export function editDraft(mapId: string, roundId: string, id: AnnotationId, text: string, storage: DraftStorage = defaultStorage()): void {
  save(mapId, roundId, loadDrafts(mapId, roundId, storage).map((d) => (d.id === id && !d.landed ? { ...d, text } : d)), storage)
}

export function removeDraft(mapId: string, roundId: string, id: AnnotationId, storage: DraftStorage = defaultStorage()): void {
  save(mapId, roundId, loadDrafts(mapId, roundId, storage).filter((d) => d.id !== id || d.landed), storage)
}

/** Mark notes as written to the map. */
export function markLanded(mapId: string, roundId: string, ids: readonly AnnotationId[], storage: DraftStorage = defaultStorage()): void {
  const landed = new Set(ids)
  save(mapId, roundId, loadDrafts(mapId, roundId, storage).map((d) => (landed.has(d.id) ? { ...d, landed: true } : d)), storage)
}

/** Notes still waiting for the reveal. */
export function pendingDrafts(drafts: readonly Draft[]): Draft[] {
  return drafts.filter((d) => !d.landed)
}

/** Call `onChange` whenever drafts change in this tab or another one; returns the unsubscribe. */
export function subscribeDrafts(onChange: () => void): () => void {
  listeners.add(onChange)
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith(KEY)) onChange()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(onChange)
    window.removeEventListener('storage', onStorage)
  }
}
