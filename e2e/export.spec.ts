import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test, type Download, type Page } from '@playwright/test'
import { createMapFromHome, setIdentity, SHOTS } from './helpers'

/**
 * Every export a person can take from the map's toolbar, downloaded by real Chromium and checked
 * as the receiving program would: the PDF read back with pdftotext, PNGs by their header, the CSV
 * by its byte order mark, the JSON by importing it again from the home page.
 */

async function exportItem(page: Page, item: string): Promise<Download> {
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const menu = page.getByRole('menu')
  await expect(menu).toBeVisible()
  const download = page.waitForEvent('download')
  await menu.getByRole('menuitem', { name: item, exact: true }).click()
  return download
}

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path()
  expect(path).toBeTruthy()
  return readFileSync(path!)
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('the export menu downloads a PDF, both PNGs, a CSV and a JSON file that imports again', async ({ page }) => {
  await setIdentity(page, 'Eksportør Ærø')
  await createMapFromHome(page, /Karoline.*English/)
  const firstCard = page.locator('.react-flow__node-touchpoint').first()
  await expect(firstCard).toBeVisible()

  // The menu is a real menu: keyboard opens it, arrows move, Escape closes it.
  const exportButton = page.getByRole('button', { name: 'Export', exact: true })
  await exportButton.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'PDF…' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'PNG of current view' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toBeHidden()
  await expect(exportButton).toBeFocused()

  // PDF, through its options dialog.
  await exportButton.click()
  await page.getByRole('menuitem', { name: 'PDF…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export PDF' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('radio', { name: 'A3' }).check()
  await dialog.getByRole('radio', { name: 'Portrait' }).check()
  await dialog.getByRole('radio', { name: 'Scale to fit' }).check()
  await page.screenshot({ path: `${SHOTS}/export-pdf-dialog.png` })
  const pdfDownload = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export PDF' }).click()
  const pdf = await pdfDownload
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)
  const pdfPath = await pdf.path()
  expect(readFileSync(pdfPath!).subarray(0, 5).toString()).toBe('%PDF-')
  const text = execFileSync('pdftotext', ['-raw', pdfPath!, '-'], { encoding: 'utf8' })
  const cardTitle = (await firstCard.getAttribute('aria-label')) ?? ''
  expect(cardTitle).not.toBe('')
  expect(text.replace(/\s+/g, ' ')).toContain(cardTitle.replace(/\s+/g, ' '))
  expect(text).toContain('Summary')
  await expect(dialog).toBeHidden()

  // PNG of what is on screen, and of the whole map.
  const view = await exportItem(page, 'PNG of current view')
  expect(view.suggestedFilename()).toMatch(/\.png$/)
  await view.saveAs(`${SHOTS}/export-current-view.png`)
  const viewSize = pngSize(await bytesOf(view))
  expect(viewSize.width).toBeGreaterThan(200)
  const whole = await exportItem(page, 'PNG of whole map')
  expect(whole.suggestedFilename()).toMatch(/\.png$/)
  await whole.saveAs(`${SHOTS}/export-whole-map.png`)
  const wholeSize = pngSize(await bytesOf(whole))
  expect(wholeSize.width).toBeGreaterThan(1000)

  // CSV for spreadsheets: UTF-8 with a byte order mark, the card on a row.
  const csv = await exportItem(page, 'CSV')
  expect(csv.suggestedFilename()).toMatch(/\.csv$/)
  const csvBytes = await bytesOf(csv)
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const csvText = csvBytes.toString('utf8')
  expect(csvText.split('\r\n')[0]).toContain('Touchpoint')
  expect(csvText).toContain(cardTitle.includes(',') ? `"${cardTitle}"` : cardTitle)

  // JSON, then imported again from the home page as a new map.
  const json = await exportItem(page, 'JSON')
  expect(json.suggestedFilename()).toMatch(/\.json$/)
  const jsonPath = await json.path()
  const parsed = JSON.parse(readFileSync(jsonPath!, 'utf8'))
  expect(parsed.format).toBe('journey-map')
  expect(parsed.touchpoints.length).toBeGreaterThan(0)

  await page.goto('/')
  await page.locator('input[type="file"]').first().setInputFiles(jsonPath!)
  await page.waitForURL(/\/m\/|\/local\//)
  await expect(page.locator('.react-flow__node-touchpoint').first()).toBeVisible()
  await expect(page.locator(`.react-flow__node-touchpoint[aria-label="${cardTitle.replace(/"/g, '\\"')}"]`).first()).toBeAttached()
})

test('an invalid JSON file is refused with its errors listed, and no map is created', async ({ page }) => {
  await setIdentity(page, 'Importør Åse')
  await page.goto('/')
  const file = {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'journey-map', schemaVersion: 1, meta: { title: 'Ødelagt' }, touchpoints: [{ id: 'touchpoint:x', stageId: 'stage:a', personaId: 'persona:b', emotion: 7 }] })),
  }
  await page.locator('input[type="file"]').first().setInputFiles(file)
  const dialog = page.getByRole('dialog', { name: 'Import failed' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('list', { name: 'Import errors' }).getByRole('listitem')).toContainText(['touchpoints[0].emotion'])
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  expect(new URL(page.url()).pathname).toBe('/')
})
