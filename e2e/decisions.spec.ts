import { expect, test, type Page } from '@playwright/test'
import { card, createMapFromHome, dragTo, setIdentity, SHOTS, viewportSettled } from './helpers'

/**
 * From the room to decisions (issue 19): what the workshop produces carries into what happens
 * next, and nothing on screen hides what the room must read.
 */

async function openTemplate(page: Page) {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, /Karoline's car service \(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await expect(card(page, 'Gets a slot in 10 days')).toBeVisible()
}

const intersects = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

test('the zoom buttons and the legend leave the emotion curve’s name readable, pinned at the bottom left', async ({ page }) => {
  await openTemplate(page)
  const pane = (await page.locator('.react-flow').boundingBox())!
  const curve = (await page.locator('.react-flow__node-curve').first().boundingBox())!
  // Drag the map left (so the lanes' and curves' names pin to the left edge) and down until the
  // curve sits at the bottom of the canvas, where the controls are.
  const from = { x: pane.x + pane.width / 2, y: pane.y + 40 }
  await dragTo(page, from, { x: from.x - 500, y: from.y + (pane.y + pane.height - 40) - (curve.y + curve.height) })
  await viewportSettled(page)
  const pinned = page.locator('.pinned-curve').filter({ hasText: 'Karoline' })
  await expect(pinned).toBeVisible()
  const name = (await pinned.locator('.pinned-curve-name').boundingBox())!
  expect(name.y + name.height).toBeGreaterThan(pane.y + pane.height - 200)
  for (const covering of ['.react-flow__controls', '.canvas-legend-panel']) {
    const box = (await page.locator(covering).boundingBox())!
    expect(intersects(box, name), `${covering} covers the curve's name`).toBe(false)
  }
  await page.screenshot({ path: `${SHOTS}/decisions-curve-name-clear.png` })
})
