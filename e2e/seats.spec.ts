/**
 * Everyone in the room keeps their seat: the link's role survives every in-app jump, a reload, a
 * language switch and a copied address, and a link that stops working says so, over what was typed.
 */
import { expect, test, type Browser, type Page } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, linkOf, openAs, setIdentity } from './helpers'

const FRIDA = 'Frida Fasilitator'

/** A facilitator's map with one card and one comment on it, and its editor and viewer links. */
async function sharedMap(page: Page, title: string) {
  await setIdentity(page, FRIDA, '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  await expect(page.getByRole('textbox', { name: 'Editor link' })).toHaveValue(/#token=/)
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  const viewerUrl = await page.getByRole('textbox', { name: 'Viewer link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  await addCardInFirstCell(page, title)
  return { editorUrl, viewerUrl }
}

/** What each role shows that the others do not. */
async function expectRole(page: Page, role: 'facilitator' | 'editor' | 'viewer') {
  const status = page.getByTestId('connection')
  await expect(status).toHaveText(role === 'viewer' ? 'Connected · view only' : 'Connected')
  await expect(page.getByRole('toolbar', { name: 'Workshop controls' })).toHaveCount(role === 'facilitator' ? 1 : 0)
  await expect(page.getByRole('button', { name: 'Add stage' })).toHaveCount(role === 'viewer' ? 0 : 1)
}

/** The address holds no token, and the page itself has not scrolled (header and tabs in sight). */
async function expectAddressCleanAndPageStill(page: Page) {
  expect(page.url()).not.toContain('token')
  expect(new URL(page.url()).hash).toBe('')
  const scrolled = await page.evaluate(() => [window.scrollY, document.documentElement.scrollTop, document.body.scrollTop, document.querySelector('.map-page')!.scrollTop])
  expect(scrolled).toEqual([0, 0, 0, 0])
  const toolbarTop = (await page.locator('.toolbar').boundingBox())!.y
  expect(toolbarTop).toBe(0)
}

async function clickEveryJump(page: Page, title: string) {
  await card(page, title).click()
  await page.getByRole('button', { name: /^Comments \(\d+\) ↓$/ }).click()
  await expectAddressCleanAndPageStill(page)
  await page.getByRole('tab', { name: 'Insights' }).click()
  const sections = page.getByRole('navigation', { name: 'Insights sections' }).getByRole('button')
  await expect(sections.first()).toBeVisible()
  const count = await sections.count()
  expect(count).toBeGreaterThanOrEqual(6)
  // Backwards, so that every jump has to scroll the view (the last sections sit below the fold):
  // each lands its section's heading in sight inside the view, and moves nothing else.
  const view = page.locator('.view-page')
  for (let i = count - 1; i >= 0; i--) {
    const name = (await sections.nth(i).textContent())!
    await sections.nth(i).click()
    const heading = view.getByRole('heading', { level: 3, name, exact: true })
    await expect(heading).toBeFocused()
    await expect(heading).toBeInViewport()
    await expectAddressCleanAndPageStill(page)
  }
  await page.getByRole('tab', { name: 'Canvas' }).click()
}

async function keepsRoleThroughEverything(page: Page, role: 'facilitator' | 'editor' | 'viewer', title: string) {
  await expectRole(page, role)
  await expectAddressCleanAndPageStill(page)
  await clickEveryJump(page, title)
  await page.reload()
  await expect(card(page, title)).toBeVisible()
  await expectRole(page, role)
  await expectAddressCleanAndPageStill(page)
  // A language switch and back.
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('da')
  await expect(page.getByRole('tab', { name: 'Lærred' })).toBeVisible()
  await page.reload()
  await page.getByRole('combobox', { name: 'Sprog', exact: true }).selectOption('en')
  await expectRole(page, role)
  // The address as copied from the bar, opened in another tab of the same browser.
  const copied = await page.context().newPage()
  await copied.goto(page.url())
  await expect(card(copied, title)).toBeVisible()
  await expectRole(copied, role)
  await copied.close()
}

test('every in-app jump, a reload, a language switch and a copied address keep each role; the address never shows the token', async ({ page, browser }) => {
  const title = 'Betaler i kassen'
  const { editorUrl, viewerUrl } = await sharedMap(page, title)
  await card(page, title).click()
  await page.locator('.inspector textarea').last().fill('Kø ved kassen 🧾')
  await page.getByRole('button', { name: 'Add comment' }).click()
  await expect(page.locator('.inspector')).toContainText('Kø ved kassen 🧾')
  await keepsRoleThroughEverything(page, 'facilitator', title)
  const editor = await openAs(browser, editorUrl, 'Anne Ås', '#b05cd6')
  await keepsRoleThroughEverything(editor, 'editor', title)
  const viewer = await openAs(browser, viewerUrl, 'Vera Viser', '#3d55b8')
  await keepsRoleThroughEverything(viewer, 'viewer', title)
})

test('a revoked link shows what to do and keeps what was typed; a browser with no link is told so', async ({ page, browser }) => {
  const { editorUrl } = await sharedMap(page, 'Betaler i kassen')
  const anne = await openAs(browser, editorUrl, 'Anne Ås', '#b05cd6')
  // Anne types while her network is away; meanwhile the facilitator revokes the editor links.
  await anne.context().setOffline(true)
  await expect(anne.getByTestId('connection')).toHaveText(/^Offline/)
  await card(anne, 'Betaler i kassen').click()
  const field = anne.getByLabel('Title', { exact: true })
  await field.fill('Betaler ved skranken – æøå 🚗')
  await field.press('Enter')
  const facilitatorLink = new URL(await linkOf(page))
  const mapId = facilitatorLink.pathname.split('/').pop()!
  const facilitatorToken = new URLSearchParams(facilitatorLink.hash.slice(1)).get('token')!
  const revoked = await page.request.post(`/api/maps/${mapId}/revoke`, { headers: { authorization: `Bearer ${facilitatorToken}` }, data: { role: 'editor' } })
  expect(revoked.status()).toBe(200)
  await anne.context().setOffline(false)
  const banner = anne.getByTestId('refused-banner')
  await expect(banner).toContainText('The server no longer accepts this link')
  await expect(banner).toContainText('Ask the facilitator for a new link.')
  await expect(card(anne, 'Betaler ved skranken – æøå 🚗')).toBeVisible()
  // A reload keeps the banner and what she typed (this browser's copy), never "Only in this browser".
  await anne.reload()
  await expect(anne.getByTestId('refused-banner')).toContainText('The server no longer accepts this link')
  await expect(card(anne, 'Betaler ved skranken – æøå 🚗')).toBeVisible()
  await expect(anne.getByTestId('connection')).toHaveText('Refused · ask for a new link')

  // Someone opening the bare address in a browser that never had a link sees why and what to do.
  const stranger = await openBare(browser, `${facilitatorLink.origin}/m/${mapId}`)
  await expect(stranger.getByTestId('refused-banner')).toContainText('This browser holds no link to this map')
  await expect(stranger.getByTestId('refused-banner').getByRole('link', { name: 'Recent maps' })).toHaveAttribute('href', '/')
  await expect(stranger.getByTestId('connection')).toHaveText('No link · ask for one')
  await expect(stranger.getByRole('button', { name: 'Add stage' })).toHaveCount(0)
})

async function openBare(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await setIdentity(page, 'Sten Ukjent', '#d9a400')
  await page.goto(url)
  return page
}
