/**
 * Workshop state: the facilitator's controls, kept in the document (a flat `workshop` Y.Map, like
 * `meta`) so a late joiner sees the same timer, lock and voting round. Only facilitators may write
 * it; the relay refuses anyone else's update that touches it.
 *
 * Times are in the relay's clock (ms since epoch): each client measures its offset to the relay
 * once, so a timer ends at the same moment on every screen whatever the machines' clocks say.
 */
import { ANNOTATION_KINDS, type Annotation, type AnnotationKind, type Snapshot } from './records'
import { byOrder } from './fractionalIndex'
import { voterCounts, type ParticipantRoll } from './participants'

export type TimerState =
  | { status: 'stopped' }
  | { status: 'running'; endsAt: number; durationMs: number }
  | { status: 'paused'; remainingMs: number; durationMs: number }

export interface VotingRound {
  id: string
  kind: AnnotationKind
  /** Votes each participant may place in this round. */
  budget: number
  status: 'open' | 'closed'
  revealed: boolean
  /** Only named seats vote (one ballot per seat); participants of shared links watch. */
  seatsOnly: boolean
  /**
   * Viewers vote too: the relay then takes from a viewer exactly its own votes on this round's
   * kind while the round is open, and nothing else (server/relay/writePolicy.ts).
   */
  viewersVote: boolean
}

/**
 * A silent writing round (brainwriting): each participant writes notes of one kind that only their
 * own browser holds until the reveal, when every browser writes its notes to the map at once.
 */
export interface WritingRound {
  id: string
  kind: WritingKind
  /**
   * `writing` until the facilitator reveals (or the tied timer ends); then every browser lands its
   * notes. `ended`: the facilitator closed a revealed round; a browser that was offline at the
   * reveal still lands its notes when it reconnects.
   */
  status: 'writing' | 'revealed' | 'ended'
  /** Notes land without their author's name. */
  anonymous: boolean
  /** The round reveals itself when the workshop timer runs out. */
  timed: boolean
}

/** The kinds a writing round collects. */
export const WRITING_KINDS = ['pain-point', 'functional-need', 'emotional-need', 'moment-of-truth', 'opportunity'] as const satisfies readonly AnnotationKind[]
export type WritingKind = (typeof WRITING_KINDS)[number]

export interface WorkshopState {
  locked: boolean
  timer: TimerState
  voting: VotingRound | null
  writing: WritingRound | null
}

export const DEFAULT_WORKSHOP: WorkshopState = { locked: false, timer: { status: 'stopped' }, voting: null, writing: null }
export const MAX_VOTE_BUDGET = 50
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000

function restoreTimer(raw: unknown): TimerState {
  if (typeof raw !== 'object' || raw === null) return { status: 'stopped' }
  const t = raw as Record<string, unknown>
  const ms = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0
  if (t.status === 'running' && ms(t.endsAt) && ms(t.durationMs)) return { status: 'running', endsAt: t.endsAt as number, durationMs: Math.min(t.durationMs as number, MAX_TIMER_MS) }
  if (t.status === 'paused' && ms(t.remainingMs) && ms(t.durationMs)) return { status: 'paused', remainingMs: Math.min(t.remainingMs as number, MAX_TIMER_MS), durationMs: t.durationMs as number }
  return { status: 'stopped' }
}

function restoreVoting(raw: unknown): VotingRound | null {
  if (typeof raw !== 'object' || raw === null) return null
  const v = raw as Record<string, unknown>
  if (typeof v.id !== 'string' || !ANNOTATION_KINDS.includes(v.kind as AnnotationKind)) return null
  const budget = typeof v.budget === 'number' && Number.isInteger(v.budget) ? Math.max(1, Math.min(MAX_VOTE_BUDGET, v.budget)) : 3
  return { id: v.id, kind: v.kind as AnnotationKind, budget, status: v.status === 'closed' ? 'closed' : 'open', revealed: v.revealed === true, seatsOnly: v.seatsOnly === true, viewersVote: v.viewersVote === true }
}

function restoreWriting(raw: unknown): WritingRound | null {
  if (typeof raw !== 'object' || raw === null) return null
  const w = raw as Record<string, unknown>
  if (typeof w.id !== 'string' || w.id.length > 100 || !(WRITING_KINDS as readonly string[]).includes(w.kind as string)) return null
  return { id: w.id, kind: w.kind as WritingKind, status: w.status === 'revealed' || w.status === 'ended' ? w.status : 'writing', anonymous: w.anonymous === true, timed: w.timed === true }
}

/** Whatever a peer wrote, a well-formed workshop state. */
export function restoreWorkshop(raw: Record<string, unknown>): WorkshopState {
  return { locked: raw.locked === true, timer: restoreTimer(raw.timer), voting: restoreVoting(raw.voting), writing: restoreWriting(raw.writing) }
}

/**
 * Whether a writing round's notes should land now: the facilitator revealed it, or it is tied to
 * the timer and the timer ran out (every browser sees that at the same relay time, so the notes
 * land together even before the facilitator's own reveal arrives).
 */
export function writingRevealed(workshop: Pick<WorkshopState, 'writing' | 'timer'>, now: number): boolean {
  const { writing, timer } = workshop
  if (!writing) return false
  if (writing.status !== 'writing') return true
  return writing.timed && timer.status === 'running' && timerRemaining(timer, now) <= 0
}

/** Milliseconds left on the timer at relay time `now`. */
export function timerRemaining(timer: TimerState, now: number): number {
  if (timer.status === 'running') return Math.max(0, timer.endsAt - now)
  if (timer.status === 'paused') return timer.remainingMs
  return 0
}

export interface VoteResult {
  annotation: Annotation
  votes: number
}

/** The round as far as the tally needs it. */
export type TalliedRound = Pick<VotingRound, 'kind' | 'budget'> & { seatsOnly?: boolean }

/**
 * Votes that count in a round, ranked. Only participants the relay issued an id to on this map
 * vote (`roll`; in a round kept to seats, only named seats), and each one's votes count up to
 * the round's budget; anything beyond it is ignored, whoever wrote it, in a fixed order (the
 * annotations' own order), so every peer computes the same result from the same document.
 */
export function tallyVotes(snapshot: Pick<Snapshot, 'annotations'>, round: TalliedRound, roll: ParticipantRoll): VoteResult[] {
  const { counts, candidates } = countRound(snapshot, round, roll)
  return candidates
    .map((annotation) => ({ annotation, votes: counts.get(annotation.id) ?? 0 }))
    .sort((x, y) => y.votes - x.votes || byOrder(x.annotation, y.annotation))
}

/** How many distinct participants have a vote that counts in the round. */
export function countVoters(snapshot: Pick<Snapshot, 'annotations'>, round: TalliedRound, roll: ParticipantRoll): number {
  return countRound(snapshot, round, roll).voters
}

function countRound(snapshot: Pick<Snapshot, 'annotations'>, round: TalliedRound, roll: ParticipantRoll) {
  const candidates = Object.values(snapshot.annotations)
    .filter((a) => a.kind === round.kind)
    .sort(byOrder)
  const spent = new Map<string, number>()
  const counts = new Map<string, number>()
  for (const a of candidates) {
    let total = 0
    for (const voter of Object.keys(a.votes).sort()) {
      if (!voterCounts(roll, round, voter)) continue
      const wanted = a.votes[voter]
      const left = round.budget - (spent.get(voter) ?? 0)
      const counted = Math.max(0, Math.min(wanted, left))
      spent.set(voter, (spent.get(voter) ?? 0) + counted)
      total += counted
    }
    counts.set(a.id, total)
  }
  let voters = 0
  for (const n of spent.values()) if (n > 0) voters++
  return { candidates, counts, voters }
}

/** How many votes a participant has placed on annotations of the round's kind. */
export function votesSpent(snapshot: Snapshot, kind: AnnotationKind, voter: string): number {
  let n = 0
  for (const a of Object.values(snapshot.annotations)) if (a.kind === kind) n += a.votes[voter] ?? 0
  return n
}

/** Whether a writing round is on (written or revealed): an ended round only lands late notes. */
export function writingOpen(writing: WritingRound | null): writing is WritingRound {
  return writing !== null && writing.status !== 'ended'
}
