import { describe, expect, it } from 'vitest'
import type { AnnotationTargetId } from '../model'
import { addDraft, editDraft, loadDrafts, markLanded, MAX_DRAFTS, pendingDrafts, removeDraft, type DraftStorage } from './drafts'

/** A Storage with what drafts use, as the browser's localStorage behaves (strings in, strings out). */
function memoryStorage(): DraftStorage & { keys(): string[] } {
  const items = new Map<string, string>()
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    keys: () => [...items.keys()],
  }
}

describe('writing-round drafts in this browser', () => {
  it('keeps notes per map and round, as written, across a reload (a fresh read of the storage)', () => {
    const storage = memoryStorage()
    const a = addDraft('map1', 'writing:r1', { targetId: 'touchpoint:t1' as AnnotationTargetId, text: 'Kø på telefonen 😩' }, storage)
    addDraft('map1', 'writing:r1', { targetId: 'stage:s1' as AnnotationTargetId, text: 'Blåbærsyltetøy æøå' }, storage)
    addDraft('map1', 'writing:r2', { targetId: 'stage:s1' as AnnotationTargetId, text: 'Another round' }, storage)
    addDraft('map2', 'writing:r1', { targetId: 'stage:s1' as AnnotationTargetId, text: 'Another map' }, storage)
    const reread = loadDrafts('map1', 'writing:r1', storage)
    expect(reread.map((d) => [d.targetId, d.text, d.landed])).toEqual([
      ['touchpoint:t1', 'Kø på telefonen 😩', false],
      ['stage:s1', 'Blåbærsyltetøy æøå', false],
    ])
    expect(reread[0].id).toBe(a.id)
    expect(a.id).toMatch(/^annotation:/)
  })

  it('edits and removes a draft, but never one already in the map', () => {
    const storage = memoryStorage()
    const a = addDraft('m', 'r', { targetId: 'stage:s1' as AnnotationTargetId, text: 'først' }, storage)
    const b = addDraft('m', 'r', { targetId: 'stage:s1' as AnnotationTargetId, text: 'annen' }, storage)
    editDraft('m', 'r', a.id, 'første', storage)
    markLanded('m', 'r', [b.id], storage)
    editDraft('m', 'r', b.id, 'changed after landing', storage)
    removeDraft('m', 'r', b.id, storage)
    const drafts = loadDrafts('m', 'r', storage)
    expect(drafts.map((d) => [d.text, d.landed])).toEqual([
      ['første', false],
      ['annen', true],
    ])
    expect(pendingDrafts(drafts).map((d) => d.id)).toEqual([a.id])
    removeDraft('m', 'r', a.id, storage)
    expect(pendingDrafts(loadDrafts('m', 'r', storage))).toEqual([])
  })

  it('reads a corrupt or foreign entry as no drafts, and drops malformed notes', () => {
    const storage = memoryStorage()
    storage.setItem('journey:drafts:m:r', '{not json')
    expect(loadDrafts('m', 'r', storage)).toEqual([])
    storage.setItem('journey:drafts:m:r', JSON.stringify([{ id: 'x', targetId: 's', text: 't' }, { id: 'annotation:ok', targetId: 'stage:s' as AnnotationTargetId, text: 'god' }, null]))
    expect(loadDrafts('m', 'r', storage).map((d) => d.text)).toEqual(['god'])
  })

  it('bounds how many notes one round holds', () => {
    const storage = memoryStorage()
    for (let i = 0; i < MAX_DRAFTS; i++) addDraft('m', 'r', { targetId: 'stage:s' as AnnotationTargetId, text: `${i}` }, storage)
    expect(() => addDraft('m', 'r', { targetId: 'stage:s' as AnnotationTargetId, text: 'one more' }, storage)).toThrow(/at most/)
    expect(loadDrafts('m', 'r', storage)).toHaveLength(MAX_DRAFTS)
  })
})
