import { describe, expect, it } from 'vitest'
import { makeAnnotation, makeSnapshot } from '../test/factories'
import type { Annotation } from './records'
import { activeSeats, restoreRollEntry, voterCounts, type RollEntry } from './participants'
import { countVoters, restoreWorkshop, tallyVotes } from './workshop'

const pain = (id: string, order: string, votes: Record<string, number>) => makeAnnotation({ id: `annotation:${id}` as Annotation['id'], text: id, order, votes })

describe('the tally and the relay’s roll of participants', () => {
  const roll = new Map<string, RollEntry>([
    ['p_anne', { seat: null, revoked: false }],
    ['p_seat_s1', { seat: 's1', revoked: false }],
    ['p_seat_s2', { seat: 's2', revoked: true }],
  ])
  const snapshot = makeSnapshot({
    annotations: [pain('kø', 'a0', { p_anne: 2, p_ghost: 50, p_seat_s1: 1 }), pain('pris', 'a1', { p_seat_s1: 5, p_seat_s2: 3 })],
  })

  it('counts only ids on the roll, each up to the budget, and not a revoked seat', () => {
    const results = tallyVotes(snapshot, { kind: 'pain-point', budget: 3 }, roll).map((r) => [r.annotation.text, r.votes])
    expect(results).toEqual([
      ['kø', 3],
      ['pris', 2],
    ])
    expect(countVoters(snapshot, { kind: 'pain-point', budget: 3 }, roll)).toBe(2)
  })

  it('in a round kept to seats, counts only seats', () => {
    const round = { kind: 'pain-point' as const, budget: 3, seatsOnly: true }
    expect(tallyVotes(snapshot, round, roll).map((r) => [r.annotation.text, r.votes])).toEqual([
      ['pris', 2],
      ['kø', 1],
    ])
    expect(countVoters(snapshot, round, roll)).toBe(1)
    expect(activeSeats(roll)).toBe(1)
  })

  it('counts everyone on a map kept in this browser (no relay, no roll), and no one in a seats round there', () => {
    expect(voterCounts(null, {}, 'p_anyone')).toBe(true)
    expect(voterCounts(null, { seatsOnly: true }, 'p_anyone')).toBe(false)
    expect(tallyVotes(snapshot, { kind: 'pain-point', budget: 100 }, null).map((r) => r.votes)).toEqual([53, 8])
  })

  it('restores whatever the document holds into well-formed entries and rounds', () => {
    expect(restoreRollEntry({ seat: 's1', revoked: 'yes' })).toEqual({ seat: 's1', revoked: false })
    expect(restoreRollEntry('p_x')).toBeNull()
    expect(restoreWorkshop({ voting: { id: 'round:1', kind: 'pain-point', budget: 3, status: 'open', seatsOnly: true } }).voting?.seatsOnly).toBe(true)
    expect(restoreWorkshop({ voting: { id: 'round:1', kind: 'pain-point', budget: 3, status: 'open' } }).voting?.seatsOnly).toBe(false)
  })
})
