// @vitest-environment happy-dom
/**
 * The facilitator's timer controls follow the timer: once time is up there is nothing to pause,
 * only more time or stopping it.
 */
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { startTimer } from '../../commands'
import { createUndoManager } from '../../doc'
import { bindDocument } from '../../store'
import { relayNow } from '../../sync'
import { createTestDoc } from '../../test/factories'
import { MapSessionContext } from '../../session/MapSessionContext'
import type { MapSession } from '../../sync'
import { WorkshopBar } from './WorkshopBar'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).reverse().forEach((c) => c()))

async function renderBar() {
  const { doc } = createTestDoc()
  cleanup.push(bindDocument(doc))
  const session = { mapId: 'm', doc, undoManager: createUndoManager(doc), setPresence() {} } as unknown as MapSession
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  cleanup.push(() => act(() => root.unmount()), () => container.remove())
  await act(async () => root.render(<MapSessionContext.Provider value={session}><WorkshopBar onOpenVersions={() => {}} /></MapSessionContext.Provider>))
  const buttons = () => [...container.querySelectorAll('button')].map((b) => b.textContent)
  return { doc, buttons }
}

describe('the workshop bar’s timer controls', () => {
  it('offer Pause while time runs, and not once time is up', async () => {
    const { doc, buttons } = await renderBar()
    await act(async () => startTimer(doc, 5 * 60_000, relayNow(0)))
    expect(buttons()).toContain('Pause timer')
    // A timer that ended a second ago: time is up.
    await act(async () => startTimer(doc, 60_000, relayNow(0) - 61_000))
    expect(buttons()).not.toContain('Pause timer')
    expect(buttons()).toContain('Stop timer')
  })
})
