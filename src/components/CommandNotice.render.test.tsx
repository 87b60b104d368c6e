// @vitest-environment happy-dom
/**
 * A command that cannot run is explained in the reader's language, chosen by the error's code:
 * a Danish reader never sees the command's English message.
 */
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { CommandError } from '../commands'
import { da } from '../i18n/catalogs/da'
import { loadCatalog } from '../i18n/translate'
import { UiLocaleContext } from '../i18n/useT'
import { CommandNotice } from './CommandNotice'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).reverse().forEach((c) => c()))

async function renderNotice(locale: 'da' | 'en') {
  await loadCatalog(locale)
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  cleanup.push(() => act(() => root.unmount()), () => container.remove())
  await act(async () => root.render(<UiLocaleContext.Provider value={locale}><CommandNotice /></UiLocaleContext.Provider>))
  const raise = (error: Error) => act(() => void window.dispatchEvent(new ErrorEvent('error', { error, cancelable: true })))
  return { container, raise }
}

describe('the command notice', () => {
  it('tells a Danish reader in Danish that what they acted on was deleted meanwhile', async () => {
    const { container, raise } = await renderNotice('da')
    raise(new CommandError('not-found', 'touchpoints["touchpoint:x"]: no such record (deleted by someone else?)'))
    expect(container.textContent).toContain(da['notice.deletedMeanwhile'])
    expect(container.textContent).not.toContain('no such record')
  })

  it('words any other code from the Danish catalog, never the English message', async () => {
    const { container, raise } = await renderNotice('da')
    raise(new CommandError('votes-spent', 'votes: all 3 votes are placed'))
    expect(container.textContent).toContain(da['notice.commandFailed'].replace('{message}', da['errorCode.votes-spent']))
    expect(container.textContent).not.toContain('votes are placed')
  })

  it('leaves errors that are not a command’s to the error boundary', async () => {
    const { container, raise } = await renderNotice('da')
    raise(new Error('no such record'))
    expect(container.textContent).toBe('')
  })
})
