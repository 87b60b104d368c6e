/**
 * A participant on a phone (390×844, touch) or a tablet (768×1024) takes part: the map fills the
 * screen, a tap on a card opens one bottom sheet to read it, add to it and vote on it, and the
 * facilitator's laptop sees all of it.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, setIdentity, SHOTS, viewportSettled } from './helpers'

const PHONE = { width: 390, height: 844 }
const TABLET = { width: 768, height: 1024 }

async function facilitatorMap(page: Page, title: string) {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  const viewerUrl = await page.getByRole('textbox', { name: 'Viewer link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  await addCardInFirstCell(page, title)
  return { editorUrl, viewerUrl }
}

async function openOnTouch(browser: Browser, url: string, viewport: { width: number; height: number }, name: string) {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  const page = await context.newPage()
  await setIdentity(page, name, '#b05cd6')
  await page.goto(url)
  await expect(page.getByTestId('connection')).toHaveClass(/connection-connected/)
  return page
}

/** The map takes the whole width and most of the height, and the page itself never scrolls. */
async function expectMapFillsScreen(page: Page, viewport: { width: number; height: number }) {
  const box = (await page.locator('.map-canvas').boundingBox())!
  expect(box.width).toBe(viewport.width)
  expect(box.height).toBeGreaterThan(viewport.height * 0.75)
  const scroll = await page.evaluate(() => [document.documentElement.scrollWidth <= innerWidth, document.documentElement.scrollHeight <= innerHeight, scrollY])
  expect(scroll).toEqual([true, true, 0])
}

async function expectFingerSized(locator: ReturnType<Page['locator']>) {
  const box = (await locator.boundingBox())!
  expect(box.width).toBeGreaterThanOrEqual(44)
  expect(box.height).toBeGreaterThanOrEqual(44)
}

test('a participant on a phone adds a pain point to a card and votes on it; the facilitator sees both', async ({ page, browser }) => {
  const title = 'Ringer verkstedet'
  const pain = 'Stengt etter 17 – æøå 😬'
  const { editorUrl } = await facilitatorMap(page, title)
  const anne = await openOnTouch(browser, editorUrl, PHONE, 'Anne Ås')
  await expectMapFillsScreen(anne, PHONE)
  const sheet = anne.getByRole('complementary', { name: 'Inspector' })
  await expect(sheet).toBeHidden()
  // The toolbar is folded: her edit controls are in the menu, not across the map.
  await expect(anne.getByRole('button', { name: 'Add stage' })).toBeHidden()
  await expectFingerSized(anne.getByRole('button', { name: 'Menu' }))

  await card(anne, title).tap()
  await expect(sheet).toBeVisible()
  await expect(sheet.getByLabel('Title', { exact: true })).toHaveValue(title)
  const sheetBox = (await sheet.boundingBox())!
  expect(sheetBox.y + sheetBox.height).toBeCloseTo(PHONE.height, 0)
  await sheet.getByLabel('New pain point').fill(pain)
  await expectFingerSized(sheet.getByRole('button', { name: 'Add pain point', exact: true }))
  await sheet.getByRole('button', { name: 'Add pain point', exact: true }).tap()
  await card(page, title).click()
  await expect(page.locator('.inspector')).toContainText(pain)

  await page.getByRole('button', { name: 'Start voting' }).click()
  const voteFor = sheet.locator('.voting-panel').getByRole('button', { name: `Vote for ${pain}` })
  await expect(voteFor).toBeVisible()
  await expectFingerSized(voteFor)
  await expectFingerSized(sheet.locator('.voting-panel').getByRole('button', { name: `Remove a vote from ${pain}` }))
  await voteFor.tap()
  await voteFor.tap()
  await expect(sheet.getByTestId('votes-left')).toHaveText('1 of 3 votes left')
  await expect(page.getByTestId('voters')).toHaveText('1 participant has voted')
  await anne.screenshot({ path: `${SHOTS}/phone-voting.png` })
  await page.getByRole('button', { name: 'End round and reveal results' }).click()
  await expect(sheet.getByTestId('vote-item').getByLabel('2 votes')).toBeVisible()
  await expect(page.getByTestId('vote-item').filter({ hasText: pain }).getByLabel('2 votes')).toBeVisible()

  // × closes the sheet; a tap opens it again; a swipe down on its handle closes it.
  await sheet.getByRole('button', { name: 'Close details' }).tap()
  await expect(sheet).toBeHidden()
  await card(anne, title).tap()
  await expect(sheet).toBeVisible()
  const handle = (await sheet.locator('.sheet-handle').boundingBox())!
  await anne.mouse.move(handle.x + handle.width / 2, handle.y + 10)
  await anne.mouse.down()
  await anne.mouse.move(handle.x + handle.width / 2, handle.y + 150, { steps: 6 })
  await anne.mouse.up()
  await expect(sheet).toBeHidden()
  await expectMapFillsScreen(anne, PHONE)
})

test('a viewer on a phone sees no control a viewer cannot use; one finger on a card pans the map and moves no card', async ({ page, browser }) => {
  const { viewerUrl, editorUrl } = await facilitatorMap(page, 'Ringer verkstedet')
  const vera = await openOnTouch(browser, viewerUrl, PHONE, 'Vera Viser')
  await vera.getByRole('button', { name: 'Menu' }).tap()
  const panel = vera.locator('#toolbar-fold-panel')
  await expect(panel.getByRole('combobox', { name: 'Language' })).toBeVisible()
  await expect(vera.getByRole('button', { name: 'Add stage' })).toHaveCount(0)
  await expect(vera.getByRole('button', { name: 'Add persona' })).toHaveCount(0)

  // An editor's swipe across a card pans: the card stays in its cell.
  const anne = await openOnTouch(browser, editorUrl, PHONE, 'Anne Ås')
  const before = (await card(anne, 'Ringer verkstedet').boundingBox())!
  const transform = () => anne.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
  const start = await transform()
  const cdp = await anne.context().newCDPSession(anne)
  const x = before.x + before.width / 2
  const y = before.y + before.height / 2
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
  for (let i = 1; i <= 8; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + i * 10, y: y + i * 12 }] })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await expect.poll(transform).not.toBe(start)
  const after = (await card(anne, 'Ringer verkstedet').boundingBox())!
  // The card moved on screen with the map (by the pan), not within it.
  expect(Math.round(after.x - before.x)).toBeGreaterThan(40)
  await card(page, 'Ringer verkstedet').click()
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  const cell = await page.evaluate(() => document.querySelectorAll('.react-flow__node-touchpoint').length)
  expect(cell).toBe(1)
  await expect(anne.locator('.react-flow__node-touchpoint.dragging')).toHaveCount(0)
  await expect(anne.getByText('Drag the card to move it')).toHaveCount(0)

  // A finger held still on the card arms a move; the next swipe on it drags the card, not the map.
  const held = (await card(anne, 'Ringer verkstedet').boundingBox())!
  const hx = held.x + 30 // the pan took the card's right half off the screen
  const hy = held.y + held.height / 2
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: hx, y: hy }] })
  await expect(anne.getByText('Drag the card to move it')).toBeVisible()
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  // The press also selected the card: the sheet opened over it; closing it keeps the move armed.
  await anne.getByRole('button', { name: 'Close details' }).tap()
  await viewportSettled(anne)
  const armedAt = await transform()
  const grabbed = (await card(anne, 'Ringer verkstedet').boundingBox())!
  const gx = Math.max(grabbed.x, 0) + 20
  const gy = grabbed.y + 20
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: gx, y: gy }] })
  for (let i = 1; i <= 6; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: gx + i * 8, y: gy + i * 4 }] })
  const moved = (await card(anne, 'Ringer verkstedet').boundingBox())!
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  // The card followed the finger while the map stayed put.
  expect(Math.round(moved.x - grabbed.x)).toBeGreaterThan(20)
  expect(await transform()).toBe(armedAt)
  await expect(anne.getByText('Drag the card to move it')).toHaveCount(0)
})

test('on a tablet the map fills the screen and a tapped card opens the sheet', async ({ page, browser }) => {
  const { editorUrl } = await facilitatorMap(page, 'Ringer verkstedet')
  const anne = await openOnTouch(browser, editorUrl, TABLET, 'Anne Ås')
  await expectMapFillsScreen(anne, TABLET)
  await card(anne, 'Ringer verkstedet').tap()
  await expect(anne.getByRole('complementary', { name: 'Inspector' })).toBeVisible()
  await anne.screenshot({ path: `${SHOTS}/tablet-sheet.png` })
})
