import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createUndoManager, readSnapshot, readWorkshop } from '../doc'
import { createId, writingOpen, writingRevealed, type AnnotationId } from '../model'
import { createTestDoc } from '../test/factories'
import { addAction, addAnnotation, addComment, castVote, deleteTouchpoint, openVotingRound } from '.'
import { endWritingRound, landNotes, mergeAnnotations, revealWritingRound, startWritingRound } from './writingRound'

const note = (targetId: string, text: string) => ({ id: createId('annotation') as AnnotationId, targetId: targetId as never, text })

describe('writing rounds', () => {
  it('starts a round, tied to the timer when asked, and reveals it when the timer runs out', () => {
    const { doc } = createTestDoc()
    startWritingRound(doc, { kind: 'pain-point', anonymous: true, timerMs: 60_000, now: 1_000 })
    const workshop = readWorkshop(doc)
    expect(workshop.writing).toMatchObject({ kind: 'pain-point', status: 'writing', anonymous: true, timed: true })
    expect(workshop.timer).toEqual({ status: 'running', endsAt: 61_000, durationMs: 60_000 })
    expect(writingRevealed(workshop, 60_999)).toBe(false)
    expect(writingRevealed(workshop, 61_000)).toBe(true)

    startWritingRound(doc, { kind: 'opportunity' })
    const untimed = readWorkshop(doc)
    expect(untimed.writing).toMatchObject({ kind: 'opportunity', status: 'writing', anonymous: false, timed: false })
    expect(writingRevealed(untimed, 10_000_000)).toBe(false)
    revealWritingRound(doc)
    expect(writingRevealed(readWorkshop(doc), 0)).toBe(true)
    // Closed after its reveal, the round stays as ended: a participant offline at the reveal still
    // lands their notes on reconnect, while nobody sees it as a round that is on.
    endWritingRound(doc)
    const ended = readWorkshop(doc)
    expect(ended.writing).toMatchObject({ kind: 'opportunity', status: 'ended' })
    expect(writingRevealed(ended, 0)).toBe(true)
    expect(writingOpen(ended.writing)).toBe(false)
    revealWritingRound(doc)
    expect(readWorkshop(doc).writing?.status).toBe('ended')

    // Closed before its reveal, the round is dropped: its notes were never sent and never land.
    startWritingRound(doc, { kind: 'pain-point' })
    expect(writingOpen(readWorkshop(doc).writing)).toBe(true)
    endWritingRound(doc)
    expect(readWorkshop(doc).writing).toBeNull()
  })

  it('refuses a kind that is not collected in rounds, and a timer beyond 4 hours', () => {
    const { doc } = createTestDoc()
    expect(() => startWritingRound(doc, { kind: 'note' as never })).toThrow(/kind/)
    expect(() => startWritingRound(doc, { kind: 'pain-point', timerMs: 5 * 3600_000 })).toThrow(/timerMs/)
    expect(readWorkshop(doc).writing).toBeNull()
  })

  it('reads an older document without a round, and a malformed one as none', () => {
    const doc = new Y.Doc()
    doc.getMap('workshop').set('locked', true)
    expect(readWorkshop(doc).writing).toBeNull()
    doc.getMap('workshop').set('writing', { id: 7, kind: 'pain-point' })
    expect(readWorkshop(doc).writing).toBeNull()
  })

  it('lands notes as ordinary annotations of the round’s kind, once, with the author or none', () => {
    const { doc, touchpoint, during } = createTestDoc()
    const notes = [note(touchpoint, 'Lampen sier ingenting om hvor alvorlig det er 😟'), note(during, 'Kø på sentralbordet')]
    expect(landNotes(doc, notes, { kind: 'pain-point', author: 'Åse' })).toEqual({ landed: notes.map((n) => n.id), homeless: [] })
    const first = readSnapshot(doc).annotations[notes[0].id]
    expect(first).toMatchObject({ targetId: touchpoint, kind: 'pain-point', text: 'Lampen sier ingenting om hvor alvorlig det er 😟', author: 'Åse' })

    // Seen again (a reload after the reveal): nothing is written twice.
    const before = Y.encodeStateVector(doc)
    landNotes(doc, notes, { kind: 'pain-point', author: 'Åse' })
    expect(Object.keys(readSnapshot(doc).annotations)).toHaveLength(2)
    expect(Y.encodeStateAsUpdate(doc, before).length).toBeLessThan(4) // an empty update

    const anonymous = note(touchpoint, 'Ingen ringer tilbake')
    landNotes(doc, [anonymous], { kind: 'opportunity' })
    const stored = doc.getMap('annotations').get(anonymous.id) as Y.Map<unknown>
    expect(stored.has('author')).toBe(false)
    expect(readSnapshot(doc).annotations[anonymous.id].author).toBeUndefined()
  })

  it('keeps a note whose touchpoint was deleted meanwhile out of the map, and says so', () => {
    const { doc, touchpoint, before } = createTestDoc()
    const orphan = note(touchpoint, 'Står på dashbordet')
    const fine = note(before, 'Varselet kommer for sent')
    deleteTouchpoint(doc, touchpoint)
    expect(landNotes(doc, [orphan, fine, note(before, '   ')], { kind: 'pain-point' }).homeless).toEqual([orphan.id])
    expect(readSnapshot(doc).annotations[orphan.id]).toBeUndefined()
    expect(readSnapshot(doc).annotations[fine.id]).toBeDefined()
  })
})

describe('merging duplicates', () => {
  it('keeps both texts, adds the votes voter by voter, and moves what hung on the duplicate', () => {
    const { doc, touchpoint, during } = createTestDoc()
    const into = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Ventetid på telefonen', author: 'Åse' })
    const from = addAnnotation(doc, { targetId: during, kind: 'pain-point', text: 'Lang kø når man ringer ☎️', author: 'Ørjan' })
    openVotingRound(doc, { kind: 'pain-point', budget: 5 })
    castVote(doc, into, 'p_a', 1)
    castVote(doc, from, 'p_a', 1)
    castVote(doc, from, 'p_a', 1)
    castVote(doc, from, 'p_b', 1)
    const comment = addComment(doc, { targetId: from, author: 'Åse', text: 'Samme som den andre?' })
    const action = addAction(doc, { title: 'Ring tilbake', addresses: [from] })

    const undo = createUndoManager(doc)
    mergeAnnotations(doc, from, into)
    const s = readSnapshot(doc)
    expect(s.annotations[from]).toBeUndefined()
    expect(s.annotations[into]).toMatchObject({ targetId: touchpoint, text: 'Ventetid på telefonen\n\nLang kø når man ringer ☎️', votes: { p_a: 3, p_b: 1 }, author: 'Åse, Ørjan' })
    expect(s.comments[comment].targetId).toBe(into)
    expect(s.actions[action].addresses).toEqual([into])
    expect(undo.undoStack).toHaveLength(1)

    undo.undo()
    const back = readSnapshot(doc)
    expect(back.annotations[from]).toMatchObject({ text: 'Lang kø når man ringer ☎️', votes: { p_a: 2, p_b: 1 } })
    expect(back.annotations[into]).toMatchObject({ text: 'Ventetid på telefonen', votes: { p_a: 1 }, author: 'Åse' })
    expect(back.comments[comment].targetId).toBe(from)
    expect(back.actions[action].addresses).toEqual([from])
  })

  it('refuses to merge a note into itself or into one that is gone, writing nothing', () => {
    const { doc, touchpoint } = createTestDoc()
    const a = addAnnotation(doc, { targetId: touchpoint, kind: 'pain-point', text: 'Dyrt' })
    expect(() => mergeAnnotations(doc, a, a)).toThrow(/itself/)
    expect(() => mergeAnnotations(doc, a, 'annotation:gone' as AnnotationId)).toThrow(/no such record/)
    expect(readSnapshot(doc).annotations[a].text).toBe('Dyrt')
  })
})
