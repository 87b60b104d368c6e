import { expect, test } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, editorLink, setIdentity, SHOTS } from './helpers'

/**
 * A locked-map refusal reaches a Danish editor in Danish: the relay says `locked` (a code, not a
 * sentence), and the interface words it from the Danish catalog. The facilitator's browser is
 * English, so nothing Danish on Anne's screen can come from the other side.
 */
test('a Danish editor whose edit reaches a locked map is told so in Danish', async ({ page, browser }) => {
  await setIdentity(page, 'Frida Facilitator', '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  const editorUrl = await editorLink(page)
  await addCardInFirstCell(page, 'Henter bilen')

  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1440, height: 900 } })
  const anne = await context.newPage()
  await setIdentity(anne, 'Anne Ærø', '#b05cd6')
  await anne.goto(editorUrl)
  const status = anne.getByTestId('connection')
  await expect(status).toHaveText('Forbundet', { timeout: 30_000 })
  await expect(card(anne, 'Henter bilen')).toBeVisible()

  // Made offline before the lock: on reconnect the edit reaches a locked map and is held.
  await context.setOffline(true)
  await card(anne, 'Henter bilen').click()
  const title = anne.getByLabel('Titel', { exact: true })
  await title.fill('Henter bilen på værkstedet 🔧')
  await title.press('Enter')
  await page.getByRole('button', { name: 'Lock map' }).click()
  await context.setOffline(false)

  await expect(status).toHaveText('1 ændring venter, til facilitatoren låser op')
  await expect(anne.getByTestId('held-banner')).toContainText('Kortet blev låst, før 1 af dine ændringer nåede frem.')
  await expect(anne.getByRole('status').filter({ hasText: 'Facilitatoren har låst kortet' })).toBeVisible()
  await expect(anne.getByText(/locked/i)).toHaveCount(0)
  await expect(card(page, 'Henter bilen på værkstedet 🔧')).toHaveCount(0)
  await anne.screenshot({ path: `${SHOTS}/locked-danish.png` })

  await page.getByRole('button', { name: 'Unlock map' }).click()
  await expect(card(page, 'Henter bilen på værkstedet 🔧')).toBeVisible()
  await expect(status).toHaveText('Forbundet')
  await context.close()
})
