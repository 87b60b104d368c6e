import { expect, test, type Page } from '@playwright/test'
import { allSaved, card, clickCell, createMapFromHome, fitView as fitViewIn, nodeId, setIdentity, SHOTS, zoomInOn } from './helpers'

/** A Danish browser: the interface follows navigator.languages, and the whole main flow reads Danish. */
test.use({ locale: 'da-DK', viewport: { width: 1440, height: 900 } })

const STAGE = 'Besøg på værkstedet – æøå'
const PERSONA = 'Søren Ærø'
const TOUCHPOINT = 'Ringer til skadeafdelingen – på hold i 20 min'
const PAIN = 'Bliver stillet videre tre gange – øv'

/** Fit the canvas through React Flow's own control, which speaks Danish too. */
const fitView = (page: Page) => fitViewIn(page, 'Tilpas visning')

/** Nothing in a bar may stick out of it or sit on top of a neighbour: Danish labels run longer. */
async function expectNoOverlap(page: Page, container: string) {
  const problems = await page.locator(container).evaluate((bar) => {
    const out: string[] = []
    const barBox = bar.getBoundingClientRect()
    const items = [...bar.querySelectorAll<HTMLElement>('button, select, input, [role="status"], [role="timer"], a')].filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden'))
    const boxes = items.map((el) => ({ el, box: el.getBoundingClientRect() }))
    for (const { el, box } of boxes) {
      if (box.right > barBox.right + 1 || box.left < barBox.left - 1) out.push(`${el.textContent?.trim() || el.getAttribute('aria-label')} sticks out`)
      if (el.scrollWidth > el.clientWidth + 1 && el.tagName === 'BUTTON') out.push(`${el.textContent?.trim()} is clipped`)
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].box
        const b = boxes[j].box
        if (boxes[i].el.contains(boxes[j].el) || boxes[j].el.contains(boxes[i].el)) continue
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
        if (overlap) out.push(`${boxes[i].el.textContent?.trim()} overlaps ${boxes[j].el.textContent?.trim()}`)
      }
    return out
  })
  expect(problems).toEqual([])
}

test('the main flow in Danish: template, stage, persona, touchpoint, pain point, emotion, language switch, reload', async ({ page }) => {
  await setIdentity(page, 'Facilitator Åse Ø')

  // The home page greets a Danish browser in Danish.
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'da')
  await expect(page.getByRole('heading', { name: 'Kunderejsekort', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Nyt tomt kort' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Start fra en skabelon' })).toBeVisible()
  await expect(page.getByLabel('Sprog', { exact: true })).toHaveValue('da')
  await page.screenshot({ path: `${SHOTS}/danish-1-home.png` })

  // A map from the Danish insurance template.
  await createMapFromHome(page, /Bilforsikring.*Dansk/)
  await expect(page.getByRole('tab', { name: 'Lærred' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('connection')).toHaveText('Forbundet')
  await expect(page.getByRole('toolbar', { name: 'Workshopstyring' })).toBeVisible()
  await expectNoOverlap(page, '.toolbar')
  await expectNoOverlap(page, '.workshop-bar')
  await expectNoOverlap(page, '.view-tabs')
  await page.screenshot({ path: `${SHOTS}/danish-2-template.png` })

  // A stage in "Under" and a persona, named in the Danish inspector.
  await page.getByRole('button', { name: 'Tilføj trin' }).click()
  await page.getByRole('menuitem', { name: 'Under' }).click()
  const stageTitle = page.getByLabel('Trinnets titel')
  await stageTitle.fill(STAGE)
  await stageTitle.press('Enter')
  await page.getByRole('button', { name: 'Tilføj persona' }).click()
  const personaName = page.getByLabel('Navn', { exact: true })
  await personaName.fill(PERSONA)
  await personaName.press('Enter')
  const stageId = await nodeId(page, `.react-flow__node-stage[aria-label="Trin ${STAGE}"]`)
  const personaId = await nodeId(page, `.react-flow__node-lane[aria-label="Persona ${PERSONA}"]`)

  // A touchpoint in the new cell: click its footer, press N, type the title inline.
  await fitView(page)
  await clickCell(page, stageId, personaId)
  await expect(page.getByText('Tryk N for at tilføje et kontaktpunkt')).toBeVisible()
  await page.keyboard.press('n')
  const inline = page.getByLabel('Kontaktpunktets titel')
  await inline.fill(TOUCHPOINT)
  await inline.press('Enter')
  await expect(card(page, TOUCHPOINT)).toBeVisible()
  await expect(page.locator('.inspector-title')).toHaveText('Kontaktpunkt')

  // A pain point and an emotion, through the Danish labels.
  await page.getByLabel('Nyt smertepunkt').fill(PAIN)
  await page.getByRole('button', { name: 'Tilføj smertepunkt', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Tekst: Smertepunkt' })).toHaveValue(PAIN)
  await page.getByRole('radio', { name: '-2 Meget negativ' }).check()
  await expect(card(page, TOUCHPOINT).getByRole('img', { name: 'Følelse -2: Meget negativ' })).toBeVisible()
  await zoomInOn(page, `.react-flow__node-touchpoint[aria-label="${TOUCHPOINT}"]`)
  await expect(card(page, TOUCHPOINT).locator('.badge.pain')).toHaveAttribute('title', '1 smertepunkt')
  await expectNoOverlap(page, '.toolbar')
  await page.screenshot({ path: `${SHOTS}/danish-3-annotated.png` })
  await page.locator('.inspector').screenshot({ path: `${SHOTS}/danish-4-inspector.png` })

  // Switch the interface to English and back: only the interface changes, the map's content stays Danish.
  await page.getByLabel('Sprog', { exact: true }).selectOption('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('button', { name: 'Add stage' })).toBeVisible()
  await expect(page.getByRole('radio', { name: '-2 Very negative' })).toBeChecked()
  await expect(page.getByRole('textbox', { name: 'Pain point text' })).toHaveValue(PAIN)
  // Phase names are map content: the crumb keeps the map's Danish "Under", not "During".
  await expect(page.locator('.inspector .crumb')).toContainText(`Under › ${STAGE}`)
  await page.getByLabel('Language', { exact: true }).selectOption('da')
  await expect(page.getByRole('button', { name: 'Tilføj trin' })).toBeVisible()

  // Reload: Danish remembered, everything still there with æøå.
  await allSaved(page)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'da')
  await expect(card(page, TOUCHPOINT)).toBeVisible()
  await card(page, TOUCHPOINT).click()
  const crumb = page.locator('.inspector .crumb')
  await expect(crumb).toContainText(STAGE)
  await expect(crumb).toContainText(PERSONA)
  await expect(page.getByRole('textbox', { name: 'Tekst: Smertepunkt' })).toHaveValue(PAIN)
  await expect(page.getByRole('radio', { name: '-2 Meget negativ' })).toBeChecked()
  await page.screenshot({ path: `${SHOTS}/danish-5-reloaded.png` })

  // The other views speak Danish too, with Danish dates and numbers.
  await page.getByRole('tab', { name: 'Handlingsplan' }).click()
  await expect(page.getByRole('heading', { name: 'Handlingsplan', level: 2 })).toBeVisible()
  await expect(page.getByText('Frist').first()).toBeVisible()
  await expect(page.locator('.action-facts time').first()).toHaveText(/^\d{1,2}\. [a-zæøå]+\.? \d{4}$/)
  await page.screenshot({ path: `${SHOTS}/danish-6-actions.png` })
  await page.getByRole('tab', { name: 'Indsigter' }).click()
  await expect(page.getByRole('heading', { name: 'Følelseskurver' })).toBeVisible()
  await expect(page.locator('#insight-scorecard tfoot')).toContainText('Hele rejsen')
  await page.locator('#insight-heat').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/danish-7-insights.png` })
})
