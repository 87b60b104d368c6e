import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openPolicyRoom, type PolicyRoom } from '../testing/policyRoom'
import { SESSION_VERSION_GAP_MS, SessionVersions } from './sessionVersions'

describe('a version at the start of each session', () => {
  let room: PolicyRoom
  beforeEach(async () => {
    room = await openPolicyRoom()
  })
  afterEach(() => room.dispose())

  const reasons = async () => (await room.store.listVersions(room.scope.mapId)).map((v) => v.reason)

  it('is kept when the first participant joins, and not again for those who follow', async () => {
    const versions = new SessionVersions(room.scope)
    versions.joined()
    versions.joined()
    await room.settle()
    versions.joined()
    await room.settle()
    expect(await reasons()).toEqual(['session-start'])
  })

  it('is not kept when one was taken within the gap (a restart is not a new session)', async () => {
    const recent = new Date(Date.now() - SESSION_VERSION_GAP_MS / 2).toISOString()
    await room.store.saveVersion(room.scope.mapId, { id: 'v_recent', name: 'Before the break', reason: 'manual', createdAt: recent, state: new Uint8Array([0, 0]) })
    new SessionVersions(room.scope).joined()
    await room.settle()
    expect(await reasons()).toEqual(['manual'])
    // A fresh room after the gap starts a session of its own.
    const old = new Date(Date.now() - SESSION_VERSION_GAP_MS * 2).toISOString()
    const later = await openPolicyRoom()
    try {
      await later.store.saveVersion(later.scope.mapId, { id: 'v_old', name: 'Last week', reason: 'manual', createdAt: old, state: new Uint8Array([0, 0]) })
      new SessionVersions(later.scope).joined()
      await later.settle()
      expect((await later.store.listVersions(later.scope.mapId)).map((v) => v.reason).sort()).toEqual(['manual', 'session-start'])
    } finally {
      await later.dispose()
    }
  })
})
