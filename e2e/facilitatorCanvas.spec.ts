import { expect, test, type Page } from '@playwright/test'
import { card, createMapFromHome, openAs, setIdentity, SHOTS } from './helpers'

/**
 * The canvas as a facilitator projects it: readable at the opening view and fitted whole, lane
 * names pinned while panning, votes placed on the cards and seen on every screen, and viewers
 * voting only when the round lets them (the relay's side of that is server/relay/viewerVotes.test.ts).
 */

const zoomOf = async (page: Page) => {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 'NaN')
}

/** The on-screen font size (CSS px) of every card title inside the canvas's visible area. */
async function visibleTitleSizes(page: Page): Promise<{ title: string; px: number }[]> {
  const zoom = await zoomOf(page)
  return page.locator('.react-flow').evaluate((flow, z) => {
    const bounds = flow.getBoundingClientRect()
    return [...flow.querySelectorAll<HTMLElement>('.react-flow__node-touchpoint .tp-title')]
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.left >= bounds.left && r.right <= bounds.right && r.top >= bounds.top && r.bottom <= bounds.bottom
      })
      .map((el) => ({ title: el.textContent ?? '', px: parseFloat(getComputedStyle(el).fontSize) * z }))
  }, zoom)
}

async function openTemplate(page: Page) {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, /Karoline's car service \(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await expect(card(page, 'Gets a slot in 10 days')).toBeVisible()
}

async function shareLink(page: Page, name: 'Editor link' | 'Viewer link'): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click()
  const box = page.getByRole('textbox', { name })
  await expect(box).toHaveValue(/#token=/)
  const url = await box.inputValue()
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  return url
}

test('the opening view and the whole map fitted show card titles at 11 px or more', async ({ page }) => {
  await openTemplate(page)
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(0.85)
  const opening = await visibleTitleSizes(page)
  expect(opening.length).toBeGreaterThanOrEqual(5)
  for (const { title, px } of opening) expect(px, title).toBeGreaterThanOrEqual(11)
  // The opening view starts the journey: the first stage is on screen.
  await expect(card(page, 'The service light comes on')).toBeInViewport()

  await page.getByRole('button', { name: 'Fit View' }).click()
  await expect.poll(() => zoomOf(page)).toBeLessThan(0.6)
  await expect(card(page, 'Logs in to the dealer’s app').locator('.tp-card.lod-2')).toBeVisible()
  const fitted = await visibleTitleSizes(page)
  expect(fitted.length).toBe(await page.locator('.react-flow__node-touchpoint').count())
  for (const { title, px } of fitted) expect(px, title).toBeGreaterThanOrEqual(11)
  // Emotion stays readable at far zoom: each scored card shows its face and score.
  await expect(card(page, 'The workshop is closed').getByRole('img', { name: /−2|-2/ })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/canvas-fitted.png` })
})

test('lane names and curve labels stay on screen after panning 2,000 px right', async ({ page }) => {
  await openTemplate(page)
  // The customer's side alone: with the template's service blueprint shown, the curves sit
  // below its four lanes, out of this viewport (e2e/blueprint.spec.ts covers the lanes).
  await page.getByRole('button', { name: 'Service blueprint' }).click()
  await expect(page.locator('.react-flow__node-blueprintItem')).toHaveCount(0)
  await page.getByRole('button', { name: 'Add persona' }).click()
  await expect(page.locator('.react-flow__node-lane')).toHaveCount(2)
  const lanes = page.getByTestId('pinned-lane')
  await expect(lanes.first()).toBeHidden() // nothing is pinned while the map's own headers show
  const names = await page.locator('.react-flow__node-lane .lane-name').allTextContents()
  expect(names).toHaveLength(2)

  const pane = (await page.locator('.react-flow__pane').boundingBox())!
  // Four drags of 500 px from an empty spot under the curves (clear of the minimap).
  const before = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e)
  for (let i = 0; i < 4; i++) {
    await page.mouse.move(pane.x + 700, pane.y + pane.height - 30)
    await page.mouse.down()
    await page.mouse.move(pane.x + 200, pane.y + pane.height - 30, { steps: 10 })
    await page.mouse.up()
  }
  const after = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e)
  expect(before - after).toBeCloseTo(2000, -1)
  // The map's own lane headers are now far to the left, off screen (React Flow no longer draws them)…
  await expect.poll(async () => {
    const header = await page.locator('.react-flow__node-lane').first().boundingBox({ timeout: 500 }).catch(() => null)
    return header === null || header.x + header.width < pane.x
  }).toBe(true)
  // …and the pinned ones name both lanes and both curves, inside the canvas.
  await expect(lanes).toHaveCount(2)
  for (let i = 0; i < 2; i++) {
    await expect(lanes.nth(i)).toBeVisible()
    const box = (await lanes.nth(i).boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(pane.x - 1)
    expect(box.x + box.width).toBeLessThan(pane.x + pane.width)
  }
  await expect(lanes.nth(0)).toContainText('Karoline')
  await expect(lanes.nth(1)).toContainText(names[1])
  await expect(page.locator('.pinned-curve').filter({ hasText: 'Karoline' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/canvas-panned-2000.png` })
})

test('a vote placed on a card shows on every screen', async ({ page, browser }) => {
  await openTemplate(page)
  const editorUrl = await shareLink(page, 'Editor link')
  const anne = await openAs(browser, editorUrl, 'Anne Ås', '#b05cd6')
  const bjorn = await openAs(browser, editorUrl, 'Bjørn Bø', '#d9a400')
  await page.getByRole('button', { name: 'Start voting' }).click()

  const pain = 'A 10-day wait for the workshop'
  const onCard = (p: Page) => card(p, 'Gets a slot in 10 days').getByTestId('card-votes')
  await expect(onCard(anne)).toContainText(pain)
  await onCard(anne).getByRole('button', { name: `Vote for ${pain}` }).click()
  await expect(onCard(anne).getByRole('img', { name: 'You placed 1 vote' })).toBeVisible()
  await expect(anne.getByTestId('votes-left')).toHaveText('2 of 3 votes left')
  // From the keyboard too: Enter on the card's + and − (the card is selected, and Enter does not rename it).
  await onCard(anne).getByRole('button', { name: `Vote for ${pain}` }).focus()
  await anne.keyboard.press('Enter')
  await expect(anne.getByTestId('votes-left')).toHaveText('1 of 3 votes left')
  await onCard(anne).getByRole('button', { name: `Remove a vote from ${pain}` }).focus()
  await anne.keyboard.press('Enter')
  await expect(anne.getByTestId('votes-left')).toHaveText('2 of 3 votes left')
  await expect(anne.getByLabel('Touchpoint title')).toHaveCount(0)
  await expect(page.getByTestId('voters')).toHaveText('1 participant has voted')
  // Hidden from the others until the round ends.
  await expect(onCard(bjorn).getByRole('img', { name: 'You placed 0 votes' })).toHaveText('')

  await page.getByRole('button', { name: 'End round and reveal results' }).click()
  for (const p of [page, anne, bjorn]) await expect(onCard(p).getByRole('img', { name: '1 vote', exact: true })).toBeVisible()
  await bjorn.screenshot({ path: `${SHOTS}/canvas-vote-on-card.png` })
  await page.getByRole('button', { name: 'Dismiss results' }).click()
  for (const p of [page, anne, bjorn]) await expect(onCard(p)).toHaveCount(0)
})

test('a viewer votes when the round lets viewers vote, and cannot otherwise', async ({ page, browser }) => {
  await openTemplate(page)
  const viewerUrl = await shareLink(page, 'Viewer link')
  const vera = await openAs(browser, viewerUrl, 'Vera Viewer', '#4f7cff')
  await expect(vera.getByTestId('connection')).toHaveText(/view only/)
  const pain = 'A 10-day wait for the workshop'
  const onCard = (p: Page) => card(p, 'Gets a slot in 10 days').getByTestId('card-votes')

  // A round for editors only: the viewer watches.
  await page.getByRole('button', { name: 'Start voting' }).click()
  await expect(onCard(vera)).toContainText(pain)
  await expect(vera.getByRole('button', { name: `Vote for ${pain}` })).toHaveCount(0)
  await expect(vera.getByTestId('votes-left')).toHaveCount(0)
  await page.getByRole('button', { name: 'End round and reveal results' }).click()
  await page.getByRole('button', { name: 'Dismiss results' }).click()

  // A round open to viewers: the viewer votes on the card, the relay takes it, everyone sees it.
  await page.getByRole('checkbox', { name: 'Viewers vote too' }).check()
  await page.getByRole('button', { name: 'Start voting' }).click()
  await expect(vera.getByText('Viewers vote in this round.')).toBeVisible()
  await onCard(vera).getByRole('button', { name: `Vote for ${pain}` }).click()
  await expect(vera.getByTestId('votes-left')).toHaveText('2 of 3 votes left')
  await expect(page.getByTestId('voters')).toHaveText('1 participant has voted')
  await page.getByRole('button', { name: 'End round and reveal results' }).click()
  await expect(onCard(page).getByRole('img', { name: '1 vote', exact: true })).toBeVisible()
  // Stored by the relay: a participant who opens the map now reads the same tally.
  const editorUrl = await shareLink(page, 'Editor link')
  const late = await openAs(browser, editorUrl, 'Sen Ankomst', '#d9a400')
  await expect(onCard(late).getByRole('img', { name: '1 vote', exact: true })).toBeVisible()
  // Once closed, the viewer has no control left.
  await expect(vera.getByRole('button', { name: `Vote for ${pain}` })).toHaveCount(0)
})

/** Pixels of `rgb` (±16 a channel) in a PNG within `box` (PNG pixels), counted by the browser itself. */
async function pixelsOfColour(page: Page, png: Buffer, box: { x: number; y: number; width: number; height: number }, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(
    async ({ data, box, rgb }) => {
      const img = new Image()
      img.src = `data:image/png;base64,${data}`
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.width
      canvas.height = img.height
      const c = canvas.getContext('2d')!
      c.drawImage(img, 0, 0)
      const { data: px } = c.getImageData(Math.max(0, Math.floor(box.x)), Math.max(0, Math.floor(box.y)), Math.ceil(box.width), Math.ceil(box.height))
      let n = 0
      for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - rgb[0]) <= 16 && Math.abs(px[i + 1] - rgb[1]) <= 16 && Math.abs(px[i + 2] - rgb[2]) <= 16) n++
      return n
    },
    { data: png.toString('base64'), box, rgb },
  )
}

test('the PNG of the current view leaves out colleagues’ cursors and selection outlines', async ({ page, browser }) => {
  await openTemplate(page)
  const editorUrl = await shareLink(page, 'Editor link')
  const anne = await openAs(browser, editorUrl, 'Anne Ås', '#b05cd6')
  const anneColour: [number, number, number] = [0xb0, 0x5c, 0xd6]
  // Anne selects a card and rests her pointer on the map: the facilitator sees both.
  await card(anne, 'Calls the switchboard').click()
  const annePane = (await anne.locator('.react-flow__pane').boundingBox())!
  await anne.mouse.move(annePane.x + 420, annePane.y + 520)
  const cursor = page.getByTestId('peer-cursor')
  // Both screens show the same view: Anne's cursor settles where her pointer rests.
  const pagePane = (await page.locator('.react-flow__pane').boundingBox())!
  await expect
    .poll(async () => {
      const b = await cursor.boundingBox()
      return b !== null && Math.abs(b.x - (pagePane.x + 420)) < 6 && Math.abs(b.y - (pagePane.y + 520)) < 6
    })
    .toBe(true)
  await expect(card(page, 'Calls the switchboard').locator('.tp-card')).toHaveCSS('outline-color', 'rgb(176, 92, 214)')

  const flow = (await page.locator('.react-flow').boundingBox())!
  const around = async () => {
    const c = (await cursor.boundingBox())!
    const k = (await card(page, 'Calls the switchboard').boundingBox())!
    return [
      { x: c.x - flow.x - 4, y: c.y - flow.y - 4, width: c.width + 8, height: c.height + 8 },
      { x: k.x - flow.x - 6, y: k.y - flow.y - 6, width: k.width + 12, height: k.height + 12 },
    ]
  }
  const [cursorBox, cardBox] = await around()
  // On screen, Anne's colour is there (so the count below can fail)…
  const screen = await page.locator('.react-flow').screenshot()
  expect(await pixelsOfColour(page, screen, cursorBox, anneColour)).toBeGreaterThan(30)
  expect(await pixelsOfColour(page, screen, cardBox, anneColour)).toBeGreaterThan(30)

  // …and in the exported picture of the same view, it is not.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('menu').getByRole('menuitem', { name: 'PNG of current view', exact: true }).click()
  const file = await (await download).path()
  const png = (await import('node:fs')).readFileSync(file)
  expect(await pixelsOfColour(page, png, cursorBox, anneColour)).toBe(0)
  expect(await pixelsOfColour(page, png, cardBox, anneColour)).toBe(0)
})
