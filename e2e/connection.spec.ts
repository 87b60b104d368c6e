import { expect, test, type Browser, type Page, type WebSocketRoute } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, linkOf, openAs, setIdentity, SHOTS } from './helpers'

const FRIDA = 'Frida Fasilitator'
const ANNE = 'Anne Ås'

/** A facilitator's fresh map with one card, and an editor on the editor link. */
async function workshop(page: Page, browser: Browser, title: string, beforeOpen?: (anne: Page) => Promise<void>) {
  await setIdentity(page, FRIDA, '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  await expect(page.getByRole('textbox', { name: 'Editor link' })).toHaveValue(/#token=/)
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  await addCardInFirstCell(page, title)
  const anne = await openAs(browser, editorUrl, ANNE, '#b05cd6', beforeOpen)
  await expect(card(anne, title)).toBeVisible()
  return anne
}

async function rename(page: Page, from: string, to: string) {
  await card(page, from).click()
  const title = page.getByLabel('Title', { exact: true })
  await title.fill(to)
  await title.press('Enter')
}

test('an editor whose network drops after the timer ran reconnects and keeps working', async ({ page, browser }) => {
  // Anne's sockets to the relay pass through Playwright, which can turn them away later: the relay
  // unreachable while her network works (the shared test server cannot be stopped for one test).
  const relay: { away: boolean; socket: WebSocketRoute | null } = { away: false, socket: null }
  const anne = await workshop(page, browser, 'Ringer verkstedet', (p) =>
    p.routeWebSocket(/\/sync\//, (ws) => {
      if (relay.away) return ws.close({ code: 1013, reason: 'try again later' })
      relay.socket = ws
      ws.connectToServer()
    }),
  )
  const status = anne.getByTestId('connection')
  await page.getByRole('spinbutton', { name: 'Timer minutes' }).fill('1')
  await page.getByRole('button', { name: 'Start timer' }).click()
  await expect(anne.getByTestId('timer')).toBeVisible()
  await page.getByRole('button', { name: 'Stop timer' }).click()
  await expect(anne.getByTestId('timer')).toHaveCount(0)

  await anne.context().setOffline(true)
  await expect(status).toHaveText('Offline')
  await rename(anne, 'Ringer verkstedet', 'Ringer verkstedet – endret uten nett 📵')
  await expect(status).toHaveText('Offline · 1 unsynced change')
  await anne.screenshot({ path: `${SHOTS}/connection-offline.png` })
  await anne.context().setOffline(false)
  await expect(status).toHaveText('Connected')
  await expect(card(page, 'Ringer verkstedet – endret uten nett 📵')).toBeVisible()

  // Quick drops in a row change nothing: back every time, and still editing.
  for (let i = 0; i < 4; i++) {
    await anne.context().setOffline(true)
    await expect(status).toHaveText('Offline')
    await anne.context().setOffline(false)
    await expect(status).toHaveText('Connected')
  }
  await addCardInFirstCell(anne, 'Lagt til etter fem fall – å')
  await expect(card(page, 'Lagt til etter fem fall – å')).toBeVisible()
  await expect(status).toHaveText('Connected')

  // The network is fine but the relay turns every socket away for now: reconnecting, not "Offline".
  relay.away = true
  await relay.socket!.close({ code: 1013, reason: 'try again later' })
  // (The new card's own edits count until their receipt has come back.)
  await expect(status).toHaveText(/^Reconnecting…( · [12] unsynced changes?)?$/)
  await rename(anne, 'Lagt til etter fem fall – å', 'Endret mens reléet var borte ⏳')
  await expect(status).toHaveText(/^Reconnecting… · [1-3] unsynced changes?$/)
  await anne.screenshot({ path: `${SHOTS}/connection-reconnecting.png` })
  relay.away = false
  // y-websocket's backoff has grown meanwhile (up to 10 s), so the way back may take that long.
  await expect(status).toHaveText('Connected', { timeout: 20_000 })
  await expect(card(page, 'Endret mens reléet var borte ⏳')).toBeVisible()
})

test('a refused editor is told so and what to do, never "Offline"', async ({ page, browser }) => {
  const anne = await workshop(page, browser, 'Betaler i kassen')
  // Bjørn is away (offline) when the link is revoked: his way back is refused over HTTP, with no socket.
  const bjorn = await openAs(browser, await linkOf(anne), 'Bjørn Bø', '#d9a400')
  await bjorn.context().setOffline(true)
  await expect(bjorn.getByTestId('connection')).toHaveText('Offline')
  const mapId = new URL(page.url()).pathname.split('/').pop()!
  const facilitatorToken = new URLSearchParams(new URL(await linkOf(page)).hash.slice(1)).get('token')!
  const revoked = await page.request.post(`/api/maps/${mapId}/revoke`, { headers: { authorization: `Bearer ${facilitatorToken}` }, data: { role: 'editor' } })
  expect(revoked.status()).toBe(200)

  const status = anne.getByTestId('connection')
  await expect(status).toHaveText('Refused · ask for a new link')
  await expect(anne.getByTestId('refused-banner')).toContainText('The facilitator revoked this link')
  await expect(anne.getByTestId('refused-banner')).toContainText('Ask the facilitator for a new link.')
  // Nothing here could reach the map any more, so nothing can be started.
  await card(anne, 'Betaler i kassen').click()
  await expect(anne.getByLabel('Title', { exact: true })).toBeDisabled()
  await expect(anne.getByRole('button', { name: 'Add stage' })).toHaveCount(0)
  await anne.screenshot({ path: `${SHOTS}/connection-refused.png` })
  await bjorn.context().setOffline(false)
  await expect(bjorn.getByTestId('connection')).toHaveText('Refused · ask for a new link')
  await expect(bjorn.getByTestId('refused-banner')).toContainText('The server no longer accepts this link')
  // It stays refused: y-websocket does not loop through reconnects, and the text never says Offline.
  await anne.context().setOffline(true)
  await anne.context().setOffline(false)
  await expect(status).toHaveText('Refused · ask for a new link')
})

test('while the map is locked an editor sees why and cannot edit; the facilitator can; unlocking gives it back', async ({ page, browser }) => {
  const anne = await workshop(page, browser, 'Henter bilen')
  const status = anne.getByTestId('connection')
  await page.getByRole('button', { name: 'Lock map' }).click()
  await expect(status).toHaveText('Locked by the facilitator')
  await expect(anne.getByText('The facilitator has locked the map')).toBeVisible()
  await expect(page.getByTestId('connection')).toHaveText('Connected')

  // The interface starts nothing: fields, toolbar, keyboard, dragging.
  await card(anne, 'Henter bilen').click()
  await expect(anne.getByLabel('Title', { exact: true })).toBeDisabled()
  await expect(anne.getByRole('button', { name: 'Add stage' })).toHaveCount(0)
  await expect(anne.getByRole('button', { name: 'Delete touchpoint' })).toHaveCount(0)
  await expect(card(anne, 'Henter bilen')).not.toHaveClass(/\bdraggable\b/)
  await anne.keyboard.press('Delete')
  await anne.keyboard.press('n')
  await expect(anne.getByLabel('Touchpoint title')).toHaveCount(0)
  await expect(card(anne, 'Henter bilen')).toBeVisible()
  await anne.screenshot({ path: `${SHOTS}/connection-locked.png` })

  // The facilitator goes on editing, and Anne sees it.
  await addCardInFirstCell(page, 'Fasilitatoren legger til – ø')
  await expect(card(anne, 'Fasilitatoren legger til – ø')).toBeVisible()
  await expect(status).toHaveText('Locked by the facilitator')

  await page.getByRole('button', { name: 'Unlock map' }).click()
  await expect(status).toHaveText('Connected')
  await expect(card(anne, 'Henter bilen')).toHaveClass(/\bdraggable\b/)
  await rename(anne, 'Henter bilen', 'Henter bilen etter opplåsing 🔓')
  await expect(card(page, 'Henter bilen etter opplåsing 🔓')).toBeVisible()
  await expect(status).toHaveText('Connected')
})

test('an edit that reaches the relay while locked is held, shown as held, and lands on unlock', async ({ page, browser }) => {
  const anne = await workshop(page, browser, 'Leverer nøkkelen')
  const status = anne.getByTestId('connection')
  // Made offline before the lock: on reconnect it reaches a locked map.
  await anne.context().setOffline(true)
  await expect(status).toHaveText('Offline')
  await rename(anne, 'Leverer nøkkelen', 'Leverer nøkkelen i postkassen 📮')
  await page.getByRole('button', { name: 'Lock map' }).click()
  await anne.context().setOffline(false)

  await expect(status).toHaveText('1 change held until the facilitator unlocks')
  await expect(anne.getByTestId('held-banner')).toContainText('The map was locked before 1 of your changes reached it.')
  await expect(card(page, 'Leverer nøkkelen')).toBeVisible()
  await expect(card(page, 'Leverer nøkkelen i postkassen 📮')).toHaveCount(0)
  await anne.screenshot({ path: `${SHOTS}/connection-held.png` })

  await page.getByRole('button', { name: 'Unlock map' }).click()
  await expect(card(page, 'Leverer nøkkelen i postkassen 📮')).toBeVisible()
  await expect(status).toHaveText('Connected')
  await expect(anne.getByTestId('held-banner')).toHaveCount(0)
})
