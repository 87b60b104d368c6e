import { describe, expect, it } from 'vitest'
import { readSnapshot } from '../doc'
import { findOrphans } from '../model'
import { createTestDoc } from '../test/factories'
import { addPromise, addServicePriority, deletePromise, deleteServicePriority, linkPriorityTouchpoint, unlinkPriorityTouchpoint, updatePromise, updateServicePriority } from './promises'
import { deleteTouchpoint } from './touchpoints'

describe('customer promises and service priorities', () => {
  it('adds a promise with a measurable service priority linked to a touchpoint', () => {
    const { doc, touchpoint } = createTestDoc()
    const promise = addPromise(doc, { text: 'Du skal aldri vente på os' })
    updatePromise(doc, promise, 'Du skal aldrig vente på os')
    const priority = addServicePriority(doc, { promiseId: promise, text: 'Fakturahenvendelser besvares hurtigt', measure: 'Ventetid i telefonkø', target: '≤ 90 sekunder' })
    linkPriorityTouchpoint(doc, priority, touchpoint)
    linkPriorityTouchpoint(doc, priority, touchpoint)
    const snapshot = readSnapshot(doc)
    expect(snapshot.promises[promise].text).toBe('Du skal aldrig vente på os')
    expect(snapshot.servicePriorities[priority]).toMatchObject({ promiseId: promise, target: '≤ 90 sekunder', touchpointIds: [touchpoint] })
    unlinkPriorityTouchpoint(doc, priority, touchpoint)
    expect(readSnapshot(doc).servicePriorities[priority].touchpointIds).toEqual([])
  })

  it('forgets a deleted touchpoint in the priorities that linked it', () => {
    const { doc, touchpoint } = createTestDoc()
    const promise = addPromise(doc, { text: 'Vi holder hvad vi lover' })
    const priority = addServicePriority(doc, { promiseId: promise, text: 'Aftaler overholdes', touchpointIds: [touchpoint] })
    deleteTouchpoint(doc, touchpoint)
    expect(readSnapshot(doc).servicePriorities[priority].touchpointIds).toEqual([])
  })

  it('deletes a promise with its priorities; a priority can be moved and deleted on its own', () => {
    const { doc } = createTestDoc()
    const a = addPromise(doc, { text: 'Enkelt' })
    const b = addPromise(doc, { text: 'Trygt' })
    const p1 = addServicePriority(doc, { promiseId: a, text: 'Ét klik' })
    const p2 = addServicePriority(doc, { promiseId: a, text: 'Svar samme dag' })
    updateServicePriority(doc, p2, { promiseId: b })
    expect(() => updateServicePriority(doc, p2, { promiseId: 'promise:gone' as never })).toThrow(/promiseId/)
    deletePromise(doc, a)
    const snapshot = readSnapshot(doc)
    expect(snapshot.servicePriorities[p1]).toBeUndefined()
    expect(snapshot.servicePriorities[p2].promiseId).toBe(b)
    deleteServicePriority(doc, p2)
    expect(readSnapshot(doc).servicePriorities).toEqual({})
  })

  it('lists a priority whose promise is gone as an orphan', () => {
    const { doc } = createTestDoc()
    const promise = addPromise(doc, { text: 'Tryghed' })
    const priority = addServicePriority(doc, { promiseId: promise, text: 'Ring tilbage inden for en time' })
    // What a concurrent delete of the promise leaves behind on a peer that added the priority.
    doc.getMap('promises').delete(promise)
    expect(findOrphans(readSnapshot(doc)).servicePriorities.map((p) => p.id)).toEqual([priority])
  })
})
