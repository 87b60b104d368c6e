import { expect, test, type Page } from '@playwright/test'
import { addCardInFirstCell, card, createMapFromHome, openAs, setIdentity, SHOTS } from './helpers'

const FRIDA = 'Frida Fasilitator'
const ANNE = 'Anne Ås'

/** A facilitator with a fresh map holding one card, and an editor with the card selected too. */
async function twoOnOneCard(page: Page, browser: import('@playwright/test').Browser, title: string) {
  await setIdentity(page, FRIDA, '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  await expect(page.getByRole('textbox', { name: 'Editor link' })).toHaveValue(/#token=/)
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  await addCardInFirstCell(page, title)
  const anne = await openAs(browser, editorUrl, ANNE, '#b05cd6')
  await card(anne, title).click()
  await card(page, title).click()
  return anne
}

const field = (page: Page, label: string) => page.locator('.inspector .field').filter({ has: page.getByLabel(label, { exact: true }) })

test('focusing a field without typing never writes back over a colleague, and shows who is editing', async ({ page, browser }) => {
  const anne = await twoOnOneCard(page, browser, 'Ringer verkstedet')

  // Anne puts the cursor in Title and types nothing: Frida sees it on the field and on the card.
  await anne.getByLabel('Title', { exact: true }).focus()
  await expect(field(page, 'Title').getByTestId('peer-editing')).toHaveText(`${ANNE} is editing`)
  await expect(card(page, 'Ringer verkstedet').getByTestId('peer-editing')).toHaveText(`${ANNE} is editing`)
  await expect(field(page, 'Description').getByTestId('peer-editing')).toHaveCount(0)
  await page.screenshot({ path: `${SHOTS}/coediting-peer-is-editing.png` })

  // Frida renames the card meanwhile; Anne's untouched field follows it.
  const fridaTitle = page.getByLabel('Title', { exact: true })
  await fridaTitle.fill('Ringer verkstedet – får svar ✅')
  await fridaTitle.press('Enter')
  await expect(anne.getByLabel('Title', { exact: true })).toHaveValue('Ringer verkstedet – får svar ✅')

  // Anne leaves the field, then does the same in Description while Frida rewrites it.
  await anne.getByLabel('Description', { exact: true }).focus()
  await expect(field(page, 'Title').getByTestId('peer-editing')).toHaveCount(0)
  await expect(field(page, 'Description').getByTestId('peer-editing')).toBeVisible()
  const fridaDescription = page.getByLabel('Description', { exact: true })
  await fridaDescription.fill('Kunden ringer før åpningstid 🕗')
  await fridaDescription.blur()
  await expect(anne.getByLabel('Description', { exact: true })).toHaveValue('Kunden ringer før åpningstid 🕗')
  await anne.getByLabel('Channel', { exact: true }).focus()
  await expect(card(page, 'Ringer verkstedet – får svar ✅').getByTestId('peer-editing')).toBeVisible()

  // Anne's next edit reaches Frida after anything her blurs could have written (one socket, in order).
  await anne.getByLabel('Channel', { exact: true }).fill('Telefon')
  await anne.getByLabel('Channel', { exact: true }).press('Enter')
  await expect(page.getByLabel('Channel', { exact: true })).toHaveValue('Telefon')
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Ringer verkstedet – får svar ✅')
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue('Kunden ringer før åpningstid 🕗')
  await expect(card(page, 'Ringer verkstedet – får svar ✅')).toBeVisible()
  await expect(card(page, 'Ringer verkstedet – får svar ✅').getByTestId('peer-editing')).toHaveCount(0)
})

test('a colleague’s change while I type keeps my draft and offers theirs in one click', async ({ page, browser }) => {
  const anne = await twoOnOneCard(page, browser, 'Venter på svar')

  const mine = anne.getByLabel('Description', { exact: true })
  await mine.fill('Mitt utkast – ikke ferdig')
  await page.getByLabel('Description', { exact: true }).fill('Fridas tekst: kø i 20 min ⏳')
  await page.getByLabel('Description', { exact: true }).blur()

  const offer = field(anne, 'Description').getByTestId('their-change')
  await expect(offer).toContainText(`${FRIDA} changed this while you were typing:`)
  await expect(offer).toContainText('Fridas tekst: kø i 20 min ⏳')
  await expect(mine).toHaveValue('Mitt utkast – ikke ferdig')
  await expect(mine).toBeFocused()
  await anne.screenshot({ path: `${SHOTS}/coediting-their-change.png` })

  await offer.getByRole('button', { name: 'Use theirs' }).click()
  await expect(mine).toHaveValue('Fridas tekst: kø i 20 min ⏳')
  await expect(offer).toHaveCount(0)
  await mine.blur()

  // Keeping mine instead: type again, Frida changes it, Anne leaves the field: hers is written.
  await mine.fill('Anne bestemmer: ring tilbake 📞')
  await page.getByLabel('Description', { exact: true }).fill('Frida igjen')
  await page.getByLabel('Description', { exact: true }).blur()
  await expect(offer).toContainText('Frida igjen')
  await mine.blur()
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue('Anne bestemmer: ring tilbake 📞')
  await expect(mine).toHaveValue('Anne bestemmer: ring tilbake 📞')
})

test('two people link different touchpoints to one service priority at once, and both links stay', async ({ page, browser }) => {
  const anne = await twoOnOneCard(page, browser, 'Ringer kundeservice')
  await addCardInFirstCell(page, 'Får svar på e-post')
  await addCardInFirstCell(page, 'Chatter med Åse')
  await page.getByRole('tab', { name: 'Promises' }).click()
  await page.getByLabel('New customer promise').fill('Du venter aldri på oss ⏱️')
  await page.getByRole('button', { name: 'Add promise' }).click()
  await page.getByLabel('New service priority for Du venter aldri på oss ⏱️').fill('Svar innen 90 sekunder')
  await page.getByRole('button', { name: 'Add priority' }).click()
  await anne.getByRole('tab', { name: 'Promises' }).click()
  const linkedOn = (p: Page) => p.getByRole('list', { name: 'Touchpoints of Svar innen 90 sekunder' }).getByRole('listitem')
  await expect(anne.getByLabel('Touchpoint that proves Svar innen 90 sekunder')).toBeVisible()

  // Neither sees the other's link before making their own: Anne is offline for the moment.
  await anne.context().setOffline(true)
  await expect(anne.getByTestId('connection')).toHaveText('Offline')
  const link = async (p: Page, option: RegExp) => {
    const select = p.getByLabel('Touchpoint that proves Svar innen 90 sekunder')
    await select.selectOption({ label: (await select.locator('option').allTextContents()).find((o) => option.test(o))! })
    await p.locator('.priority-touchpoints').getByRole('button', { name: 'Link', exact: true }).click()
  }
  await link(anne, /^Ringer kundeservice/)
  await link(page, /^Chatter med Åse/)
  await expect(linkedOn(anne)).toHaveCount(1)
  await expect(linkedOn(page)).toHaveCount(1)
  await anne.context().setOffline(false)

  for (const p of [page, anne]) {
    await expect(linkedOn(p)).toHaveCount(2)
    await expect(linkedOn(p).filter({ hasText: 'Ringer kundeservice' })).toHaveCount(1)
    await expect(linkedOn(p).filter({ hasText: 'Chatter med Åse' })).toHaveCount(1)
  }
  await expect(anne.getByTestId('connection')).toHaveText('Connected')
  await anne.screenshot({ path: `${SHOTS}/coediting-both-links.png` })
})
