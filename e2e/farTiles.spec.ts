import { expect, test, type Page } from '@playwright/test'
import { card, createMapFromHome, fitView, setIdentity, SHOTS } from './helpers'

/**
 * Far zoom draws the cards as tiles on one canvas (src/canvas/TileLayer.tsx): the DOM keeps only
 * the headers, the tiles stay where the cards and blueprint items were, and a click on one selects it.
 */
const transformOf = async (page: Page) => {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
  const [, x, y, zoom] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(transform)!.map(Number)
  return { x, y, zoom }
}

test('zoomed out past legible titles, cards and blueprint items become canvas tiles, and a click on a tile selects what it stands for', async ({ page }) => {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, /Karoline's car service \(English\)/)
  const title = 'Gets a slot in 10 days'
  await expect(card(page, title)).toBeVisible()
  await expect(page.getByTestId('tile-layer')).toHaveCount(0)
  // Where the card sits on the map (React Flow positions a node by a translate in map units).
  const centreOnMap = (el: Element) => {
    const m = new DOMMatrix(getComputedStyle(el).transform)
    const box = el as HTMLElement
    return { x: m.e + box.offsetWidth / 2, y: m.f + box.offsetHeight / 2 }
  }
  const position = await card(page, title).evaluate(centreOnMap)
  // A blueprint item under the journey is drawn as a tile too.
  const itemTitle = 'The switchboard puts her through to the workshop'
  const blueprintItem = page.locator('.react-flow__node-blueprintItem').filter({ has: page.getByRole('heading', { name: itemTitle, exact: true }) })
  await fitView(page)
  const itemPosition = await blueprintItem.evaluate(centreOnMap)

  const pane = (await page.locator('.react-flow__pane').boundingBox())!
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
  for (let i = 0; i < 30 && (await transformOf(page)).zoom >= 0.39; i++) {
    await page.mouse.wheel(0, 200)
    await page.waitForTimeout(50)
  }
  await expect(page.getByTestId('tile-layer')).toBeVisible()
  await expect(page.getByTestId('tile-layer')).toHaveAttribute('aria-label', /cards drawn as tiles/)
  await expect(page.locator('.react-flow__node-touchpoint')).toHaveCount(0)
  await expect(page.locator('.react-flow__node-blueprintItem')).toHaveCount(0)
  // The grid still reads: stage headers stay nodes with their far-zoom type.
  await expect(page.locator('.react-flow__node-stage').first()).toBeVisible()
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${SHOTS}/canvas-far-tiles.png` })

  // The tile is drawn where the card was: a click there selects the card.
  const { x, y, zoom } = await transformOf(page)
  const flow = (await page.locator('.react-flow').boundingBox())!
  await page.mouse.click(flow.x + x + position.x * zoom, flow.y + y + position.y * zoom)
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title)
  await page.mouse.click(flow.x + x + itemPosition.x * zoom, flow.y + y + itemPosition.y * zoom)
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(itemTitle)

  // Zoomed back in, the cards are nodes again.
  for (let i = 0; i < 30 && (await transformOf(page)).zoom < 0.8; i++) {
    await page.mouse.wheel(0, -200)
    await page.waitForTimeout(50)
  }
  await expect(page.getByTestId('tile-layer')).toHaveCount(0)
  await expect(page.locator('.react-flow__node-touchpoint').first()).toBeVisible()
})
