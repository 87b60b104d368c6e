/**
 * The outline: the whole map as headings and lists, edited and voted on with the keyboard alone,
 * and axe-clean there, on a phone and in room view. "Skip to map" is every page's first Tab stop.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, openAs, setIdentity, SHOTS } from './helpers'

async function expectNoSeriousViolations(page: Page, screen: string) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
  expect(report, `${screen}:\n${report.join('\n')}`).toEqual([])
}

/** Press Tab until `target` has focus (at most `max` times): the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

test('with the keyboard alone a participant edits a touchpoint and votes in the outline; axe finds nothing serious there, on a phone or in room view', async ({ page, browser }) => {
  await setIdentity(page, 'Frida Fasilitator', '#1f6f50')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  await addCardInFirstCell(page, 'Betaler i kassen')
  await card(page, 'Betaler i kassen').click()
  await page.getByLabel('New pain point').fill('Kø ved kassen')
  await page.getByRole('button', { name: 'Add pain point', exact: true }).click()

  const anne = await openAs(browser, editorUrl, 'Anne Ås', '#3d55b8')
  // The first Tab stop skips to the map.
  await anne.keyboard.press('Tab')
  const skip = anne.getByRole('button', { name: 'Skip to map' })
  await expect(skip).toBeFocused()
  await anne.keyboard.press('Enter')
  await expect(anne.locator('.map-canvas .react-flow')).toBeFocused()

  // To the Outline tab, by Tab from the top, and the arrow key.
  await anne.keyboard.press('Shift+Tab')
  await tabTo(anne, anne.getByRole('tab', { name: 'Canvas' }))
  await anne.keyboard.press('ArrowRight')
  const outline = anne.getByRole('tab', { name: 'Outline' })
  await expect(outline).toHaveAttribute('aria-selected', 'true')
  const panel = anne.locator('.outline-view')
  await expect(panel.getByRole('heading', { level: 3, name: 'Before' })).toBeVisible()
  await expect(panel.getByRole('heading', { level: 4 }).first()).toBeVisible()
  await expect(panel.getByRole('heading', { level: 6, name: 'Betaler i kassen' })).toBeVisible()
  await expect(panel.getByRole('list').first()).toBeVisible()

  const title = panel.getByRole('textbox', { name: 'Title of Betaler i kassen' })
  await tabTo(anne, title)
  await anne.keyboard.press('ControlOrMeta+a')
  await anne.keyboard.type('Betaler ved skranken æøå 🧾')
  await anne.keyboard.press('Enter')
  await expect(card(page, 'Betaler ved skranken æøå 🧾')).toBeVisible()

  await page.getByRole('button', { name: 'Start voting' }).click()
  const vote = panel.getByRole('button', { name: 'Vote for Kø ved kassen' })
  await expect(vote).toBeVisible()
  await tabTo(anne, vote)
  await anne.keyboard.press('Enter')
  await expect(page.getByTestId('voters')).toHaveText('1 participant has voted')
  await anne.screenshot({ path: `${SHOTS}/outline.png` })
  await expectNoSeriousViolations(anne, 'outline')

  // The phone layout, with its sheet open.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const p = await phone.newPage()
  await setIdentity(p, 'Per Telefon', '#8a3c00')
  await p.goto(editorUrl)
  await card(p, 'Betaler ved skranken æøå 🧾').tap()
  await expect(p.getByRole('complementary', { name: 'Inspector' })).toBeVisible()
  await expectNoSeriousViolations(p, 'phone with sheet')

  // Room view.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('r')
  await expect(page.getByRole('complementary', { name: 'Room view: timer and voting' })).toBeVisible()
  await expectNoSeriousViolations(page, 'room view')
})
