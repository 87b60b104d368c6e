import { expect, type Browser, type Page } from '@playwright/test'

export const SHOTS = 'test-results/screenshots'

/** Skip the name prompt: the participant's identity as the app stores it. */
export async function setIdentity(page: Page, name: string, color = '#e8663d') {
  await page.addInitScript(
    ([n, c]) => {
      if (!localStorage.getItem('journey:identity')) localStorage.setItem('journey:identity', JSON.stringify({ name: n, color: c }))
    },
    [name, color],
  )
}

export function card(page: Page, title: string) {
  return page.locator(`.react-flow__node-touchpoint[aria-label="${title.replace(/"/g, '\\"')}"]`)
}

/** The id of a node found by its accessible name. */
export async function nodeId(page: Page, selector: string): Promise<string> {
  const id = await page.locator(selector).first().getAttribute('data-id')
  expect(id).toBeTruthy()
  return id!
}

/** Fit the canvas through React Flow's own control (named in the interface's language), then wait for the view to settle. */
export async function fitView(page: Page, buttonName = 'Fit View') {
  await page.getByRole('button', { name: buttonName }).click()
  await viewportSettled(page)
}

/** Waits until the canvas's transform reads the same twice in a row: an animated fit or zoom has ended. */
export async function viewportSettled(page: Page) {
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
  let last = await transform()
  await expect
    .poll(
      async () => {
        const now = await transform()
        const settled = now === last
        last = now
        return settled
      },
      { intervals: [100] },
    )
    .toBe(true)
}

/** Waits until every change made here is held by the relay: connected, and nothing unsynced (in any interface language). */
export async function allSaved(page: Page) {
  const status = page.getByTestId('connection')
  await expect(status).toHaveClass(/connection-connected/)
  await expect(status).toHaveAttribute('data-unsynced', '0')
}

/** Drag with real pointer events, in small steps so React Flow sees a drag. */
export async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 15 })
  await page.mouse.up()
}

export async function center(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox()
  expect(box).toBeTruthy()
  return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 }
}

/** Create a map from the home page and wait for its canvas. */
export async function createMapFromHome(page: Page, buttonName: string | RegExp) {
  await page.goto('/')
  await page.getByRole('button', { name: buttonName }).click()
  await page.waitForURL(/\/m\/|\/local\//)
  await expect(page.locator('.react-flow__node-stage').first()).toBeVisible()
}

/** Click an empty spot of a cell: its footer, below the cards, where the add hint sits. */
export async function clickCell(page: Page, stageId: string, personaId: string) {
  const cell = page.locator(`.react-flow__node[data-id="cell:${stageId}|${personaId}"]`)
  const box = await cell.boundingBox()
  expect(box).toBeTruthy()
  await cell.click({ position: { x: box!.width / 2, y: box!.height - 8 } })
}

/** Another participant: a fresh browser context opening `url` as `name`, connected and showing the grid. */
export async function openAs(browser: Browser, url: string, name: string, color: string, beforeOpen?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await setIdentity(page, name, color)
  await beforeOpen?.(page)
  await page.goto(url)
  // A stall bound: a page opens in a second or two, but a workshop test opens many at once, and
  // on a loaded 2-core machine one has taken more than the default 10 s.
  await expect(page.locator('.react-flow__node-stage').first()).toBeVisible({ timeout: 30_000 })
  // "Connected", or "Connected · view only" for a viewer link.
  await expect(page.getByTestId('connection')).toHaveText(/^Connected/)
  return page
}

/** Zoom in over an element with the mouse wheel until cards show their full detail (zoom ≥ 0.8). */
export async function zoomInOn(page: Page, selector: string) {
  const zoom = async () => Number(/scale\(([\d.]+)\)/.exec(await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform))?.[1])
  for (let i = 0; i < 30 && (await zoom()) < 0.8; i++) {
    const c = await center(page, selector)
    await page.mouse.move(c.x, c.y)
    const before = await zoom()
    await page.mouse.wheel(0, -100)
    await expect.poll(zoom).not.toBe(before)
  }
}

/** Add a touchpoint in the first stage × first persona cell, named inline, as a participant does. */
export async function addCardInFirstCell(page: Page, title: string) {
  const stageId = await nodeId(page, '.react-flow__node-stage')
  const personaId = await nodeId(page, '.react-flow__node-lane')
  await fitView(page)
  await clickCell(page, stageId, personaId)
  await page.keyboard.press('n')
  await page.getByLabel('Touchpoint title').fill(title)
  await page.keyboard.press('Enter')
  await expect(card(page, title)).toBeVisible()
}

/**
 * The link this page's map is open with, as a person would share it (`/m/<id>#token=T`): the
 * address itself no longer shows the token once the map has taken it into its storage.
 */
export async function linkOf(page: Page): Promise<string> {
  const url = new URL(page.url())
  const mapId = url.pathname.split('/').pop()!
  const token = await page.evaluate((id) => (JSON.parse(localStorage.getItem('journey:recent-maps') ?? '[]') as { id: string; token?: string }[]).find((m) => m.id === id)?.token, mapId)
  expect(token, 'the map keeps its link token in this browser').toBeTruthy()
  return `${url.origin}/m/${mapId}#token=${encodeURIComponent(token!)}`
}

/** The editor link from the share dialog, as a facilitator copies it to send to colleagues. */
export async function editorLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click()
  await expect(page.getByRole('textbox', { name: 'Editor link' })).toHaveValue(/#token=/)
  const url = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  return url
}
