import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { addCardInFirstCell, card, center, createMapFromHome, dragTo, fitView, nodeId, openAs, setIdentity, SHOTS } from './helpers'

const LANES = [
  ['evidence', 'Servicelampen lyser 🔧'],
  ['frontstage', 'Sentralbordet svarer – æøå'],
  ['backstage', 'Booking kan ikke ta service og dekkskift sammen'],
  ['support', 'Verkstedkapasitet: ledig tid om 10 dager'],
] as const

function item(page: Page, title: string) {
  return page.locator('.react-flow__node-blueprintItem').filter({ has: page.getByRole('heading', { name: title, exact: true }) })
}

async function shareLinks(page: Page) {
  await page.getByRole('button', { name: 'Share' }).click()
  const editor = page.getByRole('textbox', { name: 'Editor link' })
  await expect(editor).toHaveValue(/#token=/)
  const link = await editor.inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  return link
}

test('the service blueprint: an item in each lane, linked and moved, seen live by a colleague; each hides it on their own', async ({ page, browser }) => {
  await setIdentity(page, 'Frida Fasilitator', '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')

  // A new map has the four lanes, empty and collapsed, with the three lines labelled.
  for (const [lane] of LANES) await expect(page.getByTestId(`blueprint-lane-${lane}`)).toHaveClass(/is-collapsed/)
  await expect(page.getByTestId('blueprint-line-interaction')).toHaveText('Line of interaction')
  await expect(page.getByTestId('blueprint-line-visibility')).toHaveText('Line of visibility')
  await expect(page.getByTestId('blueprint-line-internal')).toHaveText('Line of internal interaction')

  const editorLink = await shareLinks(page)
  const editor = await openAs(browser, editorLink, 'Erik Ædel', '#b05cd6')

  await addCardInFirstCell(page, 'Ringer verkstedet')
  const [firstStage, secondStage] = await page.locator('.react-flow__node-stage').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')!))
  expect(secondStage).toBeTruthy()

  // An item in each lane of the first stage, by the keyboard path: select the cell, N, type, Enter; then link it.
  for (const [lane, title] of LANES) {
    await fitView(page)
    const cell = page.locator(`.react-flow__node[data-id="blueprint-cell:${firstStage}|${lane}"]`)
    await cell.click({ position: { x: 20, y: 10 } })
    await page.keyboard.press('n')
    const titleField = page.locator('.inspector').getByLabel('Title', { exact: true })
    await expect(titleField).toBeFocused()
    await titleField.fill(title)
    await titleField.press('Enter')
    await expect(item(page, title)).toBeVisible()
    await page.locator('.inspector').getByLabel('Link a touchpoint…').selectOption({ label: 'Ringer verkstedet' })
    await page.locator('.inspector').getByRole('button', { name: 'Link', exact: true }).click()
    await expect(page.getByTestId('blueprint-links')).toContainText('Ringer verkstedet')
  }
  await expect(page.getByTestId(`blueprint-lane-frontstage`)).not.toHaveClass(/is-collapsed/)

  // The link shows on the touchpoint too: a count on the card and the items in its inspector.
  await expect(card(page, 'Ringer verkstedet').getByTestId('blueprint-badge')).toContainText('4')
  await card(page, 'Ringer verkstedet').click()
  for (const [, title] of LANES) await expect(page.getByTestId('served-by')).toContainText(title)

  // Move the backstage item to the second stage by dragging it.
  await fitView(page)
  const backstage = LANES[2][1]
  const from = await center(page, `.react-flow__node-blueprintItem:has-text("${backstage}")`)
  const to = await center(page, `.react-flow__node[data-id="blueprint-cell:${secondStage}|backstage"]`)
  await dragTo(page, from, { x: to.x, y: from.y })
  const secondColumn = page.locator(`.react-flow__node-stage[data-id="${secondStage}"]`)
  const inColumn = async (p: Page, title: string, column = secondColumn) => {
    const [box, col] = [await item(p, title).boundingBox(), await column.boundingBox()]
    return box !== null && col !== null && box.x >= col.x - 1 && box.x + box.width <= col.x + col.width + 1
  }
  await expect.poll(() => inColumn(page, backstage)).toBe(true)
  await page.screenshot({ path: `${SHOTS}/blueprint-facilitator.png` })

  // The picture of the whole map carries the blueprint: taller than the journey alone, by the four lanes.
  await page.getByRole('button', { name: 'Export' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('menu').getByRole('menuitem', { name: 'PNG of whole map', exact: true }).click()
  const png = await download
  await png.saveAs(`${SHOTS}/blueprint-whole-map.png`)
  const bytes = readFileSync((await png.path())!)
  expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47])
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(bytes.readUInt32BE(16) * 0.8)

  // The colleague sees it all live: the four items, the link count, and the move.
  await fitView(editor)
  for (const [, title] of LANES) await expect(item(editor, title)).toBeVisible()
  await expect(card(editor, 'Ringer verkstedet').getByTestId('blueprint-badge')).toContainText('4')
  await expect.poll(() => inColumn(editor, backstage, editor.locator(`.react-flow__node-stage[data-id="${secondStage}"]`))).toBe(true)
  await item(editor, LANES[1][1]).click()
  await expect(editor.getByTestId('blueprint-links')).toContainText('Ringer verkstedet')

  // Hiding the blueprint is one person's view: the colleague's canvas drops it, the facilitator's keeps it.
  await editor.getByRole('button', { name: 'Service blueprint' }).click()
  await expect(editor.getByRole('button', { name: 'Service blueprint' })).toHaveAttribute('aria-pressed', 'false')
  await expect(editor.locator('.react-flow__node-blueprintItem')).toHaveCount(0)
  await expect(editor.getByTestId('blueprint-lane-support')).toHaveCount(0)
  await editor.screenshot({ path: `${SHOTS}/blueprint-hidden-for-editor.png` })
  await page.waitForTimeout(300)
  for (const [, title] of LANES) await expect(item(page, title)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Service blueprint' })).toHaveAttribute('aria-pressed', 'true')
  // The choice is remembered in that browser only.
  await editor.reload()
  await expect(editor.locator('.react-flow__node-stage').first()).toBeVisible()
  await expect(editor.getByTestId('blueprint-lane-support')).toHaveCount(0)
  expect(await nodeId(page, '.react-flow__node-blueprintItem')).toMatch(/^blueprint-item:/)
})

test('the department view dims what another department owns, and the PDF gets its page', async ({ page }) => {
  await setIdentity(page, 'Økonomi Øyvind', '#d4487a')
  await page.setViewportSize({ width: 1440, height: 900 })
  await createMapFromHome(page, /Karoline.*English/)
  await expect(page.locator('.react-flow__node-blueprintItem').first()).toBeVisible()
  await fitView(page)
  await page.screenshot({ path: `${SHOTS}/blueprint-karoline.png` })

  const picker = page.getByLabel('Department view')
  // Each department shows its unmet needs and pain points before anyone picks one.
  await expect(picker.locator('option', { hasText: /^Finance · \d+ unmet · \d+ pain$/ })).toHaveCount(1)
  await picker.selectOption({ label: (await picker.locator('option', { hasText: /^Finance/ }).textContent())! })
  await fitView(page)
  const node = (title: string) => page.locator(`.react-flow__node[aria-label$="${title}"]`)
  await expect(node('Invoicing by post a week after the visit')).not.toHaveClass(/is-dimmed/)
  await expect(node('A card terminal at the reception')).not.toHaveClass(/is-dimmed/)
  await expect(node('Workshop capacity: the first free slot is in 10 days')).toHaveClass(/is-dimmed/)
  await expect(page.locator('.react-flow__node-touchpoint.is-dimmed').first()).toBeVisible()
  const financeCards = page.locator('.react-flow__node-touchpoint:not(.is-dimmed)')
  await expect(financeCards).toHaveCount(2)
  await expect(page.getByTestId('department-summary')).toContainText('2 touchpoints, 3 blueprint items')
  await page.screenshot({ path: `${SHOTS}/department-view-finance.png` })

  // A page for Finance in the PDF, chosen in the export dialog.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByRole('menuitem', { name: 'PDF…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export PDF' })
  await dialog.getByRole('checkbox', { name: 'Finance' }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export PDF' }).click()
  const text = execFileSync('pdftotext', ['-raw', (await (await download).path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(text).toContain('Department: Finance')
  expect(text).not.toContain('Department: Workshop')
  for (const title of await page.locator('.react-flow__node-blueprintItem h3').allTextContents()) expect(text).toContain(title.replace(/…$/, ''))

  // Back to everyone's view.
  await picker.selectOption('')
  await expect(page.locator('.react-flow__node.is-dimmed')).toHaveCount(0)
})
