import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addTouchpoint, setLocked } from '../../src/commands'
import { readSnapshot } from '../../src/doc'
import type { PersonaId, StageId } from '../../src/model'
import { HeardParticipant, openPolicyRoom, type PolicyRoom } from '../testing/policyRoom'
import { combinePolicies, type RoomPolicy } from './roomPolicy'
import { roomPolicies } from './roomPolicies'
import { readUpdate } from './updateFormat'

describe('the room’s policies as one', () => {
  let room: PolicyRoom
  beforeEach(async () => {
    room = await openPolicyRoom()
  })
  afterEach(() => room.dispose())

  /** A participant's next update: an edit made on a copy of the room's document. */
  const editOf = (write: (doc: Y.Doc, stageId: StageId, personaId: PersonaId) => void) => {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
    const s = readSnapshot(copy)
    const before = Y.encodeStateVector(copy)
    write(copy, Object.keys(s.stages)[0] as StageId, Object.keys(s.personas)[0] as PersonaId)
    return readUpdate(Y.encodeStateAsUpdate(copy, before))
  }

  it('calls each policy’s hooks in order, and the first refusing verdict stands', () => {
    const calls: string[] = []
    const watcher = (name: string): RoomPolicy => ({
      joined: () => calls.push(`${name} joined`),
      applied: (from) => calls.push(`${name} applied ${from ? 'participant' : 'remote'}`),
    })
    const refuser: RoomPolicy = { judge: () => (calls.push('refuser judged'), { kind: 'refuse', reason: 'locked', hard: false, detail: 'held' }) }
    const never: RoomPolicy = { judge: () => (calls.push('never judged'), { kind: 'noop' }) }
    const all = combinePolicies([watcher('a'), refuser, watcher('b'), never])
    const anne = new HeardParticipant('editor', 'p_anne')
    all.joined(anne)
    all.applied(null)
    expect(all.judge(anne, editOf(() => {}))).toMatchObject({ kind: 'refuse', reason: 'locked' })
    expect(calls).toEqual(['a joined', 'b joined', 'a applied remote', 'b applied remote', 'refuser judged'])
  })

  it('the room’s own: an editor’s edit applies, the lock holds it, and the roll is the relay’s', () => {
    const { all } = roomPolicies(room.scope)
    const editor = room.enter(new HeardParticipant('editor', 'p_ed'))
    all.joined(editor)
    const edit = editOf((doc, stageId, personaId) => addTouchpoint(doc, { stageId, personaId, title: 'Ringer – ø 📞' }))
    expect(all.judge(editor, edit).kind).toBe('apply')
    setLocked(room.doc, true)
    expect(all.judge(editor, edit)).toMatchObject({ kind: 'refuse', reason: 'locked', hard: false })
    const forged = editOf((doc) => doc.getMap('participants').set('p_ghost', { seat: null, revoked: false, joinedAt: '2024-01-01T00:00:00.000Z' }))
    expect(all.judge(editor, forged)).toMatchObject({ kind: 'refuse', reason: 'relay_only', hard: true })
  })
})
