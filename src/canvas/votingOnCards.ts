/**
 * What the cards need of a running voting round: its kind, and once the facilitator reveals the
 * results, the votes that count per item (the same tally as the voting panel: only the relay's
 * roll, each participant up to the budget). Computed once per change, not once per card.
 */
import { useMemo } from 'react'
import { tallyVotes, type Snapshot } from '../model'
import { selectWorkshop, useJourneyStore } from '../store'

export function useVotingRoundOnCards(snapshot: Snapshot) {
  const { voting } = useJourneyStore(selectWorkshop)
  const roll = useJourneyStore((s) => s.roll)
  const kind = voting?.kind ?? null
  const revealed = voting?.revealed === true
  const budget = voting?.budget ?? 0
  const seatsOnly = voting?.seatsOnly === true
  // The totals change with the snapshot only while revealed; before that the round's identity stays put.
  const totals = useMemo(
    () => (kind && revealed ? new Map(tallyVotes(snapshot, { kind, budget, seatsOnly }, roll).map((r) => [r.annotation.id, r.votes])) : null),
    [kind, revealed, budget, seatsOnly, roll, revealed ? snapshot : null],
  )
  return useMemo(() => (kind ? { kind, totals } : null), [kind, totals])
}
