import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setLocked } from '../../src/commands'
import { HeardParticipant, openPolicyRoom, type PolicyRoom } from '../testing/policyRoom'
import { LockHolds } from './lockHolds'

describe('the lock’s held edits', () => {
  let room: PolicyRoom
  let lock: LockHolds
  beforeEach(async () => {
    room = await openPolicyRoom()
    lock = new LockHolds(room.scope)
  })
  afterEach(() => room.dispose())

  const locked = { reason: 'locked' as const, hard: false, detail: 'the map is locked by the facilitator' }
  const notices = (p: HeardParticipant) => p.heard.filter((m) => m.type === 'auth').map((m) => (m.type === 'auth' ? m.reason : ''))

  it('tells a held participant once, however often it types, and never for a hard refusal or a gap', () => {
    const anne = room.enter(new HeardParticipant('editor', 'p_anne'))
    for (let i = 0; i < 5; i++) lock.refused(anne, locked)
    lock.refused(anne, { reason: 'schema', hard: true, detail: 'touchpoints: unknown field' })
    const bo = room.enter(new HeardParticipant('editor', 'p_bo'))
    lock.refused(bo, { reason: 'missing', hard: false, detail: 'builds on changes the relay lacks' })
    expect(notices(anne)).toEqual(['locked'])
    expect(bo.heard).toEqual([])
    expect(lock.holds(anne) && !lock.holds(bo)).toBe(true)
  })

  it('keeps a version when a participant’s update locks the map, and leaves it to the other relay when the lock came from there', async () => {
    const facilitator = room.enter(new HeardParticipant('facilitator', 'p_fac'))
    setLocked(room.doc, true)
    lock.applied(facilitator)
    lock.applied(facilitator) // still locked: no second version
    await room.settle()
    expect((await room.store.listVersions(room.scope.mapId)).map((v) => v.reason)).toEqual(['lock'])

    const elsewhere = await openPolicyRoom()
    try {
      const remote = new LockHolds(elsewhere.scope)
      setLocked(elsewhere.doc, true)
      remote.applied(null)
      await elsewhere.settle()
      expect(await elsewhere.store.listVersions(elsewhere.scope.mapId)).toEqual([])
    } finally {
      await elsewhere.dispose()
    }
  })

  it('on unlock asks every writer for its held edits, and a viewer only when the lock held its vote', async () => {
    setLocked(room.doc, true)
    lock = new LockHolds(room.scope) // a room loaded while locked
    const editor = room.enter(new HeardParticipant('editor', 'p_ed'))
    const voter = room.enter(new HeardParticipant('viewer', 'p_voter'))
    const reader = room.enter(new HeardParticipant('viewer', 'p_reader'))
    lock.refused(voter, locked)
    setLocked(room.doc, false)
    lock.applied(null) // the unlock arrived from another relay
    await room.settle()
    expect([editor, voter, reader].map((p) => p.count('sync-step-1'))).toEqual([1, 1, 0])
  })

  it('tells a participant whose held edits landed what the room now holds, once, and forgets one that left', async () => {
    const anne = room.enter(new HeardParticipant('editor', 'p_anne'))
    const bo = room.enter(new HeardParticipant('editor', 'p_bo'))
    lock.refused(anne, locked)
    lock.refused(bo, locked)
    lock.left(bo)
    room.leave(bo)
    lock.applied(anne)
    lock.applied(anne)
    await room.settle()
    expect(anne.count('sync-step-1')).toBe(1)
    expect(lock.holds(bo)).toBe(false)
  })
})
