import { expect, test } from '@playwright/test'
import { createMapFromHome, openAs, setIdentity } from './helpers'

/**
 * The README's pictures of a workshop on the projector: the opening view of a template and a
 * voting round as a participant sees it. `SHOTS_LABEL` names the pair (before/after a change);
 * without it the pictures go to the test output only.
 */
const LABEL = process.env.SHOTS_LABEL
const shot = (name: string) => (LABEL ? `docs/screenshots/${name}-${LABEL}.png` : `test-results/screenshots/${name}.png`)

test('opening view and a voting round, as the room sees them', async ({ page, browser }) => {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, /Karoline's car service \(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await expect(page.locator('.react-flow__node-touchpoint').first()).toBeVisible()
  await page.waitForTimeout(500) // the opening viewport settles after the first frame
  await page.screenshot({ path: shot('canvas-opening') })

  await page.getByRole('button', { name: 'Share' }).click()
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  const anne = await openAs(browser, editorUrl, 'Anne Ås', '#b05cd6')
  await page.getByRole('button', { name: 'Start voting' }).click()
  await expect(anne.getByTestId('votes-left')).toBeVisible()
  await anne.waitForTimeout(500)
  await anne.screenshot({ path: shot('canvas-voting') })
})
