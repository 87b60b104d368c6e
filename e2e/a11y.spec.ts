import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { card, createMapFromHome, setIdentity } from './helpers'

/**
 * Axe on every screen a workshop uses: no serious or critical violation. Each scan names the
 * screen, so a failure says where; the violations are printed with their nodes.
 */
async function expectNoSeriousViolations(page: Page, screen: string, include?: string) {
  // axe's default rule set: WCAG 2.0–2.2 A and AA and its best practices.
  let builder = new AxeBuilder({ page })
  if (include) builder = builder.include(include)
  const started = Date.now()
  const { violations } = await builder.analyze()
  console.log(`axe ${screen}: ${Date.now() - started} ms`)
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join('; ')}`).join('\n')}`)
  if (report.length > 0) console.log(`${screen}:\n${report.join('\n')}`)
  expect.soft(report, `${screen}:\n${report.join("\n")}`).toEqual([])
}

test('axe finds no serious or critical violation on home, canvas with inspector, views, dialogs and presentation', async ({ page }) => {
  test.setTimeout(120_000)
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await page.goto('/')
  await expect(page.getByRole('heading', { name: /Journey maps/ })).toBeVisible()
  await expectNoSeriousViolations(page, 'home')

  await createMapFromHome(page, /Karoline.*\(English\)/)
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await card(page, 'Cannot book service and tyre change together').click()
  await expect(page.locator('.inspector').getByRole('textbox', { name: 'Title' })).toHaveValue(/Cannot book service/)
  await expectNoSeriousViolations(page, 'canvas with the inspector open')

  for (const view of ['Insights', 'Action plan', 'Promises']) {
    await page.getByRole('tab', { name: view }).click()
    await expect(page.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true')
    await expectNoSeriousViolations(page, `the ${view} view`)
  }
  await page.getByRole('tab', { name: 'Canvas' }).click()

  await page.getByRole('button', { name: 'Share' }).click()
  await expect(page.getByRole('textbox', { name: 'Editor link' })).toHaveValue(/#token=/)
  await page.getByRole('checkbox', { name: /co-facilitator/ }).check()
  await expect(page.getByRole('textbox', { name: 'Facilitator link' })).toHaveValue(/#token=/)
  await expectNoSeriousViolations(page, 'share dialog')
  await page.getByRole('button', { name: 'Close', exact: true }).click()

  await page.getByRole('button', { name: 'Versions' }).click()
  await page.getByLabel('Version name').fill('Før workshoppen')
  await page.getByRole('button', { name: 'Save version' }).click()
  await expect(page.getByRole('button', { name: 'Preview Før workshoppen' })).toBeVisible()
  await expectNoSeriousViolations(page, 'versions dialog')
  await page.getByRole('button', { name: 'Preview Før workshoppen' }).click()
  await expect(page.getByRole('region', { name: 'Preview of Før workshoppen' })).toBeVisible()
  await page.getByRole('button', { name: 'Restore this version…' }).click()
  await expectNoSeriousViolations(page, 'version preview with the restore question')
  await page.getByRole('button', { name: 'Close', exact: true }).click()

  await page.getByRole('button', { name: 'Export' }).click()
  await expectNoSeriousViolations(page, 'export menu')
  await page.getByRole('menuitem', { name: /PDF/ }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectNoSeriousViolations(page, 'PDF dialog')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Present', exact: true }).click()
  await expectNoSeriousViolations(page, 'presentation title slide')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Booking in the app')
  await expectNoSeriousViolations(page, 'presentation stage slide')
})

test('axe: the name prompt a first-time participant sees', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'New empty map' }).click()
  await page.waitForURL(/\/m\//)
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectNoSeriousViolations(page, 'name dialog')
})

test('axe: the dialog listing why an import was refused', async ({ page }) => {
  await setIdentity(page, 'Importør Åse', '#2fa67a')
  await page.goto('/')
  await page.locator('input[type="file"]').first().setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'journey-map', schemaVersion: 1, meta: { title: 'Ødelagt' }, touchpoints: [{ id: 'touchpoint:x', emotion: 7 }] })),
  })
  await expect(page.getByRole('dialog', { name: 'Import failed' })).toBeVisible()
  await expectNoSeriousViolations(page, 'import errors dialog')
})
