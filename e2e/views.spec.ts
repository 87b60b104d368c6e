import { expect, test } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, openAs, setIdentity } from './helpers'

const FACILITATOR = 'Frida Fasilitator'
const ANNE = 'Anne Ås'

const SHOTS_DOCS = process.env.DOCS_SHOTS ?? 'test-results/screenshots'

test('screenshots: presentation mode and a version against now', async ({ page }) => {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, /Karoline.*\(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Present', exact: true }).click()
  await page.getByRole('button', { name: 'Next stage' }).click()
  await page.getByRole('button', { name: 'Next stage' }).click()
  await page.screenshot({ path: `${SHOTS_DOCS}/presentation.png` })
  await page.getByRole('button', { name: 'End presentation' }).click()

  await page.getByRole('button', { name: 'Versions' }).click()
  await page.getByLabel('Version name').fill('Before the workshop')
  await page.getByRole('button', { name: 'Save version' }).click()
  await expect(page.getByRole('button', { name: 'Preview Before the workshop' })).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()
  const first = page.locator('.react-flow__node-touchpoint').first()
  const title = (await first.getAttribute('aria-label'))!
  await card(page, title).click()
  await page.getByRole('button', { name: 'Delete touchpoint' }).click()
  await expect(card(page, title)).toHaveCount(0)
  await page.getByRole('button', { name: 'Versions' }).click()
  await page.getByRole('button', { name: 'Preview Before the workshop' }).click()
  await expect(page.getByLabel('Preview of Before the workshop')).toContainText(title)
  await page.screenshot({ path: `${SHOTS_DOCS}/version-diff.png` })
})

test('the share dialog leads with the editor link; the facilitator link waits behind the co-facilitator choice', async ({ page }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  const dialog = page.getByRole('dialog', { name: 'Share this map' })
  const links = dialog.getByRole('textbox')
  await expect(links.first()).toHaveAccessibleName('Editor link')
  await expect(links.first()).toHaveValue(/#token=/)
  // Pre-selected: focused with its whole text selected, ready for Ctrl+C.
  await expect(links.first()).toBeFocused()
  expect(await links.first().evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart! === el.value.length)).toBe(true)
  await expect(links.nth(1)).toHaveAccessibleName('Viewer link')
  await expect(dialog.getByRole('textbox', { name: 'Facilitator link' })).toHaveCount(0)
  await dialog.getByRole('checkbox', { name: /co-facilitator/ }).check()
  await expect(dialog.getByRole('note')).toContainText('never to the meeting chat')
  const facilitatorLink = dialog.getByRole('textbox', { name: 'Facilitator link' })
  await expect(facilitatorLink).toHaveValue(/#token=/)
  // The co-facilitator gets a link of their own, not the one this browser opened the map with.
  expect(await facilitatorLink.inputValue()).not.toBe(page.url())
  await page.screenshot({ path: `${SHOTS_DOCS}/share-dialog.png` })

  // A link with an expiry says when it stops working.
  const editorRow = dialog.locator('.share-link-editor')
  await editorRow.getByLabel('New link valid for').selectOption({ label: '1 day' })
  const before = await links.first().inputValue()
  await editorRow.getByRole('button', { name: 'New editor link' }).click()
  await expect(links.first()).not.toHaveValue(before)
  await expect(editorRow).toContainText('Works until')

  // Revoking asks first; then the old editor link is refused by the relay and a new one is shown.
  const old = await links.first().inputValue()
  await editorRow.getByRole('button', { name: 'Revoke editor link' }).click()
  await expect(editorRow.getByText('Revoke every editor link handed out so far?')).toBeVisible()
  await editorRow.getByRole('button', { name: 'Revoke', exact: true }).click()
  await expect(editorRow.getByRole('status')).toContainText('Revoked')
  await expect(links.first()).not.toHaveValue(old)
  const oldUrl = new URL(old)
  const oldToken = new URLSearchParams(oldUrl.hash.slice(1)).get('token')!
  const refused = await page.request.get(`${oldUrl.origin}/api/maps/${oldUrl.pathname.split('/').pop()}?token=${encodeURIComponent(oldToken)}`)
  expect(refused.status()).toBe(403)
  const fresh = new URL(await links.first().inputValue())
  const accepted = await page.request.get(`${fresh.origin}/api/maps/${fresh.pathname.split('/').pop()}?token=${encodeURIComponent(new URLSearchParams(fresh.hash.slice(1)).get('token')!)}`)
  expect(accepted.status()).toBe(200)
})

test('picking a mention keeps focus in the comment box: the next keystrokes type, no card appears', async ({ page, browser }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  await openAs(browser, editorUrl, ANNE, '#b05cd6')
  await addCardInFirstCell(page, 'Ringer kundeservice ☎️')
  await card(page, 'Ringer kundeservice ☎️').click()
  const box = page.getByRole('textbox', { name: 'New comment' })
  await box.click()
  await page.keyboard.type('Spør @An')
  await page.getByRole('option', { name: `@${ANNE}` }).click()
  await expect(box).toBeFocused()
  await page.keyboard.type('nå – før møtet 🙂')
  await expect(box).toHaveValue(`Spør @${ANNE} nå – før møtet 🙂`)
  await expect(page.locator('.react-flow__node-touchpoint')).toHaveCount(1)
  // From the keyboard too: arrow to the suggestion, Enter picks it, typing goes on.
  await page.keyboard.type(' og @')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await page.keyboard.type('n')
  await expect(box).toBeFocused()
  await expect(box).toHaveValue(new RegExp(`og @(${ANNE}|${FACILITATOR}) n$`))
  await expect(page.locator('.react-flow__node-touchpoint')).toHaveCount(1)
})
