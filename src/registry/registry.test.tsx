// @vitest-environment happy-dom
/**
 * The shortcut sheet and the keyboard are both read from the registry: every registered shortcut
 * is listed with exactly its keys, and pressing it runs that action and no other.
 */
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUndoManager } from '../doc'
import { bindDocument, useJourneyStore } from '../store'
import { createTestDoc } from '../test/factories'
import { MapSessionContext } from '../session/MapSessionContext'
import { ShortcutSheet } from '../components/ShortcutSheet'
import type { MapSession } from '../sync'
import { matchesShortcut, shortcutKeys, shortcutText, type Shortcut } from './shortcuts'
import { Toolbar } from '../components/Toolbar'
import { translate } from '../i18n/translate'
import { MapActionKeys, useActionKeys } from './useActionKeys'
import { USER_ACTIONS } from './userActions'

globalThis.IS_REACT_ACT_ENVIRONMENT = true

const cleanup: (() => void)[] = []
afterEach(() => {
  cleanup.splice(0).reverse().forEach((c) => c())
  vi.restoreAllMocks()
})

function CanvasKeys() {
  useActionKeys('canvas', undefined)
  return null
}

async function mount(children: React.ReactNode) {
  const { doc } = createTestDoc()
  cleanup.push(bindDocument(doc))
  const session = { mapId: 'm', doc, undoManager: createUndoManager(doc) } as unknown as MapSession
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  await act(async () => root.render(<MapSessionContext.Provider value={session}>{children}</MapSessionContext.Provider>))
  cleanup.push(() => act(() => root.unmount()), () => container.remove())
  return container
}

const press = (s: Shortcut) =>
  act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: s.key, ctrlKey: Boolean(s.mod), shiftKey: Boolean(s.shift), bubbles: true, cancelable: true }))
  })

describe('registered actions', () => {
  const withKeys = USER_ACTIONS.filter((a) => a.shortcuts.length > 0)

  it('never gives one shortcut to two actions of the same scope', () => {
    for (const a of withKeys)
      for (const s of a.shortcuts) {
        const event = { key: s.key, ctrlKey: Boolean(s.mod), metaKey: false, shiftKey: Boolean(s.shift), altKey: false }
        const owners = USER_ACTIONS.filter((b) => b.scope === a.scope && b.shortcuts.some((t) => matchesShortcut(event, t)))
        expect(owners.map((o) => o.id), `${a.id}: ${s.key}`).toEqual([a.id])
      }
  })

  it('lists every registered shortcut in the "?" sheet with exactly its keys', async () => {
    const container = await mount(
      <>
        <MapActionKeys />
        <ShortcutSheet />
      </>,
    )
    expect(useJourneyStore.getState().shortcutsOpen).toBe(false)
    await press({ key: '?', shift: true })
    expect(useJourneyStore.getState().shortcutsOpen).toBe(true)
    const rows = [...container.querySelectorAll('tr[data-action]')]
    expect(rows.map((r) => r.getAttribute('data-action'))).toEqual(withKeys.map((a) => a.id))
    for (const a of withKeys) {
      const row = container.querySelector(`tr[data-action="${a.id}"]`)!
      const keys = [...row.querySelectorAll('.keys')].map((k) => [...k.querySelectorAll('kbd')].map((kbd) => kbd.textContent))
      expect(keys, a.id).toEqual(a.shortcuts.map(shortcutKeys))
    }
    act(() => useJourneyStore.getState().setShortcutsOpen(false))
  })

  it('runs the action whose shortcut was pressed, for every registered shortcut', async () => {
    await mount(
      <>
        <MapActionKeys />
        <CanvasKeys />
      </>,
    )
    const performed: string[] = []
    for (const a of USER_ACTIONS) {
      vi.spyOn(a, 'enabled').mockReturnValue(true)
      vi.spyOn(a, 'perform').mockImplementation(() => void performed.push(a.id))
    }
    for (const a of withKeys)
      for (const s of a.shortcuts) {
        performed.length = 0
        await press(s)
        expect(performed, `${a.id}: ${shortcutKeys(s).join('+')}`).toEqual([a.id])
      }
  })

  it('puts every toolbar action on the toolbar, with its first shortcut in the tooltip', async () => {
    const container = await mount(<Toolbar />)
    const buttons = [...container.querySelectorAll('button')]
    for (const a of USER_ACTIONS.filter((a) => a.toolbar === 'edit' || a.toolbar === 'help')) {
      const label = translate('en', a.label)
      const button = buttons.find((b) => (b.getAttribute('aria-label') ?? b.textContent) === label)
      expect(button, a.id).toBeDefined()
      expect(button!.getAttribute('title'), a.id).toBe(a.shortcuts[0] ? `${label} (${shortcutText(a.shortcuts[0])})` : null)
    }
    expect(buttons.filter((b) => b.getAttribute('aria-haspopup') === 'menu').map((b) => b.textContent)).toEqual(['Add stage'])
  })

  it('runs nothing while its action is disabled (a viewer presses Delete)', async () => {
    await mount(<CanvasKeys />)
    const remove = USER_ACTIONS.find((a) => a.id === 'deleteSelection')!
    const perform = vi.spyOn(remove, 'perform')
    act(() => useJourneyStore.setState({ role: 'viewer' }))
    await press({ key: 'Delete' })
    expect(perform).not.toHaveBeenCalled()
    act(() => useJourneyStore.setState({ role: 'facilitator' }))
  })
})
