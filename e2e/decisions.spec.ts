import { expect, test, type Page } from '@playwright/test'
import { card, createMapFromHome, dragTo, openAs, setIdentity, SHOTS, viewportSettled } from './helpers'

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
  // The customer's side alone: with the template's service blueprint shown, the curve sits below
  // its four lanes, out of this viewport.
  await page.getByRole('button', { name: 'Service blueprint' }).click()
  await expect(page.locator('.react-flow__node-blueprintItem')).toHaveCount(0)
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

async function shareLink(page: Page, name: 'Editor link' | 'Viewer link'): Promise<string> {
  await page.getByRole('button', { name: 'Share' }).click()
  const box = page.getByRole('textbox', { name })
  await expect(box).toHaveValue(/#token=/)
  const url = await box.inputValue()
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  return url
}

test('the action plan takes up the top-voted pain point first, and starts actions for the top N in one undoable step', async ({ page, browser }) => {
  await openTemplate(page)
  const anne = await openAs(browser, await shareLink(page, 'Editor link'), 'Anne Ås', '#b05cd6')
  await page.getByRole('button', { name: 'Start voting' }).click()
  // The ten-day wait sits on a −1 card; without votes, pain points on −2 cards come first.
  const pain = 'A 10-day wait for the workshop'
  const onCard = card(anne, 'Gets a slot in 10 days').getByTestId('card-votes')
  for (let i = 0; i < 3; i++) await onCard.getByRole('button', { name: `Vote for ${pain}` }).click()
  await expect(anne.getByTestId('votes-left')).toHaveText('All your votes are placed')
  await expect(page.getByTestId('voters')).toHaveText('1 participant has voted')

  const plan = async () => {
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Action plan' }).click()
    return page.getByTestId('open-items').getByRole('listitem')
  }
  // While the round is hidden, its votes order nothing.
  let items = await plan()
  await expect(items.first()).not.toContainText(pain)
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Canvas' }).click()
  await page.getByRole('button', { name: 'End round and reveal results' }).click()
  items = await plan()
  await expect(items.first()).toContainText(pain)
  await expect(items.first()).toContainText('3 votes')
  await expect(page.getByText(/Most votes in the last revealed round first/)).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/decisions-action-plan-votes.png`, fullPage: true })

  const before = await items.count()
  const second = (await items.nth(1).locator('.open-text').textContent())!
  await page.getByRole('spinbutton', { name: 'How many from the top' }).fill('2')
  await page.getByRole('button', { name: 'Create actions for the top 2' }).click()
  await expect(page.getByRole('status').filter({ hasText: '2 actions created' })).toBeVisible()
  await expect(items).toHaveCount(before - 2)
  for (const title of [pain, second]) await expect(page.getByRole('region', { name: 'Actions by department' })).toContainText(title)
  // One undo takes both back.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(items).toHaveCount(before)
  await expect(items.first()).toContainText(pain)
})

test('a version’s preview lists every change, an emotion and a need status among them, counts what it lists, and a restore is told to everyone', async ({ page, browser }) => {
  await openTemplate(page)
  const anne = await openAs(browser, await shareLink(page, 'Editor link'), 'Anne Ås', '#b05cd6')
  const version = 'Før lunsj 🍽️'
  await page.getByRole('button', { name: 'Versions' }).click()
  await page.getByLabel('Version name').fill(version)
  await page.getByRole('button', { name: 'Save version' }).click()
  await expect(page.getByRole('button', { name: `Preview ${version}` })).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()

  // The emotion −1 → +1 and a need's status Partly met → Met: neither moves nor retitles a card.
  await card(page, 'Gets a slot in 10 days').click()
  await page.locator('.emotion-picker label').filter({ hasText: '+1' }).click()
  const need = 'Get a slot that suits her, before winter comes'
  await page.getByRole('combobox', { name: `Status of ${need}` }).selectOption({ label: 'Met' })
  // Anne has the card selected: her outline must not be drawn on the version.
  await card(anne, 'Gets a slot in 10 days').click()

  await page.getByRole('button', { name: 'Versions' }).click()
  await page.getByRole('button', { name: `Preview ${version}` }).click()
  const preview = page.getByLabel(`Preview of ${version}`)
  const changes = preview.getByTestId('version-change')
  await expect(changes.filter({ hasText: 'emotion −1 → +1' })).toHaveCount(1)
  await expect(changes.filter({ hasText: `“${need}”: status Partly met → Met` })).toHaveCount(1)
  await expect(preview.locator('.version-canvas .tp-card[style*="outline"]')).toHaveCount(0)
  const listed = await changes.count()
  await page.screenshot({ path: `${SHOTS}/decisions-version-diff.png` })
  await page.getByRole('button', { name: 'Restore this version…' }).click()
  await expect(page.getByRole('alertdialog')).toContainText(`${listed} ${listed === 1 ? 'change' : 'changes'} made since`)
  await page.getByRole('button', { name: 'Restore for everyone' }).click()

  await expect(anne.getByRole('alert').filter({ hasText: `Frida Fasilitator restored “${version}”` })).toBeVisible()
  await expect(anne.getByRole('alert').getByRole('button', { name: 'Undo' })).toHaveCount(0)
  const mine = page.getByTestId('restore-notice')
  await expect(mine).toContainText(`You restored “${version}” for everyone`)
  await expect(card(anne, 'Gets a slot in 10 days').getByText('-1', { exact: true })).toBeVisible()
  await anne.screenshot({ path: `${SHOTS}/decisions-restored-notice.png` })
  // The restorer's Undo takes the restore back, for everyone.
  await mine.getByRole('button', { name: 'Undo' }).click()
  await expect(card(anne, 'Gets a slot in 10 days').getByText('+1', { exact: true })).toBeVisible()
})

test('one rule for languages: on a Danish map in an English interface, the Legend is English and the versions the relay took read Danish', async ({ page }) => {
  await setIdentity(page, 'Analytiker Øster')
  await createMapFromHome(page, /Bilforsikring.*Dansk/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  // The interface's own words: the Legend, like the badges it explains.
  await page.getByRole('button', { name: 'Legend' }).click()
  await expect(page.getByRole('region', { name: 'What the marks on the map mean' })).toBeVisible()
  await page.getByRole('button', { name: 'Legend' }).click()
  // The map's content: the version the relay took at the session's start has a Danish name; why it
  // was taken is the interface's word.
  await page.getByRole('button', { name: 'Versions' }).click()
  const first = page.locator('.versions-list li').first()
  await expect(first).toContainText('Sessionens start')
  await expect(first).toContainText('session start')
  // Locking takes another, named in the map's language too.
  await page.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('button', { name: 'Lock map' }).click()
  await page.getByRole('button', { name: 'Versions' }).click()
  await expect(page.locator('.versions-list')).toContainText('Låst')
  await expect(page.locator('.versions-list')).not.toContainText('Locked')
})
