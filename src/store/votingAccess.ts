/**
 * Who may vote in the open round, and how many votes this participant has placed: shared by the
 * voting panel and the vote controls on each card, so both agree.
 */
import { votesSpent, type Snapshot, type VotingRound } from '../model'
import type { JourneyState } from './journeyStore'

/**
 * Whether this participant may place votes now. Editors vote unless the map is read-only for
 * them (locked, refused); viewers vote when the round lets them (the relay takes only their own
 * votes then); in a round for named seats, only a seat's participant votes. A participant votes
 * under the id the relay issued it, so nobody votes before it has one.
 */
export function selectCanVote(s: JourneyState): boolean {
  const voting = s.workshop.voting
  if (!voting || voting.status !== 'open' || s.self.id === '') return false
  if (s.readOnlyReason !== null || s.status === 'refused') return false
  if (s.role === 'viewer') {
    if (!voting.viewersVote) return false
  } else if (s.workshop.locked && s.role !== 'facilitator') return false
  return !voting.seatsOnly || (s.roll !== null && s.roll.get(s.self.id)?.seat != null)
}

let spentMemo: { annotations: Snapshot['annotations']; kind: VotingRound['kind']; me: string; spent: number } | null = null

/**
 * Votes this participant has placed in the round. Every card asks after every change, so the
 * count is kept for the last annotations collection it was computed from (one pass per change,
 * not one per card).
 */
export function selectVotesSpent(s: JourneyState): number {
  const voting = s.workshop.voting
  if (!voting) return 0
  const { annotations } = s.snapshot
  const me = s.self.id
  if (spentMemo && spentMemo.annotations === annotations && spentMemo.kind === voting.kind && spentMemo.me === me) return spentMemo.spent
  const spent = votesSpent(s.snapshot, voting.kind, me)
  spentMemo = { annotations, kind: voting.kind, me, spent }
  return spent
}
