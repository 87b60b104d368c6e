import { expect, test } from '@playwright/test'
import { addCardInFirstCell, card, center, createMapFromHome, dragTo, openAs, setIdentity } from './helpers'

const FACILITATOR = 'Frida Fasilitator'
const ANNE = 'Anne Ås'

const SHOTS_DOCS = process.env.DOCS_SHOTS ?? 'test-results/screenshots'

test('a version previews as a canvas with what changed since marked; restore asks first', async ({ page }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, /Karoline.*\(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Versions' }).click()
  await page.getByLabel('Version name').fill('Before the workshop')
  await page.getByRole('button', { name: 'Save version' }).click()
  await expect(page.getByRole('button', { name: 'Preview Before the workshop' })).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()

  // Four kinds of change: remove, retitle, move to another cell, add.
  await card(page, 'The workshop is closed').click()
  await page.getByRole('button', { name: 'Delete touchpoint' }).click()
  await expect(card(page, 'The workshop is closed')).toHaveCount(0)
  await card(page, 'Calls the switchboard').dblclick()
  await page.getByLabel('Touchpoint title').fill('Calls the switchboard – and waits ⏳')
  await page.keyboard.press('Enter')
  await expect(card(page, 'Calls the switchboard – and waits ⏳')).toBeVisible()
  const from = await center(page, `.react-flow__node-touchpoint[aria-label="Gets a slot in 10 days"]`)
  const target = await page.locator('.react-flow__node-touchpoint[aria-label="Offered a paid rental car"]').boundingBox()
  await dragTo(page, from, { x: target!.x + target!.width / 2, y: target!.y + target!.height + 30 })
  await addCardInFirstCell(page, 'Sees the light on the dashboard 🚨')

  await page.getByRole('button', { name: 'Versions' }).click()
  await page.getByRole('button', { name: 'Preview Before the workshop' }).click()
  const preview = page.getByRole('region', { name: 'Preview of Before the workshop' })
  await expect(preview).toContainText('1 removed · 1 added · 1 moved · 1 retitled')
  const versionCanvas = preview.locator('.version-canvas')
  await expect(versionCanvas.locator('.react-flow__node.diff-removed')).toHaveAttribute('aria-label', 'The workshop is closed (removed since)')
  await expect(versionCanvas.locator('.react-flow__node.diff-added')).toHaveAttribute('aria-label', /Sees the light on the dashboard 🚨 \(added since\)/)
  await expect(versionCanvas.locator('.react-flow__node.diff-retitled')).toHaveAttribute('aria-label', 'Calls the switchboard (now “Calls the switchboard – and waits ⏳”)')
  await expect(versionCanvas.locator('.react-flow__node.diff-moved')).toHaveAttribute('aria-label', /^Gets a slot in 10 days \(moved to Courtesy car/)
  await expect(preview.getByRole('region', { name: 'Changes since this version' })).toContainText('The workshop is closed')
  await page.screenshot({ path: `${SHOTS_DOCS}/version-diff.png` })

  // Restore asks first; cancelling changes nothing.
  await preview.getByRole('button', { name: 'Restore this version…' }).click()
  const confirm = preview.getByRole('alertdialog')
  await expect(confirm).toContainText('4 changes made since are undone')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(card(page, 'The workshop is closed')).toHaveCount(0)
  await preview.getByRole('button', { name: 'Restore this version…' }).click()
  await confirm.getByRole('button', { name: 'Restore for everyone' }).click()
  await expect(card(page, 'The workshop is closed')).toBeVisible()
  await expect(card(page, 'Calls the switchboard')).toBeVisible()
  // The map as it was before the restore was kept as a version.
  await page.getByRole('button', { name: 'Versions' }).click()
  await expect(page.getByRole('button', { name: 'Preview Before restoring “Before the workshop”' })).toBeVisible()
})

test('presentation: a stage slide shows the map’s cards, the persona’s emotion and the pains in large type; arrow keys step everyone under the spotlight', async ({ page, browser }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, /Karoline.*\(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  const anne = await openAs(browser, editorUrl, ANNE, '#b05cd6')
  await page.getByRole('button', { name: 'Bring everyone here' }).click()
  await page.getByRole('button', { name: 'Present', exact: true }).click()
  const slide = (p: typeof page) => p.getByRole('dialog', { name: 'Presentation' })
  await expect(slide(page).getByRole('heading', { level: 1 })).toHaveText("Karoline's car service")
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  for (const p of [page, anne]) {
    await expect(slide(p).getByRole('heading', { level: 1 })).toHaveText('Booking in the app')
    const lane = slide(p).getByRole('article', { name: 'Karoline' })
    // The persona's emotion at this stage: the mean of her scored cards here, as a face and a word.
    await expect(lane).toContainText('Negative')
    await expect(lane.getByRole('heading', { name: 'Cannot book service and tyre change together' })).toBeVisible()
    await expect(lane).toContainText('The app cannot take service and tyre change together; she is sent to the phone')
  }
  // Readable from the back of the room: card titles and pain points far above the canvas's 13.5 px.
  const px = async (selector: string) => Number.parseFloat(await slide(page).locator(selector).first().evaluate((el) => getComputedStyle(el).fontSize))
  expect(await px('.pres-card h2')).toBeGreaterThanOrEqual(24)
  expect(await px('.pres-callouts li')).toBeGreaterThanOrEqual(20)
  expect(await px('h1')).toBeGreaterThanOrEqual(36)
  await page.screenshot({ path: `${SHOTS_DOCS}/presentation.png` })
  await page.keyboard.press('ArrowLeft')
  await expect(slide(anne).getByRole('heading', { level: 1 })).toHaveText('Service light')
  await page.keyboard.press('Escape')
  await expect(slide(anne)).toHaveCount(0)
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

test('home starts where you left off: recent maps first with role and time, same-titled maps told apart, templates by scenario', async ({ page }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  for (let i = 0; i < 2; i++) {
    await page.goto('/')
    await page.getByLabel('New map title').fill('Værkstedsbesøg på Ærø 🚗')
    await page.getByRole('button', { name: 'New empty map' }).click()
    await page.waitForURL(/\/m\//)
    await expect(page.locator('.react-flow__node-stage').first()).toBeVisible()
  }
  await page.goto('/')
  // Recent maps come before the templates.
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Recent maps')
  const recent = page.getByRole('region', { name: 'Recent maps' }).getByRole('listitem')
  await expect(recent).toHaveCount(2)
  for (const item of await recent.all()) {
    await expect(item.getByRole('link')).toHaveText('Værkstedsbesøg på Ærø 🚗')
    await expect(item).toContainText(/facilitator/i)
    await expect(item).toContainText(/opened (now|\d+ seconds? ago)/)
    await expect(item).toContainText('empty at the start')
  }
  const ids = await recent.locator('.recent-id').allTextContents()
  expect(ids).toHaveLength(2)
  expect(ids[0]).not.toBe(ids[1])
  // Templates: one entry per scenario with a button per language.
  const insurance = page.getByRole('region', { name: 'Start from a template' }).getByRole('listitem').filter({ hasText: 'Car insurance: from quote to claim' })
  await expect(insurance.getByRole('button')).toHaveText(['Dansk', 'English'])
  await page.screenshot({ path: `${SHOTS_DOCS}/home.png`, fullPage: true })
})

test('remote changes that matter are announced to screen readers: lock, unlock, summon, release', async ({ page, browser }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  const anne = await openAs(browser, editorUrl, ANNE, '#b05cd6')
  const announcer = anne.getByTestId('announcer')
  await expect(announcer).toHaveAttribute('aria-live', 'assertive')
  await expect(announcer).toHaveText('')
  await page.getByRole('button', { name: 'Lock map' }).click()
  await expect(announcer).toHaveText('The facilitator locked the map: you can look, but not edit, until it is unlocked.')
  await page.getByRole('button', { name: 'Unlock map' }).click()
  await expect(announcer).toHaveText('The map is unlocked: you can edit again.')
  await page.getByRole('button', { name: 'Bring everyone here' }).click()
  await expect(announcer).toHaveText(`${FACILITATOR} brought everyone to their view: your screen follows theirs.`)
  await page.getByRole('button', { name: 'Release everyone' }).click()
  await expect(announcer).toHaveText(`${FACILITATOR} let everyone go: you move on your own again.`)
  // The facilitator's own actions are not read back to them.
  await expect(page.getByTestId('announcer')).toHaveText('')
})
