import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { surveySheet } from '../src/test/surveySheets'
import { getTemplate } from '../src/templates'
import { createMapFromHome, fitView, setIdentity, SHOTS, zoomInOn } from './helpers'

/**
 * Customer feedback as an analyst uses it: paste a 500-row survey sheet, map its columns, link a
 * value the map does not know, see the touchpoints' NPS with n, the assumed and measured curves,
 * pin a comment as a quote, and find the quote and the figures in the PDF.
 */
test('paste a survey, map it, read measured figures and curves, pin a quote, find it in the PDF', async ({ page }) => {
  test.setTimeout(180_000)
  mkdirSync(SHOTS, { recursive: true })
  await setIdentity(page, 'Åsa Analytiker')
  await createMapFromHome(page, /Karoline.*English/)

  // The sheet speaks of touchpoints by title, plus a value the map has no card for.
  const template = getTemplate('karoline-car-service-en')!.build()
  const withPain = Object.values(template.touchpoints).filter((tp) => Object.values(template.annotations).some((a) => a.targetId === tp.id && a.kind === 'pain-point'))
  const titles = withPain.slice(0, 4).map((tp) => tp.title)
  const unknown = 'Reception desk ☕'
  const sheet = surveySheet({ rows: 500, targets: [...titles, unknown], seed: 11 })
  expect(sheet.split('\n')).toHaveLength(501)

  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Insights' }).click()
  await page.getByRole('button', { name: 'Import feedback…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import customer feedback' })
  await dialog.getByLabel('Paste from a spreadsheet').fill(sheet)
  await dialog.getByLabel('Name of the data set').fill('Spring survey — æøå 🚗')

  // Map the columns by hand (the guess already has them; choosing proves the controls work).
  await dialog.getByRole('combobox', { name: 'Score', exact: true }).selectOption({ label: 'Score' })
  await dialog.getByRole('combobox', { name: 'Metric (NPS, CES or CSAT)' }).selectOption({ label: 'Metric' })
  await dialog.getByRole('combobox', { name: 'Stage or touchpoint', exact: true }).selectOption({ label: 'Touchpoint' })

  // The unknown value's rows are skipped, and say why, until it is linked.
  const counts = dialog.getByTestId('feedback-counts')
  await expect(counts).not.toContainText('500 responses will be imported')
  await dialog.getByText(/Skipped rows/).click()
  await expect(dialog.getByText('Value not linked to the map')).toBeVisible()
  const stageOption = await dialog.getByRole('combobox', { name: `Stage or touchpoint for “${unknown}”` }).locator('option').nth(1).textContent()
  await dialog.getByRole('combobox', { name: `Stage or touchpoint for “${unknown}”` }).selectOption({ index: 1 })
  await expect(counts).toContainText('500 responses will be imported')
  await page.screenshot({ path: `${SHOTS}/feedback-import-dialog.png`, fullPage: false })
  await dialog.getByRole('button', { name: 'Import 500 responses' }).click()
  await expect(dialog).toBeHidden()

  // Measured: the data set, its size; each touchpoint's NPS with its n.
  await expect(page.getByTestId('feedback-set-line')).toContainText('Spring survey — æøå 🚗')
  await expect(page.getByTestId('feedback-set-line')).toContainText('500 responses')
  const firstRow = page.locator('.measured-table tr.touchpoint-row').filter({ hasText: titles[0] })
  await expect(firstRow.locator('td').first()).toContainText(/[−+]?\d+ \[.+\] n = \d+/)
  await expect(page.locator('.measured-table tr.stage-row').filter({ hasText: stageOption!.trim() })).toBeVisible()

  // Both curves for the persona, and where they disagree.
  const pair = page.getByTestId('curve-pair').first()
  await expect(pair.locator('.chart-legend')).toContainText('Assumed (team)')
  await expect(pair.locator('.chart-legend')).toContainText('Measured (customers)')
  await expect(pair.locator('polyline')).toHaveCount(2)
  await expect(page.getByTestId('disagreements').locator('li').first()).toBeVisible()

  // What customers keep saying: a term, the comments behind it, one pinned as a quote.
  const terms = page.locator('.term-list .term')
  await terms.first().click()
  const comment = page.getByTestId('feedback-comments').locator('.feedback-comment').filter({ has: page.locator('.pin-row') }).first()
  const quoteText = (await comment.locator('blockquote').textContent())!.trim()
  expect(quoteText.length).toBeGreaterThan(3)
  const pinTo = comment.getByRole('combobox', { name: 'Pin as quote to…' })
  await pinTo.selectOption({ index: 1 })
  await comment.getByRole('button', { name: 'Pin' }).click()
  await expect(page.locator('.pinned-quotes')).toContainText(quoteText)
  for (const [part, id] of [['measured', 'feedback-measured'], ['curves', 'feedback-curves'], ['periods', 'feedback-periods'], ['terms', 'feedback-terms']]) {
    await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.screenshot({ path: `${SHOTS}/feedback-insights-${part}.png` })
  }

  // The scorecard reads the measured figures.
  await expect(page.locator('#insight-scorecard .score-table')).toBeVisible()

  // On the canvas: the card is marked measured, with n, and carries the quote.
  await page.getByRole('tab', { name: 'Canvas' }).click()
  // Zoomed out, a tile shows the figure; zoomed in, the card says measured, with its n.
  await fitView(page)
  await expect(page.getByTestId('measured-mark').first()).toContainText(/NPS|CES|CSAT/)
  await page.screenshot({ path: `${SHOTS}/feedback-canvas-compact.png` })
  await zoomInOn(page, '.react-flow__node-touchpoint')
  const measuredCard = page.locator('.react-flow__node-touchpoint').filter({ has: page.getByTestId('measured-badge') }).first()
  await expect(measuredCard.getByTestId('measured-badge')).toContainText(/n = \d+/)
  await page.screenshot({ path: `${SHOTS}/feedback-canvas.png` })
  // The inspector says what was measured there, with interval and n, above the typed figures.
  await measuredCard.click()
  await expect(page.getByTestId('measured-note')).toContainText(/NPS [−+]?\d+ \[.+\] n = \d+/)
  await page.screenshot({ path: `${SHOTS}/feedback-inspector.png` })
  await expect(page.getByTestId('quote-badge').first()).toHaveAttribute('title', `“${quoteText}”`)

  // The PDF: a measured-metrics page with n and intervals, and the quote.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByRole('menuitem', { name: 'PDF…' }).click()
  const pdfDialog = page.getByRole('dialog', { name: 'Export PDF' })
  const download = page.waitForEvent('download')
  await pdfDialog.getByRole('button', { name: 'Export PDF' }).click()
  const pdfPath = await (await download).path()
  const text = execFileSync('pdftotext', ['-raw', pdfPath!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(text).toContain('Measured: customer feedback')
  expect(text).toContain('500 responses')
  expect(text).toMatch(/n = \d+/)
  expect(text).toContain('Assumed (team)')
  expect(text).toContain('Pinned quotes')
  // The quote as printed (an emoji prints as the font's placeholder).
  const printable = quoteText.replace(/\p{Extended_Pictographic}/gu, '').trim()
  expect(text).toContain(printable)

  // A link can be changed after the import: unlinked, the value's responses leave the stage.
  await page.getByRole('tab', { name: 'Insights' }).click()
  const stageRow = page.locator('.measured-table tr.stage-row').filter({ hasText: stageOption!.trim() })
  await expect(stageRow).toBeVisible()
  await page.getByText(/What each value means on the map/).click()
  await page.locator('.feedback-value-links').getByRole('combobox', { name: `Stage or touchpoint for “${unknown}”` }).selectOption('')
  await expect(stageRow).toHaveCount(0)
})

test('a viewer sees the figures and the pinned quotes, never the comments', async ({ page, browser, request }) => {
  test.setTimeout(120_000)
  const created = await (await request.post('/api/maps', { data: { title: 'Viewer check', template: 'karoline-car-service-en' } })).json()
  const template = getTemplate('karoline-car-service-en')!.build()
  const title = Object.values(template.touchpoints)[0].title
  const sheet = ['Date\tMetric\tScore\tComment\tTouchpoint', ...Array.from({ length: 40 }, (_, i) => `2026-03-01\tNPS\t${i % 11}\tHemmelig kommentar ${i}\t${title}`)].join('\n')
  await setIdentity(page, 'Fie Facilitator')
  await page.goto(`/m/${created.id}#token=${encodeURIComponent(created.facilitatorToken)}`)
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Insights' }).click()
  await page.getByRole('button', { name: 'Import feedback…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import customer feedback' })
  await dialog.getByLabel('Paste from a spreadsheet').fill(sheet)
  await dialog.getByRole('button', { name: 'Import 40 responses' }).click()
  await expect(page.getByTestId('feedback-set-line')).toContainText('40 responses')

  const viewer = await browser.newPage()
  await setIdentity(viewer, 'Viggo Viewer')
  const seen: string[] = []
  viewer.on('response', async (res) => {
    if (res.url().includes('/feedback/')) seen.push(await res.text())
  })
  await viewer.goto(`/m/${created.id}#token=${encodeURIComponent(created.viewerToken)}`)
  await viewer.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Insights' }).click()
  await expect(viewer.getByTestId('feedback-set-line')).toContainText('figures only')
  await expect(viewer.locator('.measured-table tr.touchpoint-row').first()).toContainText('n = 40')
  await expect(viewer.getByText('Comments are shown to facilitators and editors; here are the quotes they pinned.')).toBeVisible()
  await expect(viewer.getByRole('button', { name: 'Import feedback…' })).toHaveCount(0)
  await expect(viewer.getByText('Hemmelig kommentar')).toHaveCount(0)
  expect(seen.length).toBeGreaterThan(0)
  for (const body of seen) expect(body).not.toContain('Hemmelig')
  await viewer.close()

  // An undone import leaves the responses on the server without a place on the map: listed, and deleted for good.
  await page.locator('body').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('Control+z')
  const orphans = page.getByTestId('feedback-orphans')
  await expect(orphans).toContainText('40 responses')
  page.once('dialog', (d) => void d.accept())
  await orphans.getByRole('button', { name: 'Delete data set' }).click()
  await expect(orphans).toBeHidden()
  const left = await (await request.get(`/api/maps/${created.id}/feedback`, { headers: { authorization: `Bearer ${created.editorToken}` } })).json()
  expect(left.sets).toEqual([])
})
