import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { card, clickCell, createMapFromHome, fitView, nodeId, setIdentity, SHOTS } from './helpers'

const TOUCHPOINT = 'Ringer verkstedet – ærlig talt 😅'
const PAIN = 'Verkstedet stenger kl. 17, så hun må vente – æøå'

test('an action created from a pain point shows on the board and in the exported plan', async ({ page }) => {
  await setIdentity(page, 'Fasilitator Ærø')
  await createMapFromHome(page, 'New empty map')

  // A card with a pain point.
  const stageId = await nodeId(page, '.react-flow__node-stage')
  const personaId = await nodeId(page, '.react-flow__node-lane')
  await fitView(page)
  await clickCell(page, stageId, personaId)
  await page.keyboard.press('n')
  const inline = page.getByLabel('Touchpoint title')
  await inline.fill(TOUCHPOINT)
  await inline.press('Enter')
  await expect(card(page, TOUCHPOINT)).toBeVisible()
  await page.getByLabel('Owner (department)').fill('Verksted')
  await page.getByLabel('Owner (department)').press('Enter')
  await page.getByLabel('New pain point').fill(PAIN)
  await page.getByRole('button', { name: 'Add pain point', exact: true }).click()

  // Evidence shows as a marker on the card.
  await page.getByLabel(`Evidence for ${PAIN}`).selectOption('observed')
  await expect(card(page, TOUCHPOINT).locator('.badge.evidence')).toContainText('✓1')

  // Create the action right there.
  await page.getByRole('button', { name: `Create action from ${PAIN}` }).click()
  await expect(page.locator('.inspector .in-plan')).toHaveText('✓ In action plan')

  // It is on the board, under the touchpoint's department, and says what it addresses.
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Action plan' }).click()
  await expect(page.getByRole('tab', { name: 'Action plan' })).toHaveAttribute('aria-selected', 'true')
  const action = page.getByRole('article', { name: PAIN })
  await expect(action).toBeVisible()
  await expect(page.getByRole('region', { name: 'Verksted' })).toContainText(PAIN)
  await expect(action.getByRole('list', { name: 'Addresses' })).toContainText(`Pain point ${PAIN}`)

  // Give it a target and a due date, then group by status.
  await action.getByRole('button', { name: `Edit ${PAIN}` }).click()
  await action.getByRole('textbox', { name: 'Target' }).fill('Åpent til kl. 20')
  await action.getByRole('textbox', { name: 'Target' }).press('Enter')
  await action.getByLabel('Due date').fill('2026-09-30')
  await action.getByRole('button', { name: 'Done' }).click()
  await action.getByLabel(`Status of ${PAIN}`).selectOption('in-progress')
  await page.getByRole('radio', { name: 'By status' }).check()
  await expect(page.getByRole('region', { name: 'In progress' })).toContainText(PAIN)
  await page.screenshot({ path: `${SHOTS}/actions-1-board.png` })

  // The CSV keeps æøå and the title, with a BOM and CRLF for spreadsheets.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export plan as CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/action plan\.csv$/)
  const csv = await readFile((await download.path())!, 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  expect(csv).toContain('\r\n')
  const row = csv.split('\r\n')[1]
  expect(row).toContain(PAIN)
  expect(row).toContain('Verksted,')
  expect(row).toContain('Åpent til kl. 20,2026-09-30,In progress')
  expect(row).toContain(TOUCHPOINT)

  // Back on the canvas the card and its pain point are as they were.
  await page.getByRole('tab', { name: 'Canvas' }).click()
  await expect(card(page, TOUCHPOINT)).toBeVisible()
})

test('the insight, action plan and promise views of a template read well', async ({ page }) => {
  await setIdentity(page, 'Analytiker Øster')
  await createMapFromHome(page, /Bilforsikring.*Dansk/)

  // Canvas: the metrics section in the inspector.
  await fitView(page)
  await card(page, 'Ringer skadeafdelingen efter uheldet').click()
  await page.getByRole('heading', { name: 'Metrics' }).scrollIntoViewIfNeeded()
  await expect(page.getByLabel('NPS actual')).toHaveValue('-35')
  await page.screenshot({ path: `${SHOTS}/actions-2-metrics.png` })

  // Insights, section by section.
  const tabs = page.getByRole('tablist', { name: 'Views' })
  await tabs.getByRole('tab', { name: 'Insights' }).click()
  await expect(page.getByRole('img', { name: 'Emotion curves of every persona' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/actions-3-insights-top.png` })
  for (const [section, name] of [
    ['insight-heat', 'heat'],
    ['insight-gaps', 'gaps'],
    ['insight-matrix', 'matrix'],
    ['insight-scorecard', 'scorecard'],
  ] as const) {
    await page.locator(`#${section}`).scrollIntoViewIfNeeded()
    await page.locator(`#${section}`).screenshot({ path: `${SHOTS}/actions-4-${name}.png` })
  }
  await expect(page.locator('#insight-heat table')).toContainText('Mette, 42')
  await expect(page.locator('#insight-gaps tr.is-gap').first()).toBeVisible()
  await expect(page.locator('#insight-scorecard tfoot')).toContainText('Whole journey')

  // Keyboard: arrows move between tabs.
  await tabs.getByRole('tab', { name: 'Insights' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(tabs.getByRole('tab', { name: 'Action plan' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('region', { name: 'Skadeafdeling' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/actions-5-plan.png`, fullPage: true })

  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('article', { name: /Promise 1: Du skal altid føle dig tryg/ })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/actions-6-promises.png`, fullPage: true })
})

test('a map duplicated as its to-be is compared with its as-is, both ways', async ({ page }) => {
  await setIdentity(page, 'Fasilitator Åse')
  await createMapFromHome(page, /Karolines bilservice \(Norsk\)/)
  const asIsUrl = page.url()

  await page.getByRole('tab', { name: 'Insights' }).click()
  await page.getByRole('button', { name: 'Duplicate as to-be' }).click()
  const compare = page.locator('#insight-compare')
  await expect(compare.getByRole('img', { name: 'Emotion curves, as-is against to-be' })).toBeVisible()
  await expect(compare).toContainText('This map is the as-is journey.')

  // In the to-be, the booking stage gets better.
  await compare.getByRole('link', { name: 'Open the to-be map' }).click()
  await expect(page.locator('.react-flow__node-stage').first()).toBeVisible()
  await expect(page.getByRole('textbox', { name: /title/i }).first()).toHaveValue(/– to-be$/)
  await fitView(page)
  await card(page, 'Får time om 10 dager').click()
  await page.getByRole('radio', { name: '+2 Very positive' }).check()
  await page.getByRole('tab', { name: 'Insights' }).click()
  await expect(compare).toContainText('This map is the to-be journey.')
  const chart = compare.getByRole('img', { name: 'Emotion curves, as-is against to-be' })
  await expect(chart).toBeVisible()
  // Its accessible table tells the two curves apart at the booking stage.
  const table = compare.locator('table')
  await expect(table.getByRole('row', { name: /Karoline \(as-is\)/ })).toContainText('−1')
  await expect(table.getByRole('row', { name: /Karoline \(to-be\)/ })).toContainText('+2')
  await compare.screenshot({ path: `${SHOTS}/actions-7-as-is-to-be.png` })

  // And the as-is knows its to-be.
  await page.goto(asIsUrl)
  await page.getByRole('tab', { name: 'Insights' }).click()
  await expect(compare.getByRole('link', { name: 'Open the to-be map' })).toBeVisible()
  await expect(compare.locator('table').getByRole('row', { name: /Karoline \(to-be\)/ })).toContainText('+2')
})
