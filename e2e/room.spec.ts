/**
 * Room view, for the projector: the map alone, fitted, with type readable from the back of the
 * room, a large timer and the voting progress in a corner; Escape returns.
 */
import { expect, test } from '@playwright/test'
import { createMapFromHome, openAs, setIdentity, SHOTS } from './helpers'

test.use({ viewport: { width: 1920, height: 1080 } })

test('room view fits the Karoline map with titles ≥ 20 px and stage names ≥ 18 px, shows the timer and who has voted, and Esc returns', async ({ page, browser }) => {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, /Karolines bilservice \(Norsk\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  const anne = await openAs(browser, editorUrl, 'Anne Ås', '#b05cd6')
  await page.getByRole('button', { name: 'Start timer' }).click()
  await page.getByRole('button', { name: 'Start voting' }).click()

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('r')
  await expect(page.locator('.toolbar')).toHaveCount(0)
  await expect(page.getByRole('toolbar', { name: 'Workshop controls' })).toHaveCount(0)
  await expect(page.getByRole('tablist')).toHaveCount(0)
  await expect(page.locator('.inspector')).toHaveCount(0)
  const corner = page.getByRole('complementary', { name: 'Room view: timer and voting' })
  await expect(corner.getByTestId('timer')).toBeVisible()
  await expect(corner.getByTestId('room-voted')).toHaveText('0 of 2 have voted')

  // Let the fit settle, then measure what a person at the back sees: font size × zoom.
  const sizes = async () =>
    page.evaluate(() => {
      const zoom = Number(/scale\(([\d.]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform)![1])
      const px = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom)
      const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node-touchpoint')].map((el) => el.getBoundingClientRect())
      const offScreen = cards.filter((r) => r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight).length
      return { titles: px('.tp-card .tp-title'), stages: px('.stage-header'), cards: cards.length, offScreen }
    })
  await expect.poll(async () => Math.min(...(await sizes()).titles)).toBeGreaterThanOrEqual(20)
  const measured = await sizes()
  expect(measured.cards).toBeGreaterThan(10)
  expect(measured.titles.length).toBe(measured.cards)
  expect(Math.min(...measured.titles)).toBeGreaterThanOrEqual(20)
  expect(measured.stages.length).toBeGreaterThan(3)
  expect(Math.min(...measured.stages)).toBeGreaterThanOrEqual(18)
  // The whole map is on the screen.
  expect(measured.offScreen).toBe(0)

  // A participant votes; the corner counts it.
  const first = anne.locator('.voting-panel').getByRole('button', { name: /^Vote for / }).first()
  await first.click()
  await expect(corner.getByTestId('room-voted')).toHaveText('1 of 2 have voted')
  await page.screenshot({ path: `${SHOTS}/room-view.png` })

  await page.keyboard.press('Escape')
  await expect(page.locator('.toolbar')).toBeVisible()
  await expect(page.getByRole('toolbar', { name: 'Workshop controls' })).toBeVisible()
  // The toolbar's button enters it too.
  await page.getByRole('button', { name: 'Room view' }).click()
  await expect(page.locator('.toolbar')).toHaveCount(0)
  await corner.getByRole('button', { name: 'Leave room view (Esc)' }).click()
  await expect(page.locator('.toolbar')).toBeVisible()
})
