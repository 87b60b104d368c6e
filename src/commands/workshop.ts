/**
 * The facilitator's workshop controls, and a participant's votes. Times are relay time (see
 * model/workshop.ts); callers pass `now` from their clock offset so every screen agrees.
 */
import * as Y from 'yjs'
import { createId, MAX_TIMER_MS, MAX_VOTE_BUDGET, timerRemaining, votesSpent, type AnnotationId, type AnnotationKind } from '../model'
import { getCollection, getWorkshopMap, readSnapshot, readWorkshop } from '../doc'
import { CommandError, requireRecord, transactLocal } from './transact'

export function setLocked(doc: Y.Doc, locked: boolean): void {
  transactLocal(doc, () => getWorkshopMap(doc).set('locked', locked))
}

export function startTimer(doc: Y.Doc, durationMs: number, now: number): void {
  if (!(durationMs > 0 && durationMs <= MAX_TIMER_MS)) throw new CommandError(`durationMs: expected 1 ms..4 h, got ${durationMs}`)
  transactLocal(doc, () => getWorkshopMap(doc).set('timer', { status: 'running', endsAt: now + durationMs, durationMs }))
}

export function pauseTimer(doc: Y.Doc, now: number): void {
  transactLocal(doc, () => {
    const { timer } = readWorkshop(doc)
    if (timer.status !== 'running') return
    getWorkshopMap(doc).set('timer', { status: 'paused', remainingMs: timerRemaining(timer, now), durationMs: timer.durationMs })
  })
}

export function resumeTimer(doc: Y.Doc, now: number): void {
  transactLocal(doc, () => {
    const { timer } = readWorkshop(doc)
    if (timer.status !== 'paused') return
    getWorkshopMap(doc).set('timer', { status: 'running', endsAt: now + timer.remainingMs, durationMs: timer.durationMs })
  })
}

/** Add time to a running or paused timer (or restart a finished one with that much). */
export function extendTimer(doc: Y.Doc, extraMs: number, now: number): void {
  transactLocal(doc, () => {
    const { timer } = readWorkshop(doc)
    const map = getWorkshopMap(doc)
    if (timer.status === 'running') {
      const endsAt = Math.max(timer.endsAt, now) + extraMs
      map.set('timer', { status: 'running', endsAt, durationMs: timer.durationMs + extraMs })
    } else if (timer.status === 'paused') map.set('timer', { ...timer, remainingMs: timer.remainingMs + extraMs, durationMs: timer.durationMs + extraMs })
    else map.set('timer', { status: 'running', endsAt: now + extraMs, durationMs: extraMs })
  })
}

export function stopTimer(doc: Y.Doc): void {
  transactLocal(doc, () => getWorkshopMap(doc).set('timer', { status: 'stopped' }))
}

/**
 * Open a dot-voting round on one kind of annotation. Earlier votes on that kind are cleared.
 * `seatsOnly`: only named seats vote, one ballot per seat. `viewersVote`: viewers vote too.
 */
export function openVotingRound(doc: Y.Doc, input: { kind: AnnotationKind; budget: number; seatsOnly?: boolean; viewersVote?: boolean }): string {
  if (!Number.isInteger(input.budget) || input.budget < 1 || input.budget > MAX_VOTE_BUDGET) throw new CommandError(`budget: expected 1..${MAX_VOTE_BUDGET}, got ${input.budget}`)
  return transactLocal(doc, () => {
    const annotations = getCollection(doc, 'annotations')
    for (const record of annotations.values()) {
      if (record.get('kind') !== input.kind) continue
      const votes = record.get('votes')
      if (votes instanceof Y.Map) votes.clear()
      else record.set('votes', new Y.Map())
    }
    const id = createId('annotation').replace('annotation:', 'round:')
    getWorkshopMap(doc).set('voting', { id, kind: input.kind, budget: input.budget, status: 'open', revealed: false, seatsOnly: input.seatsOnly === true, viewersVote: input.viewersVote === true })
    return id
  })
}

/** Close the round to further votes; `reveal` also shows the results, in the same write (the facilitator's "End round"). */
export function closeVotingRound(doc: Y.Doc, options: { reveal?: boolean } = {}): void {
  transactLocal(doc, () => {
    const { voting } = readWorkshop(doc)
    if (voting) getWorkshopMap(doc).set('voting', { ...voting, status: 'closed', ...(options.reveal ? { revealed: true } : null) })
  })
}

export function revealVotes(doc: Y.Doc, revealed = true): void {
  transactLocal(doc, () => {
    const { voting } = readWorkshop(doc)
    if (voting) getWorkshopMap(doc).set('voting', { ...voting, revealed })
  })
}

export function endVoting(doc: Y.Doc): void {
  transactLocal(doc, () => getWorkshopMap(doc).delete('voting'))
}

/**
 * Place (+1) or remove (−1) one of `voter`'s votes on an annotation in the open round. Refused
 * beyond the budget here; the tally ignores excess votes anyway, whoever sent them.
 */
export function castVote(doc: Y.Doc, annotationId: AnnotationId, voter: string, delta: 1 | -1): void {
  transactLocal(doc, () => {
    const { voting } = readWorkshop(doc)
    if (!voting || voting.status !== 'open') throw new CommandError('voting: no open round')
    const annotation = requireRecord(doc, 'annotations', annotationId)
    if (annotation.kind !== voting.kind) throw new CommandError(`kind: this round votes on ${voting.kind}`)
    const current = annotation.votes[voter] ?? 0
    if (delta > 0 && votesSpent(readSnapshot(doc), voting.kind, voter) >= voting.budget) throw new CommandError(`votes: all ${voting.budget} votes are placed`)
    if (delta < 0 && current === 0) return
    const record = getCollection(doc, 'annotations').get(annotationId)!
    let votes = record.get('votes')
    if (!(votes instanceof Y.Map)) {
      votes = new Y.Map()
      record.set('votes', votes)
    }
    const next = current + delta
    if (next === 0) (votes as Y.Map<number>).delete(voter)
    else (votes as Y.Map<number>).set(voter, next)
  })
}
