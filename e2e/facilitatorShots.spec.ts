import { expect, test } from '@playwright/test'
import { createMapFromHome, openAs, setIdentity } from './helpers'

/**
 * The README's pictures of a workshop on the projector: the opening view of a template, the map
 * panned and fitted whole, the legend, and a voting round as a participant sees it.
 * `SHOTS_LABEL` names the set (before/after a change); without it the pictures go to the test
 * output only.
 */
const LABEL = process.env.SHOTS_LABEL
const shot = (name: string) => (LABEL ? `docs/screenshots/${name}-${LABEL}.png` : `test-results/screenshots/${name}.png`)

test('opening view, panned, fitted, legend and a voting round, as the room sees them', async ({ page, browser }) => {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, /Karoline's car service \(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await expect(page.locator('.react-flow__node-touchpoint').first()).toBeVisible()
  await page.waitForTimeout(500) // the opening viewport settles after the first frame
  await page.screenshot({ path: shot('canvas-opening') })

  const pane = await page.locator('.react-flow__pane').boundingBox()
  // From an empty spot under the curves, 700 px to the left and a little up.
  await page.mouse.move(pane!.x + 800, pane!.y + pane!.height - 40)
  await page.mouse.down()
  await page.mouse.move(pane!.x + 100, pane!.y + pane!.height - 100, { steps: 10 })
  await page.mouse.up()
  await page.waitForTimeout(300)
  await page.screenshot({ path: shot('canvas-panned') })

  await page.getByRole('button', { name: 'Fit View' }).click()
  await page.waitForTimeout(500)
  await page.screenshot({ path: shot('canvas-fit') })
  const legend = page.getByRole('button', { name: 'Legend' })
  if (await legend.count()) {
    await legend.click()
    await page.screenshot({ path: shot('canvas-legend') })
    await legend.click()
  }

  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  const anne = await openAs(browser, editorUrl, 'Anne Ås', '#b05cd6')
  await page.getByRole('button', { name: 'Start voting' }).click()
  await expect(anne.getByTestId('votes-left')).toBeVisible()
  const onCard = anne.getByTestId('card-votes').getByRole('button', { name: /^Vote for / })
  if (await onCard.count()) {
    await onCard.first().click()
    await onCard.first().click()
    await expect(anne.getByTestId('votes-left')).toHaveText('1 of 3 votes left')
  }
  await anne.waitForTimeout(500)
  await anne.screenshot({ path: shot('canvas-voting') })
  const end = page.getByRole('button', { name: 'End round and reveal results' })
  if (await end.count()) {
    await end.click()
    await expect(anne.getByText('Results, ranked by the votes that count:')).toBeVisible()
    await anne.waitForTimeout(300)
    await anne.screenshot({ path: shot('canvas-voting-revealed') })
  }
})
