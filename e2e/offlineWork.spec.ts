/**
 * Offline work larger than one live message lands from the app itself: an editor offline in
 * Chromium writes more than 1 MB (a card's needs, each at the text cap), reconnects, and a
 * colleague sees all of it. The app answers the relay's sync step 1 with everything in one
 * message, as a stock client does; the relay takes that answer up to its offline cap.
 */
import { expect, test } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, editorLink, openAs, setIdentity } from './helpers'
import { MAX_TEXT } from '../src/model'

const NEEDS = 40
/** A need at the text cap, about 40 KB of UTF-8: 40 of them are more than one live message (1 MB). */
const needText = (i: number) => `Behov ${i} ✈️ æøå 🙂 `.repeat(MAX_TEXT).slice(0, MAX_TEXT - 2) + '🙂'

test('needs written offline, more than one message holds, land when the editor reconnects', async ({ page, browser, request }) => {
  test.setTimeout(300_000)
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await addCardInFirstCell(page, 'Frakoblet kort ✈️')
  const colleague = await openAs(browser, await editorLink(page), 'Kåre Kollega', '#b05cd6')

  await page.context().setOffline(true)
  await expect(page.getByTestId('connection')).toContainText('Offline')
  await card(page, 'Frakoblet kort ✈️').click()
  const input = page.getByPlaceholder('Add functional need…')
  let bytes = 0
  for (let i = 0; i < NEEDS; i++) {
    await input.fill(needText(i))
    await input.press('Enter')
    await expect(input).toHaveValue('')
    bytes += Buffer.byteLength(needText(i))
  }
  expect(bytes).toBeGreaterThan(1024 * 1024)
  await expect(page.getByTestId('connection')).toHaveText(/Offline · \d+ unsynced change/)

  await page.context().setOffline(false)
  await expect(page.getByTestId('connection')).toHaveText('Connected', { timeout: 60_000 })
  await card(colleague, 'Frakoblet kort ✈️').click()
  // Every need, whole (the page may cut long texts short on screen, not in the document).
  await expect(colleague.getByText(/^Behov \d+ ✈️/)).toHaveCount(NEEDS, { timeout: 30_000 })
  await expect(colleague.getByText(needText(NEEDS - 1), { exact: true })).toHaveCount(1)
  // Nothing was refused for its size.
  const metrics = await (await request.get('/metrics')).text()
  expect(metrics).not.toMatch(/relay_rejected_total\{reason="too_big"\} [1-9]/)
  expect(metrics).not.toMatch(/relay_closes_total\{code="1009"\} [1-9]/)
})
