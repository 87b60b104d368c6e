import { execFileSync } from 'node:child_process'
import { expect, test } from '@playwright/test'
import { addCardInFirstCell, card, center, createMapFromHome, dragTo, fitView, openAs, setIdentity } from './helpers'

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
  await fitView(page) // the cell to move to is off screen at the opening view
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
  // The count is what the list shows: the four card changes and what went with the deleted card.
  const listed = await preview.getByTestId('version-change').count()
  expect(listed).toBeGreaterThan(4)
  await expect(confirm).toContainText(`${listed} changes made since are undone`)
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
  // The space typed after a picked name is the one the pick put there, not a second.
  await page.keyboard.type(' nå – før møtet 🙂')
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

test('remote changes that matter are announced to screen readers: lock, unlock, summon, release, timer end', async ({ page, browser }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  // Anne's clock is Playwright's, so a minute of the workshop timer can pass in an instant.
  const anne = await openAs(browser, editorUrl, ANNE, '#b05cd6', (p) => p.clock.install())
  const announcer = anne.getByTestId('announcer')
  await expect(announcer).toHaveAttribute('aria-live', 'assertive')
  await expect(announcer).toHaveText('')
  await page.getByRole('button', { name: 'Lock map' }).click()
  await expect(announcer).toHaveText('The facilitator locked the map: you can look, but not edit, until it is unlocked.')
  await page.getByRole('button', { name: 'Unlock map' }).click()
  await expect(announcer).toHaveText('The facilitator lifted the lock: you can edit again.')
  await page.getByRole('button', { name: 'Bring everyone here' }).click()
  await expect(announcer).toHaveText(`${FACILITATOR} brought everyone to their view: your screen follows theirs.`)
  await page.getByRole('button', { name: 'Release everyone' }).click()
  await expect(announcer).toHaveText(`${FACILITATOR} let everyone go: you move on your own again.`)
  await page.getByRole('button', { name: 'Start timer' }).click()
  await expect(anne.getByTestId('timer')).toBeVisible()
  await expect(announcer).not.toHaveText("Time's up.")
  await anne.clock.fastForward('05:01') // the timer's default five minutes, and a second
  await expect(anne.getByTestId('timer')).toHaveText(/Time's up/)
  await expect(announcer).toHaveText("Time's up.")
  // The facilitator's own actions are not read back to them.
  await expect(page.getByTestId('announcer')).toHaveText('')
})

test('the inspector starts at the top for a new selection; its comments are one click away', async ({ page }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, /Karoline.*\(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  const inspector = page.locator('.inspector')
  await card(page, 'Cannot book service and tyre change together').click()
  await inspector.evaluate((el) => (el.scrollTop = el.scrollHeight))
  expect(await inspector.evaluate((el) => el.scrollTop)).toBeGreaterThan(200)
  await card(page, 'The workshop is closed').click()
  await expect(inspector.getByRole('textbox', { name: 'Title' })).toHaveValue('The workshop is closed')
  expect(await inspector.evaluate((el) => el.scrollTop)).toBe(0)
  await inspector.getByRole('button', { name: 'Comments (0) ↓' }).click()
  const box = inspector.getByRole('textbox', { name: 'New comment' })
  await expect(box).toBeFocused()
  await expect(box).toBeInViewport()
  await page.keyboard.type('Åpent til 17 – for tidlig? 🕔')
  await expect(box).toHaveValue('Åpent til 17 – for tidlig? 🕔')
  await inspector.getByRole('button', { name: 'Add comment' }).click()
  await expect(inspector.getByTestId('comment')).toContainText('Åpent til 17 – for tidlig? 🕔')
  await expect(inspector.getByRole('button', { name: 'Comments (1) ↓' })).toBeVisible()
  // It went on the card selected now, not on the one selected before.
  await card(page, 'Cannot book service and tyre change together').click()
  await expect(inspector.getByRole('button', { name: 'Comments (0) ↓' })).toBeVisible()
})

test('from the keyboard: arrow onto a card, N adds one beside it, title it, annotate it and comment on it, with focus visible', async ({ page }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, /Karoline.*\(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('ArrowRight')
  const focused = page.locator('.react-flow__node-touchpoint:focus')
  await expect(focused).toHaveCount(1)
  // Focus is visible: the focused card draws the focus ring.
  expect(await focused.evaluate((el) => [el.matches(':focus-visible'), getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth])).toEqual([true, 'solid', '3px'])
  await page.keyboard.press('n')
  await expect(page.getByLabel('Touchpoint title')).toBeFocused()
  await page.keyboard.type('Får varsel på SMS 📱')
  await page.keyboard.press('Enter')
  await expect(card(page, 'Får varsel på SMS 📱')).toBeFocused()
  const inspector = page.locator('.inspector')
  await expect(inspector.getByRole('textbox', { name: 'Title' })).toHaveValue('Får varsel på SMS 📱')

  // Annotate: F6 jumps to the inspector, Tab walks its fields to the new pain point.
  await page.keyboard.press('F6')
  await expect(inspector.getByRole('heading', { name: 'Touchpoint' })).toBeFocused()
  const painBox = inspector.getByRole('textbox', { name: 'New pain point' })
  for (let i = 0; i < 80 && !(await painBox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(painBox).toBeFocused()
  await page.keyboard.type('SMS-en kommer først dagen etter 😕')
  await page.keyboard.press('Enter')
  await expect(inspector.getByRole('textbox', { name: 'Pain point text' })).toHaveValue('SMS-en kommer først dagen etter 😕')
  // F6 again returns to the card on the canvas.
  await page.keyboard.press('F6')
  await expect(card(page, 'Får varsel på SMS 📱')).toBeFocused()

  // Comment: F6, Tab to the jump, Enter, type, Tab, Enter.
  await page.keyboard.press('F6')
  await page.keyboard.press('Tab')
  await expect(inspector.getByRole('button', { name: 'Comments (0) ↓' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(inspector.getByRole('textbox', { name: 'New comment' })).toBeFocused()
  await page.keyboard.type('Kan vi sende den samme dag? ✉️')
  await page.keyboard.press('Tab')
  await expect(inspector.getByRole('button', { name: 'Add comment' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(inspector.getByTestId('comment')).toContainText('Kan vi sende den samme dag? ✉️')
})

test('the PDF from the browser prints an emoji as its name in the map language, never a box', async ({ page }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, /Karolines bilservice \(Norsk\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await addCardInFirstCell(page, 'Ser varsellampen 🚨 i bilen 🚗')
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByRole('menuitem', { name: 'PDF…' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('dialog', { name: 'Export PDF' }).getByRole('button', { name: 'Export PDF' }).click()
  const text = execFileSync('pdftotext', ['-raw', (await (await download).path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(text).toContain('Ser varsellampen [politilys] i bilen [bil]')
  expect(text).not.toContain('\u25a1')
})
