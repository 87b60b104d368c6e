/** The share dialog's QR codes decode to the links they stand for, small and full screen. */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { createMapFromHome, openAs, setIdentity, SHOTS } from './helpers'

/** Reads a QR image as a phone would: its pixels, decoded by jsQR. */
async function decode(img: Locator): Promise<string | null> {
  const { data, width, height } = await img.evaluate(async (el: HTMLImageElement) => {
    await el.decode()
    const size = 400
    const canvas = document.createElement('canvas')
    canvas.width = size
    canvas.height = size
    const ctx = canvas.getContext('2d')!
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, size, size)
    ctx.imageSmoothingEnabled = false
    ctx.drawImage(el, 0, 0, size, size)
    return { data: Array.from(ctx.getImageData(0, 0, size, size).data), width: size, height: size }
  })
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null
}

test('each link in the share dialog has a QR code that decodes to it, and "Show join code" shows it full screen', async ({ page }) => {
  await setIdentity(page, 'Frida Fasilitator', '#1f6f50')
  await createMapFromHome(page, 'New empty map')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  const viewerUrl = await page.getByRole('textbox', { name: 'Viewer link' }).inputValue()
  expect(editorUrl).toMatch(/#token=/)
  expect(await decode(page.getByRole('img', { name: 'QR code of the editor link' }))).toBe(editorUrl)
  expect(await decode(page.getByRole('img', { name: 'QR code of the viewer link' }))).toBe(viewerUrl)

  await page.getByRole('button', { name: 'Show join code: editor link' }).click()
  const full = page.getByRole('dialog', { name: 'Scan to join the map' })
  await expect(full).toBeVisible()
  const large = full.getByRole('img', { name: 'QR code of the editor link' })
  const box = (await large.boundingBox())!
  expect(box.height).toBeGreaterThan(500)
  expect(await decode(large)).toBe(editorUrl)
  // The short address the facilitator reads out: host/j/XXX-XXX-XXX.
  const shortAddress = full.getByTestId('join-short-address')
  await expect(shortAddress).toHaveText(new RegExp(`^${new URL(editorUrl).host}/j/[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$`))
  await page.screenshot({ path: `${SHOTS}/join-code.png` })
  await page.keyboard.press('Escape')
  await expect(full).toBeHidden()
  await expect(page.getByRole('dialog', { name: /Share/ })).toBeVisible()
})

/** What each role shows that the others do not (as in seats.spec.ts). */
async function expectRole(page: Page, role: 'editor' | 'viewer') {
  await expect(page.getByTestId('connection')).toHaveText(role === 'viewer' ? 'Connected · view only' : 'Connected')
  await expect(page.getByRole('toolbar', { name: 'Workshop controls' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add stage' })).toHaveCount(role === 'viewer' ? 0 : 1)
}

async function shortAddressOf(page: Page, label: 'editor link' | 'viewer link'): Promise<string> {
  await page.getByRole('button', { name: `Show join code: ${label}` }).click()
  const full = page.getByRole('dialog', { name: 'Scan to join the map' })
  const address = (await full.getByTestId('join-short-address').textContent())!
  await page.keyboard.press('Escape')
  await expect(full).toBeHidden()
  return `http://${address}`
}

async function joinTyped(browser: Browser, address: string, name: string): Promise<Page> {
  // Typed as read off the wall: lower case.
  const typed = address.replace(/\/j\/(.+)$/, (_, code: string) => `/j/${code.toLowerCase()}`)
  return openAs(browser, typed, name, '#8a4fd0')
}

test('the short address opens the map in the role of its link, and stops when those links are revoked', async ({ page, browser }) => {
  await setIdentity(page, 'Frida Fasilitator', '#1f6f50')
  await createMapFromHome(page, 'New empty map')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorAddress = await shortAddressOf(page, 'editor link')
  const viewerAddress = await shortAddressOf(page, 'viewer link')
  expect(editorAddress).not.toBe(viewerAddress)

  const editor = await joinTyped(browser, editorAddress, 'Erik Editor')
  await expectRole(editor, 'editor')
  const viewer = await joinTyped(browser, viewerAddress, 'Vera Viser')
  await expectRole(viewer, 'viewer')
  // The address the person sees never holds the token.
  expect(viewer.url()).not.toContain('token')

  await page.getByRole('button', { name: 'Revoke editor link' }).click()
  await page.getByRole('group', { name: 'Revoke editor link' }).getByRole('button', { name: 'Revoke', exact: true }).click()
  await expect.poll(async () => (await page.request.get(editorAddress, { maxRedirects: 0 })).status()).toBe(410)
  const refused = await page.request.get(editorAddress, { maxRedirects: 0 })
  expect(await refused.text()).toContain('This join code no longer works')
  expect((await page.request.get(viewerAddress, { maxRedirects: 0 })).status()).toBe(302)
})

test('the presentation’s title slide and room view show the editor join code, and it opens the map as an editor', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await setIdentity(page, 'Frida Fasilitator', '#1f6f50')
  await createMapFromHome(page, 'New empty map')

  await page.getByRole('button', { name: 'Present', exact: true }).click()
  const slide = page.getByRole('dialog', { name: /Presentation/ })
  const badge = slide.getByTestId('join-code-badge')
  await expect(badge).toBeVisible()
  const shortUrl = await decode(badge.getByRole('img', { name: 'QR code of the editor link' }))
  expect(shortUrl).toMatch(/\/j\/[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/)
  await expect(badge).toContainText(shortUrl!.replace(/^https?:\/\//, ''))
  await page.screenshot({ path: `${SHOTS}/join-title-slide.png` })
  await page.keyboard.press('Escape')
  await expect(slide).toBeHidden()

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('r')
  const corner = page.getByRole('complementary', { name: 'Room view: timer and voting' })
  // The same code as the slide's: one per map while it lasts.
  expect(await decode(corner.getByRole('img', { name: 'QR code of the editor link' }))).toBe(shortUrl)
  await page.screenshot({ path: `${SHOTS}/join-room-view.png` })

  const editor = await openAs(browser, shortUrl!, 'Erik Editor', '#8a4fd0')
  await expectRole(editor, 'editor')
})
