import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { createMapFromHome, setIdentity, SHOTS } from './helpers'

/**
 * A map leaves as a Mermaid journey from the export menu and comes back as a new map from the home
 * page; a broken diagram is refused with the line of its error and creates nothing.
 */

const mermaidInput = (page: import('@playwright/test').Page) => page.locator('input[type="file"][aria-label="Import Mermaid journey…"]')

test('a map exported as a Mermaid journey imports again as a new map', async ({ page }) => {
  await setIdentity(page, 'Eksportør Ærø')
  await createMapFromHome(page, /Karoline.*English/)
  const firstCard = page.locator('.react-flow__node-touchpoint').first()
  await expect(firstCard).toBeVisible()
  const cardTitle = (await firstCard.getAttribute('aria-label'))!

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('menu').getByRole('menuitem', { name: 'Mermaid journey (.mmd)', exact: true }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.mmd$/)
  const path = (await file.path())!
  const text = readFileSync(path, 'utf8')
  expect(text.split('\n')[0]).toBe('journey')
  expect(text).toMatch(/^ {2}section /m)
  expect(text).toContain('Karoline')

  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Import Mermaid journey…' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/mermaid-import-home.png` })
  await mermaidInput(page).setInputFiles(path)
  await page.waitForURL(/\/m\/|\/local\//)
  await expect(page.locator('.react-flow__node-touchpoint').first()).toBeVisible()
  await expect(page.locator(`.react-flow__node-touchpoint[aria-label="${cardTitle.replace(/"/g, '\\"')}"]`).first()).toBeAttached()
})

test('a Mermaid journey with a bad line is refused naming the line, and no map is created', async ({ page }) => {
  await setIdentity(page, 'Importør Åse')
  await page.goto('/')
  await mermaidInput(page).setInputFiles({
    name: 'reise.mmd',
    mimeType: 'text/plain',
    buffer: Buffer.from('journey\n  title Før og etter 😀\n  section Før\n    Bestille time: ni: Åse\n'),
  })
  const dialog = page.getByRole('dialog', { name: 'Import failed' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('list', { name: 'Import errors' }).getByRole('listitem')).toContainText(["line 4: a task needs a score 1–5 after ':'"])
  await page.screenshot({ path: `${SHOTS}/mermaid-import-error.png` })
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  expect(new URL(page.url()).pathname).toBe('/')
})

test('on a phone the Mermaid import sits beside the JSON import, both reachable', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  const page = await context.newPage()
  await setIdentity(page, 'Importør Åse')
  await page.goto('/')
  const button = page.getByRole('button', { name: 'Import Mermaid journey…' })
  await expect(button).toBeInViewport()
  const box = (await button.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(390)
  await page.screenshot({ path: `${SHOTS}/mermaid-import-phone.png` })
  await context.close()
})

test('a Mermaid journey pasted as text becomes a new map; a bad line is named and the text stays to fix', async ({ page }) => {
  await setIdentity(page, 'Importør Åse')
  await page.goto('/')
  await page.getByRole('button', { name: 'Paste Mermaid journey…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Paste a Mermaid journey' })
  const text = dialog.getByLabel('Mermaid journey text')
  await text.fill('journey\n  title Dekkskift på Ærø 😀\n  section Før\n    Bestille time: ni: Åse\n')
  await dialog.getByRole('button', { name: 'Create map' }).click()
  await expect(dialog.getByRole('list', { name: 'Import errors' }).getByRole('listitem')).toContainText(["line 4: a task needs a score 1–5 after ':'"])
  await page.screenshot({ path: `${SHOTS}/mermaid-paste-error.png` })
  expect(new URL(page.url()).pathname).toBe('/')
  // Nothing pasted is lost: the line is fixed in place.
  await expect(text).toHaveValue(/Bestille time: ni: Åse/)
  await text.fill((await text.inputValue()).replace('Bestille time: ni: Åse', 'Bestille time: 2: Åse'))
  await dialog.getByRole('button', { name: 'Create map' }).click()
  await page.waitForURL(/\/m\/|\/local\//)
  await expect(page.locator('.react-flow__node-touchpoint[aria-label="Bestille time"]')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Map title' })).toHaveValue('Dekkskift på Ærø 😀')
})
