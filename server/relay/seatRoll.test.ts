import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readParticipantRoll } from '../../src/doc'
import { HeardParticipant, openPolicyRoom, type PolicyRoom } from '../testing/policyRoom'
import { CLOSE_CODES } from './protocol'
import { SeatRoll } from './seatRoll'

describe('the roll of participants and its seats', () => {
  let room: PolicyRoom
  let seats: SeatRoll
  beforeEach(async () => {
    room = await openPolicyRoom()
    seats = new SeatRoll(room.scope)
  })
  afterEach(() => room.dispose())

  const join = (p: HeardParticipant) => seats.joined(room.enter(p))

  it('puts each issued participant id on the roll once, with its seat, and leaves a bare role link off', () => {
    join(new HeardParticipant('editor', 'p_åse'))
    join(new HeardParticipant('editor', 'p_åse')) // the same person in a second tab
    join(new HeardParticipant('editor', 'p_bo', 'seat_bo'))
    join(new HeardParticipant('editor'))
    const roll = readParticipantRoll(room.doc)
    expect([...roll.keys()].sort()).toEqual(['p_bo', 'p_åse'])
    expect(roll.get('p_bo')).toMatchObject({ seat: 'seat_bo', revoked: false })
    expect(roll.get('p_åse')).toMatchObject({ seat: null, revoked: false })
  })

  it('revoking a seat marks its entries and closes its connections, and nobody else’s', () => {
    const bo = new HeardParticipant('editor', 'p_bo', 'seat_bo')
    const boOnPhone = new HeardParticipant('editor', 'p_bo', 'seat_bo')
    const anne = new HeardParticipant('editor', 'p_anne', 'seat_anne')
    for (const p of [bo, boOnPhone, anne]) join(p)
    expect(seats.revoke('seat_bo')).toBe(2)
    expect([bo.closedWith, boOnPhone.closedWith, anne.closedWith]).toEqual([CLOSE_CODES.revoked, CLOSE_CODES.revoked, null])
    const roll = readParticipantRoll(room.doc)
    expect(roll.get('p_bo')?.revoked).toBe(true)
    expect(roll.get('p_anne')?.revoked).toBe(false)
  })

  it('another relay’s revocation closes the seat’s connections here and leaves the roll to that relay’s update', () => {
    const bo = new HeardParticipant('editor', 'p_bo', 'seat_bo')
    join(bo)
    seats.received({ kind: 'revoke-seat', seatId: 'seat_bo' })
    expect(bo.closedWith).toBe(CLOSE_CODES.revoked)
    expect(readParticipantRoll(room.doc).get('p_bo')?.revoked).toBe(false)
  })
})
