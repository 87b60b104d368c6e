/** The share dialog's QR codes decode to the links they stand for, small and full screen. */
import { expect, test, type Locator } from '@playwright/test'
import jsQR from 'jsqr'
import { createMapFromHome, setIdentity, SHOTS } from './helpers'

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
  await expect(full).toContainText(new URL(editorUrl).host)
  await page.screenshot({ path: `${SHOTS}/join-code.png` })
  await page.keyboard.press('Escape')
  await expect(full).toBeHidden()
  await expect(page.getByRole('dialog', { name: /Share/ })).toBeVisible()
})
