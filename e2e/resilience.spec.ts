import { expect, test } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, openAs, setIdentity, SHOTS } from './helpers'

test('a command on a card a colleague just deleted shows a short notice, not an uncaught error', async ({ page, browser }) => {
  const errors: Error[] = []
  page.on('pageerror', (e) => errors.push(e))
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await page.getByRole('button', { name: 'Share' }).click()
  await expect(page.getByRole('textbox', { name: 'Editor link' })).toHaveValue(/#token=/)
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  await addCardInFirstCell(page, 'Ringer verkstedet')
  await addCardInFirstCell(page, 'Får time')
  await addCardInFirstCell(page, 'Venter i kø')
  const anne = await openAs(browser, editorUrl, 'Anne Ås', '#b05cd6')

  // Frida picks "Får time" to link to; Anne deletes it before Frida presses Link.
  await card(page, 'Ringer verkstedet').click()
  await page.getByLabel('Link to touchpoint').selectOption({ label: 'Får time' })
  await card(anne, 'Får time').click()
  await anne.getByRole('button', { name: 'Delete touchpoint' }).click()
  await expect(card(page, 'Får time')).toHaveCount(0)
  await page.getByRole('button', { name: 'Link', exact: true }).click()

  await expect(page.getByTestId('command-notice')).toHaveText(/someone else has just deleted what it refers to/)
  await page.screenshot({ path: `${SHOTS}/resilience-command-notice.png` })
  await expect(card(page, 'Ringer verkstedet')).toBeVisible()
  expect(errors).toEqual([])
})

test('a part that fails to render shows what happened and recovers; the rest of the map goes on', async ({ page }) => {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await addCardInFirstCell(page, 'Betaler 💥')
  await addCardInFirstCell(page, 'Henter bilen')
  await addCardInFirstCell(page, 'Venter i kø')
  // A fault in something the inspector calls while rendering (here: sorting the cards it offers to link).
  await page.evaluate(() => {
    const original = String.prototype.localeCompare
    ;(window as unknown as { restoreSort: () => void }).restoreSort = () => void (String.prototype.localeCompare = original)
    String.prototype.localeCompare = function (this: string, that: string, ...rest: []) {
      if (this.includes('💥') || that.includes('💥')) throw new Error('sorting failed 💥')
      return original.call(this, that, ...rest)
    }
  })
  await card(page, 'Henter bilen').click()
  const inspector = page.getByTestId('error-fallback')
  await expect(inspector).toContainText('This part of the map ran into a problem')
  await expect(inspector).toContainText('nothing that was saved is lost')
  // The canvas and the toolbar still work.
  await expect(card(page, 'Betaler 💥')).toBeVisible()
  const mapTitle = page.getByLabel('Map title')
  await mapTitle.fill('Verkstedbesøk – å')
  await mapTitle.press('Enter')
  await expect(page).toHaveTitle(/Verkstedbesøk – å/)
  await expect(inspector).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/resilience-error-boundary.png` })

  // The fault passes; "Try again" brings the inspector back.
  await page.evaluate(() => (window as unknown as { restoreSort: () => void }).restoreSort())
  await inspector.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Henter bilen')
  await expect(page.getByTestId('error-fallback')).toHaveCount(0)
})
