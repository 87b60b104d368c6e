import { expect, test } from '@playwright/test'
import { allSaved, card, center, clickCell, createMapFromHome, dragTo, fitView, nodeId, setIdentity, SHOTS, zoomInOn } from './helpers'

const STAGE = 'Verkstedbesøk æøå'
const PERSONA = 'Åsa Öberg 🚗'
const TOUCHPOINT = 'Henter bilen – ærlig talt 😅'
const ANNOTATIONS = [
  ['functional need', 'Book service og dekkskift sammen'],
  ['emotional need', 'Føle seg ivaretatt ❤️'],
  ['pain point', 'Verkstedet stenger kl. 17:00'],
  ['moment of truth', 'Bilen står klar, vasket'],
  ['opportunity', 'Proaktiv påminnelse før dekkskift'],
  ['note', 'Spør om lånebil på forhånd – ø'],
] as const

test('a facilitator builds a map from the template, edits it, drags, undoes and reloads', async ({ page }) => {
  await setIdentity(page, 'Facilitator Ærø')
  await createMapFromHome(page, /Karoline.*English/)
  await expect(page.locator('.react-flow__node-touchpoint').first()).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/editor-1-template.png` })

  // A stage in "During" and a persona, both renamed in the inspector.
  await page.getByRole('button', { name: 'Add stage' }).click()
  await page.getByRole('menuitem', { name: 'During' }).click()
  const stageTitle = page.getByLabel('Stage title')
  await stageTitle.fill(STAGE)
  await stageTitle.press('Enter')
  await page.getByRole('button', { name: 'Add persona' }).click()
  const personaName = page.getByLabel('Name', { exact: true })
  await personaName.fill(PERSONA)
  await personaName.press('Enter')
  await fitView(page) // each addition was brought into view in turn; see both at once
  await expect(page.locator(`.react-flow__node-stage[aria-label="Stage ${STAGE}"]`)).toHaveCount(1)
  await expect(page.locator(`.react-flow__node-lane[aria-label="Persona ${PERSONA}"]`)).toHaveCount(1)

  // A touchpoint in the new cell, named inline on the card.
  const stageId = await nodeId(page, `.react-flow__node-stage[aria-label="Stage ${STAGE}"]`)
  const personaId = await nodeId(page, `.react-flow__node-lane[aria-label="Persona ${PERSONA}"]`)
  await fitView(page)
  await clickCell(page, stageId, personaId)
  await page.keyboard.press('n')
  const inline = page.getByLabel('Touchpoint title')
  await inline.fill(TOUCHPOINT)
  await inline.press('Enter')
  await expect(card(page, TOUCHPOINT)).toBeVisible()

  // One annotation of each kind, and an emotion score.
  for (const [kind, text] of ANNOTATIONS) {
    await page.getByLabel(`New ${kind}`).fill(text)
    await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click()
    await expect(page.getByRole('textbox', { name: new RegExp(`^${kind} text$`, 'i') }).filter({ hasText: text })).toHaveCount(1)
  }
  await page.getByRole('radio', { name: '-1 Negative' }).check()
  await expect(card(page, TOUCHPOINT).getByRole('img', { name: /Emotion -1/ })).toBeVisible()
  await zoomInOn(page, `.react-flow__node-touchpoint[aria-label="${TOUCHPOINT}"]`)
  await expect(card(page, TOUCHPOINT).locator('.badge.need.unmet')).toHaveCount(2)
  await page.screenshot({ path: `${SHOTS}/editor-2-annotated.png` })

  // Drag the card into the first stage's cell of the same persona; then undo the drag.
  await fitView(page)
  const firstStage = await nodeId(page, '.react-flow__node-stage')
  const target = `.react-flow__node[data-id="cell:${firstStage}|${personaId}"]`
  await dragTo(page, await center(page, `.react-flow__node-touchpoint[aria-label="${TOUCHPOINT}"]`), await center(page, target))
  const crumb = page.locator('.inspector .crumb')
  await card(page, TOUCHPOINT).click()
  await expect(crumb).not.toContainText(STAGE)
  await page.screenshot({ path: `${SHOTS}/editor-3-dragged.png` })
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await card(page, TOUCHPOINT).click()
  await expect(crumb).toContainText(STAGE)

  // Reload: everything is still there, æøå and emoji intact.
  await allSaved(page)
  await page.reload()
  // The map reopens on the start of the journey; the card is in the new lane of a later stage.
  await expect(page.locator('.react-flow__node-stage').first()).toBeVisible()
  await fitView(page)
  await expect(card(page, TOUCHPOINT)).toBeVisible()
  await card(page, TOUCHPOINT).click()
  await expect(crumb).toContainText(STAGE)
  await expect(crumb).toContainText(PERSONA)
  for (const [, text] of ANNOTATIONS) await expect(page.locator('.inspector textarea').filter({ hasText: text })).toHaveCount(1)
  await expect(page.getByRole('radio', { name: '-1 Negative' })).toBeChecked()
  await page.screenshot({ path: `${SHOTS}/editor-4-reloaded.png` })
})

test('keyboard: arrows move between cards, Enter renames, Delete removes, undo restores', async ({ page }) => {
  await setIdentity(page, 'Keyboard Kåre')
  await createMapFromHome(page, /Karoline.*English/)
  const cards = page.locator('.react-flow__node-touchpoint')
  await expect(cards.first()).toBeVisible()
  const count = await cards.count()
  await cards.first().click()
  const first = await cards.first().getAttribute('aria-label')
  await page.keyboard.press('ArrowRight')
  const focused = page.locator('.react-flow__node-touchpoint:focus')
  // Focus moves a frame after the key: wait for it to leave the first card rather than read it at once.
  await expect(focused).toHaveCount(1)
  await expect(focused).not.toHaveAttribute('aria-label', first!)
  await page.keyboard.press('Enter')
  await page.getByLabel('Touchpoint title').fill('Omdøpt med tastatur – å')
  await page.keyboard.press('Enter')
  await expect(card(page, 'Omdøpt med tastatur – å')).toBeVisible()
  await card(page, 'Omdøpt med tastatur – å').focus()
  await page.keyboard.press('Delete')
  await expect(cards).toHaveCount(count - 1)
  await page.keyboard.press('Control+z')
  await expect(cards).toHaveCount(count)
  await expect(card(page, 'Omdøpt med tastatur – å')).toBeVisible()
})

test('"?" opens the shortcut sheet, which names the keys the canvas answers to', async ({ page }) => {
  await setIdentity(page, 'Shortcut Sølvi')
  await createMapFromHome(page, /Karoline.*English/)
  const cards = page.locator('.react-flow__node-touchpoint')
  await expect(cards.first()).toBeVisible()
  await cards.first().click()
  await page.keyboard.press('Shift+?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet.getByRole('row', { name: /Add a touchpoint, or a blueprint item, in the selected cell/ })).toContainText('N')
  await expect(sheet.getByRole('row', { name: /Undo/ })).toContainText('Ctrl+Z')
  await page.screenshot({ path: `${SHOTS}/editor-shortcut-sheet.png` })
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
  // The toolbar's "?" button opens the same sheet, and its tooltip names the same key.
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveAttribute('title', 'Keyboard shortcuts (?)')
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo (Ctrl+Z)')
  // The key the sheet lists does what it says.
  const count = await cards.count()
  await cards.first().click()
  await page.keyboard.press('n')
  await expect(cards).toHaveCount(count + 1)
})
