import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { addCardInFirstCell, allSaved, card, createMapFromHome, editorLink, openAs, setIdentity, SHOTS } from './helpers'

const FACILITATOR = 'Frida Fasilitator'
const ANNE = 'Anne Ås'
const BJORN = 'Bjørn Bø'
const CARD = 'Ringer verkstedet'

/** The annotations the relay has stored, as its JSON export gives them to anyone with a link. */
async function stored(request: APIRequestContext, editorUrl: string): Promise<{ text: string; kind: string; author?: string }[]> {
  const url = new URL(editorUrl)
  const mapId = url.pathname.split('/').pop()!
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!
  const res = await request.get(`${url.origin}/api/maps/${mapId}/export.json?token=${encodeURIComponent(token)}`)
  expect(res.ok()).toBe(true)
  return (await res.json()).annotations
}

/** The facilitator's merge list item whose own text is `text` (each item's picker lists the others' texts too). */
const mergeItem = (p: Page, text: string) => p.getByTestId('merge-item').filter({ has: p.locator('.writing-merge-text', { hasText: text }) })

async function writeNote(p: Page, text: string) {
  await p.getByRole('textbox', { name: `New note on ${CARD}` }).fill(text)
  await p.locator('.writing-panel').getByRole('button', { name: 'Add note' }).click()
  await expect(p.locator('.writing-draft').filter({ hasText: text })).toContainText('Draft, only you see this')
}

test('a silent writing round: private drafts until the reveal, a late landing on reconnect, anonymity and a merge', async ({ page, browser, request }) => {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await addCardInFirstCell(page, CARD)
  const editorUrl = await editorLink(page)
  const anne = await openAs(browser, editorUrl, ANNE, '#b05cd6')
  const bjorn = await openAs(browser, editorUrl, BJORN, '#d9a400')

  await page.getByRole('button', { name: 'Start silent writing' }).click()
  const anneNote = 'Ingen tar telefonen før kl. 9 ☎️'
  const bjornNotes = ['Køen er lang og uten beskjed om plass', 'Må gjenta bilnummeret tre ganger']
  await card(anne, CARD).click()
  await writeNote(anne, anneNote)
  await card(bjorn, CARD).click()
  for (const text of bjornNotes) await writeNote(bjorn, text)

  // The facilitator sees counts only; nobody sees another's notes, and the relay holds none of them.
  await expect(page.getByTestId('writing-progress')).toHaveText('Writing: 2 · notes: 3')
  for (const text of [anneNote, ...bjornNotes]) await expect(page.getByText(text)).toHaveCount(0)
  for (const text of bjornNotes) await expect(anne.getByText(text)).toHaveCount(0)
  await expect(bjorn.getByText(anneNote)).toHaveCount(0)
  expect(await stored(request, editorUrl)).toEqual([])
  await anne.screenshot({ path: `${SHOTS}/writing-round-desktop.png` })
  await anne.setViewportSize({ width: 390, height: 844 })
  await expect(anne.locator('.writing-draft').filter({ hasText: anneNote })).toBeVisible()
  await anne.screenshot({ path: `${SHOTS}/writing-round-phone.png` })
  await anne.setViewportSize({ width: 1440, height: 900 })

  // Drafts survive a reload.
  await bjorn.reload()
  await expect(bjorn.getByTestId('connection')).toHaveText(/^Connected/, { timeout: 30_000 })
  await expect(bjorn.getByTestId('writing-mine')).toHaveText('You have written 2 notes')

  // Bjørn is offline at the reveal: Anne's note lands at once, his when he is back.
  await bjorn.context().setOffline(true)
  await expect(bjorn.getByTestId('connection')).not.toHaveText(/^Connected/)
  await page.getByRole('button', { name: 'Reveal everyone’s notes' }).click()
  await expect.poll(async () => (await stored(request, editorUrl)).map((a) => [a.text, a.kind, a.author])).toEqual([[anneNote, 'pain-point', ANNE]])
  await expect(bjorn.getByTestId('writing-mine')).toHaveText('You have written 2 notes')
  await bjorn.context().setOffline(false)
  await expect.poll(async () => (await stored(request, editorUrl)).map((a) => a.text).sort()).toEqual([anneNote, ...bjornNotes].sort())
  expect((await stored(request, editorUrl)).filter((a) => bjornNotes.includes(a.text)).every((a) => a.author === BJORN)).toBe(true)
  await expect(mergeItem(page, bjornNotes[0])).toBeVisible()
  // Landing is once only: a reload after the reveal writes nothing again.
  await bjorn.reload()
  await expect(bjorn.getByTestId('connection')).toHaveText(/^Connected/, { timeout: 30_000 })
  await allSaved(bjorn)
  expect(await stored(request, editorUrl)).toHaveLength(3)

  // The facilitator drops one note onto another: one note, both texts.
  const items = page.getByTestId('merge-item')
  await expect(items).toHaveCount(3)
  await mergeItem(page, bjornNotes[0]).dragTo(mergeItem(page, anneNote))
  await expect(items).toHaveCount(2)
  await expect.poll(async () => (await stored(request, editorUrl)).map((a) => a.text).sort()).toEqual([`${anneNote}\n\n${bjornNotes[0]}`, bjornNotes[1]].sort())
  await page.screenshot({ path: `${SHOTS}/writing-round-merge.png` })

  // An anonymous round: the note lands with no author stored at all.
  await page.getByRole('button', { name: 'End writing round' }).click()
  await page.locator('.workshop-bar').getByLabel('Anonymous').check()
  await page.getByRole('button', { name: 'Start silent writing' }).click()
  await expect(anne.getByText('Anonymous: notes land without names.')).toBeVisible()
  const secret = 'Verkstedet ringer aldri tilbake 🤐'
  await writeNote(anne, secret)
  await expect(page.getByTestId('writing-progress')).toHaveText('Writing: 1 · notes: 1')
  expect((await stored(request, editorUrl)).map((a) => a.text)).not.toContain(secret)
  await page.getByRole('button', { name: 'Reveal everyone’s notes' }).click()
  await expect.poll(async () => (await stored(request, editorUrl)).find((a) => a.text === secret)).toBeTruthy()
  const anonymous = (await stored(request, editorUrl)).find((a) => a.text === secret)!
  expect(anonymous).not.toHaveProperty('author')
  expect(JSON.stringify(anonymous)).not.toContain('Anne')
  await expect(mergeItem(page, secret)).toBeVisible()

  // A round closed while a writer is offline: the round stays ended, and their note still lands.
  await page.getByRole('button', { name: 'End writing round' }).click()
  await page.locator('.workshop-bar').getByLabel('Anonymous').uncheck()
  await page.getByRole('button', { name: 'Start silent writing' }).click()
  const late = 'Fakturaen kom en uke etter 📬'
  await card(bjorn, CARD).click()
  await writeNote(bjorn, late)
  await bjorn.context().setOffline(true)
  await expect(bjorn.getByTestId('connection')).not.toHaveText(/^Connected/)
  await page.getByRole('button', { name: 'Reveal everyone’s notes' }).click()
  await page.getByRole('button', { name: 'End writing round' }).click()
  await expect(page.getByRole('button', { name: 'Start silent writing' })).toBeVisible()
  expect((await stored(request, editorUrl)).map((a) => a.text)).not.toContain(late)
  await bjorn.context().setOffline(false)
  await expect.poll(async () => (await stored(request, editorUrl)).find((a) => a.text === late)?.author).toBe(BJORN)
})
