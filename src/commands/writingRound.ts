/**
 * Silent writing rounds: the facilitator starts, reveals and ends one; each participant's notes
 * land at the reveal; the facilitator merges duplicates. A module of its own, so the interface
 * that uses these (loaded only while a round is on) keeps them out of the initial JavaScript.
 */
import * as Y from 'yjs'
import { createId, MAX_TEXT, MAX_TIMER_MS, targetExists, WRITING_KINDS, type AnnotationId, type AnnotationTargetId, type WritingKind, type WritingRound } from '../model'
import { getCollection, getWorkshopMap, readSnapshot, readWorkshop } from '../doc'
// Through the index, which the initial JavaScript holds already: importing its modules one by one
// would split them into chunks of their own.
import { addAnnotation, CommandError, deleteAnnotation, listRecords, patchRecord, requireRecord, transactLocal } from '.'

/** The most votes one voter may hold on one annotation (the schema's bound). */
const MAX_VOTE_COUNT = 1000

/**
 * Start a silent writing round on one kind. With `timerMs` the workshop timer starts too, in the
 * same write, and the round reveals itself when it runs out. A round already on is replaced.
 */
export function startWritingRound(doc: Y.Doc, input: { kind: WritingKind; anonymous?: boolean; timerMs?: number; now?: number }): string {
  if (!WRITING_KINDS.includes(input.kind)) throw new CommandError('invalid', `kind: expected ${WRITING_KINDS.join(' | ')}, got ${JSON.stringify(input.kind)}`)
  const timed = input.timerMs !== undefined
  if (timed && !(input.timerMs! > 0 && input.timerMs! <= MAX_TIMER_MS)) throw new CommandError('invalid', `timerMs: expected 1 ms..4 h, got ${input.timerMs}`)
  return transactLocal(doc, () => {
    const id = createId('annotation').replace('annotation:', 'writing:')
    const round: WritingRound = { id, kind: input.kind, status: 'writing', anonymous: input.anonymous === true, timed }
    getWorkshopMap(doc).set('writing', round)
    // The timer as startTimer writes it (not called: that would bring the workshop module into this lazily loaded one).
    if (timed) getWorkshopMap(doc).set('timer', { status: 'running', endsAt: (input.now ?? Date.now()) + input.timerMs!, durationMs: input.timerMs! })
    return id
  })
}

/** Reveal the round: every browser writes its notes to the map now (or when it next connects). */
export function revealWritingRound(doc: Y.Doc): void {
  transactLocal(doc, () => {
    const { writing } = readWorkshop(doc)
    if (writing && writing.status === 'writing') getWorkshopMap(doc).set('writing', { ...writing, status: 'revealed' })
  })
}

/**
 * Close the round. A revealed round is kept as ended, so a participant offline at the reveal still
 * lands their notes on reconnect; a round closed before its reveal is dropped, and its notes stay
 * unsent in their writers' browsers.
 */
export function endWritingRound(doc: Y.Doc): void {
  transactLocal(doc, () => {
    const { writing } = readWorkshop(doc)
    if (writing && writing.status !== 'writing') getWorkshopMap(doc).set('writing', { ...writing, status: 'ended' })
    else getWorkshopMap(doc).delete('writing')
  })
}

/**
 * Write a participant's notes from a writing round to the map, as ordinary annotations of the
 * round's kind, all in one write. A note already in the map (by its id) is not written again; a
 * blank note is settled without a write; a note whose stage or touchpoint was deleted meanwhile is left out and returned as `homeless`,
 * for its author to place. `author` is left out for an anonymous round: no name is stored.
 */
export function landNotes(
  doc: Y.Doc,
  notes: readonly { id: AnnotationId; targetId: AnnotationTargetId; text: string }[],
  round: { kind: WritingKind; author?: string },
): { landed: AnnotationId[]; homeless: AnnotationId[] } {
  return transactLocal(doc, () => {
    const landed: AnnotationId[] = []
    const homeless: AnnotationId[] = []
    const annotations = getCollection(doc, 'annotations')
    const snapshot = readSnapshot(doc)
    for (const note of notes) {
      if (annotations.has(note.id) || !note.text.trim()) landed.push(note.id)
      else if (!targetExists(snapshot, note.targetId)) homeless.push(note.id)
      else {
        addAnnotation(doc, { id: note.id, targetId: note.targetId, kind: round.kind, text: note.text.trim(), author: round.author || undefined })
        landed.push(note.id)
      }
    }
    return { landed, homeless }
  })
}

/**
 * Merge a duplicate into another annotation (the facilitator's drop of one note onto another):
 * `into` keeps its place and gains the other's text after its own, its votes added voter by
 * voter, its authors, and what hung on it (comments, quotes, actions addressing it). One step.
 */
export function mergeAnnotations(doc: Y.Doc, fromId: AnnotationId, intoId: AnnotationId): void {
  transactLocal(doc, () => {
    if (fromId === intoId) throw new CommandError('invalid', 'mergeAnnotations: an annotation cannot merge into itself')
    const from = requireRecord(doc, 'annotations', fromId)
    const into = requireRecord(doc, 'annotations', intoId)
    const text = [into.text, from.text].filter((t) => t.trim()).join('\n\n')
    if (text.length > MAX_TEXT) throw new CommandError('invalid', `text: the merged text would be ${text.length} characters, more than ${MAX_TEXT}`)
    const authors = [...new Set([into.author, from.author].flatMap((a) => (a ? a.split(', ') : [])))].join(', ').slice(0, 200)
    patchRecord(doc, 'annotations', intoId, {
      text,
      evidence: into.evidence ?? from.evidence,
      impact: into.impact ?? from.impact,
      effort: into.effort ?? from.effort,
      ...(authors ? { author: authors } : null),
    })
    const record = getCollection(doc, 'annotations').get(intoId)!
    let votes = record.get('votes')
    if (!(votes instanceof Y.Map)) {
      votes = new Y.Map()
      record.set('votes', votes)
    }
    for (const [voter, n] of Object.entries(from.votes)) {
      if (n > 0) (votes as Y.Map<number>).set(voter, Math.min(MAX_VOTE_COUNT, (into.votes[voter] ?? 0) + n))
    }
    for (const c of listRecords(doc, 'comments', (c) => c.targetId === fromId)) patchRecord(doc, 'comments', c.id, { targetId: intoId })
    for (const q of listRecords(doc, 'quotes', (q) => q.annotationId === fromId)) patchRecord(doc, 'quotes', q.id, { annotationId: intoId })
    for (const a of listRecords(doc, 'actions', (a) => a.addresses.includes(fromId))) {
      patchRecord(doc, 'actions', a.id, { addresses: [...new Set(a.addresses.map((id) => (id === fromId ? intoId : id)))] })
    }
    deleteAnnotation(doc, fromId)
  })
}
