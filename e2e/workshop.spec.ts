import { expect, test, type Browser, type Page } from '@playwright/test'
import { readSnapshot } from '../src/doc'
import { addTouchpoint } from '../src/commands'
import type { PersonaId, StageId } from '../src/model'
import { SyncClient } from '../server/testing/syncClient'
import { addCardInFirstCell, card, createMapFromHome, openAs, setIdentity, SHOTS } from './helpers'

const FACILITATOR = 'Frida Fasilitator'
const ANNE = 'Anne Ås'
const BJORN = 'Bjørn Bø'

/** A facilitator with a fresh map, and two participants on its editor link. */
async function workshop(page: Page, browser: Browser) {
  await setIdentity(page, FACILITATOR, '#2fa67a')
  await createMapFromHome(page, 'New empty map')
  await expect(page.getByTestId('connection')).toHaveText('Connected')
  await page.getByRole('button', { name: 'Share' }).click()
  const editorLink = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await expect(page.getByRole('textbox', { name: 'Editor link' })).toHaveValue(/#token=/)
  const editorUrl = await page.getByRole('textbox', { name: 'Editor link' }).inputValue()
  await page.getByRole('button', { name: 'Close' }).click()
  void editorLink
  const anne = await openAs(browser, editorUrl, ANNE, '#b05cd6')
  const bjorn = await openAs(browser, editorUrl, BJORN, '#d9a400')
  return { anne, bjorn, editorUrl }
}

const zoomOf = async (page: Page) => {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 'NaN')
}

test('follow, spotlight and the shared timer', async ({ page, browser }) => {
  const { anne, bjorn } = await workshop(page, browser)

  // Anne follows the facilitator: zooming in moves Anne's view along.
  await anne.getByRole('button', { name: `Follow ${FACILITATOR}` }).click()
  await expect(anne.getByText(`Following ${FACILITATOR}.`)).toBeVisible()
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click()
  const facilitatorZoom = await zoomOf(page)
  await expect.poll(() => zoomOf(anne)).toBeCloseTo(facilitatorZoom, 2)

  // Spotlight brings Bjørn, who follows nobody, to the facilitator's view until released.
  expect(Math.abs((await zoomOf(bjorn)) - facilitatorZoom)).toBeGreaterThan(0.05)
  await page.getByRole('button', { name: 'Bring everyone here' }).click()
  await expect(bjorn.getByText(`${FACILITATOR} is bringing everyone to their view`)).toBeVisible()
  await expect.poll(() => zoomOf(bjorn)).toBeCloseTo(facilitatorZoom, 2)
  await page.getByRole('button', { name: 'Zoom Out' }).click()
  const zoomedOut = await zoomOf(page)
  await expect.poll(() => zoomOf(bjorn)).toBeCloseTo(zoomedOut, 2)
  await page.getByRole('button', { name: 'Release everyone' }).click()
  await expect(bjorn.getByText(/is bringing everyone/)).toHaveCount(0)

  // The timer counts down on all three screens.
  await page.getByRole('spinbutton', { name: 'Timer minutes' }).fill('2')
  await page.getByRole('button', { name: 'Start timer' }).click()
  for (const p of [page, anne, bjorn]) await expect(p.getByRole('timer', { name: 'Workshop timer' })).toHaveText(/[12]:\d\d/)
  const read = async (p: Page) => {
    const [m, s] = ((await p.getByTestId('timer').textContent()) ?? '').replace(/[^\d:]/g, '').split(':').map(Number)
    return m * 60 + s
  }
  const first = await read(anne)
  await expect.poll(() => read(anne), { timeout: 5_000 }).toBeLessThan(first)
  const later = await read(anne)
  expect(Math.abs((await read(bjorn)) - later)).toBeLessThanOrEqual(1)
  await page.getByRole('button', { name: 'Pause timer' }).click()
  for (const p of [anne, bjorn]) await expect(p.getByTestId('timer')).toContainText('paused')
  await page.screenshot({ path: `${SHOTS}/workshop-facilitator.png` })
})

test('dot voting with a budget of 3 ranks the pain points; lock makes participants read-only', async ({ page, browser }) => {
  const { anne, bjorn, editorUrl } = await workshop(page, browser)
  await addCardInFirstCell(page, 'Ringer verkstedet')
  await card(page, 'Ringer verkstedet').click()
  const pains = ['Stengt etter 17', 'Ti dagers ventetid', 'Lånebil koster ekstra']
  for (const text of pains) {
    await page.getByLabel('New pain point').fill(text)
    await page.getByRole('button', { name: 'Add pain point', exact: true }).click()
  }

  await page.getByRole('spinbutton', { name: 'Votes per participant' }).fill('3')
  await page.getByRole('button', { name: 'Start voting' }).click()
  const voteFor = async (p: Page, text: string, times: number) => {
    for (let i = 0; i < times; i++) await p.locator('.voting-panel').getByRole('button', { name: `Vote for ${text}` }).click()
  }
  await expect(anne.getByTestId('votes-left')).toHaveText('3 of 3 votes left')
  await voteFor(anne, pains[1], 2)
  await voteFor(anne, pains[2], 1)
  await expect(anne.getByTestId('votes-left')).toHaveText('All your votes are placed')
  await expect(anne.locator('.voting-panel').getByRole('button', { name: `Vote for ${pains[0]}` })).toBeDisabled()
  await voteFor(bjorn, pains[2], 3)
  await expect(bjorn.getByTestId('votes-left')).toHaveText('All your votes are placed')
  // The facilitator sees how many people voted, not who voted what.
  await expect(page.getByTestId('voters')).toHaveText('2 participants have voted')
  // Hidden until revealed.
  await expect(anne.getByText('Results are hidden until the facilitator reveals them.')).toBeVisible()
  await page.getByRole('button', { name: 'End round and reveal results' }).click()
  for (const p of [page, anne, bjorn]) {
    const items = p.getByTestId('vote-item')
    await expect(items).toHaveCount(3)
    await expect(items.nth(0)).toContainText(pains[2])
    await expect(items.nth(0).getByLabel('4 votes')).toBeVisible()
    await expect(items.nth(1)).toContainText(pains[1])
    await expect(items.nth(1).getByLabel('2 votes')).toBeVisible()
    await expect(items.nth(2).getByLabel('0 votes')).toBeVisible()
  }
  await anne.screenshot({ path: `${SHOTS}/workshop-voting-revealed.png` })
  await page.getByRole('button', { name: 'Dismiss results' }).click()

  // Lock: participants turn read-only, and the relay holds a raw client's edit without closing on it.
  await page.getByRole('button', { name: 'Lock map' }).click()
  for (const p of [anne, bjorn]) {
    await expect(p.getByText(/The facilitator has locked the map/)).toBeVisible()
    await expect(p.getByRole('button', { name: 'Add stage' })).toHaveCount(0)
  }
  const base = new URL(page.url()).origin
  const mapId = new URL(editorUrl).pathname.split('/').pop()!
  const token = new URLSearchParams(new URL(editorUrl).hash.slice(1)).get('token')!
  const raw = await SyncClient.connect(base, mapId, token)
  await raw.synced
  const s = readSnapshot(raw.doc)
  addTouchpoint(raw.doc, { stageId: Object.keys(s.stages)[0] as StageId, personaId: Object.keys(s.personas)[0] as PersonaId, title: 'Rå endring under låsen' })
  await expect.poll(() => raw.notices).toEqual(['locked'])
  expect(raw.ws.readyState).toBe(raw.ws.OPEN)
  await expect(card(page, 'Rå endring under låsen')).toHaveCount(0)
  await expect(card(anne, 'Rå endring under låsen')).toHaveCount(0)
  await anne.screenshot({ path: `${SHOTS}/workshop-locked.png` })
  await page.getByRole('button', { name: 'Unlock map' }).click()
  await expect(anne.getByText(/locked/)).toHaveCount(0)
  // On unlock the relay asks every writer for what it lacks: the held edit lands for everyone.
  await expect(card(page, 'Rå endring under låsen')).toBeVisible()
  await expect(card(anne, 'Rå endring under låsen')).toBeVisible()
  await raw.close()
})

test('named seats: a round for seats counts one ballot per seat; a revoked seat’s link stops working', async ({ page, browser }) => {
  const { anne, bjorn } = await workshop(page, browser)
  await addCardInFirstCell(page, 'Henter bilen')
  await card(page, 'Henter bilen').click()
  const pains = ['Nøkkelen er borte', 'Kø i resepsjonen']
  for (const text of pains) {
    await page.getByLabel('New pain point').fill(text)
    await page.getByRole('button', { name: 'Add pain point', exact: true }).click()
  }
  // The facilitator hands Åse a seat of her own.
  await page.getByRole('button', { name: 'Share' }).click()
  await expect(page.getByText('No named seats yet.')).toBeVisible()
  await page.getByRole('textbox', { name: 'Name of the person' }).fill('Åse Ødegård 🚗')
  await page.getByRole('button', { name: 'Add seat' }).click()
  const seatLink = page.getByRole('textbox', { name: 'Åse Ødegård 🚗' })
  await expect(seatLink).toHaveValue(/#token=/)
  const seatUrl = await seatLink.inputValue()
  await page.screenshot({ path: `${SHOTS}/workshop-seats.png` })
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  // Åse opens it on two devices: one seat, one ballot.
  const phone = await openAs(browser, seatUrl, 'Åse (telefon)', '#2fa67a')
  const laptop = await openAs(browser, seatUrl, 'Åse (PC)', '#4f7cff')

  await page.getByRole('spinbutton', { name: 'Votes per participant' }).fill('2')
  await page.getByRole('checkbox', { name: 'Named seats only' }).check()
  await page.getByRole('button', { name: 'Start voting' }).click()
  // Participants of the shared editor link watch.
  for (const p of [anne, bjorn]) {
    await expect(p.getByText('Only named seats vote in this round.')).toBeVisible()
    await expect(p.getByRole('button', { name: `Vote for ${pains[0]}` })).toHaveCount(0)
  }
  await expect(page.getByTestId('voters')).toHaveText('Seats that have voted: 0 of 1')
  await phone.locator('.voting-panel').getByRole('button', { name: `Vote for ${pains[0]}` }).click()
  await expect(laptop.getByTestId('votes-left')).toHaveText('1 of 2 votes left')
  await laptop.locator('.voting-panel').getByRole('button', { name: `Vote for ${pains[1]}` }).click()
  await expect(phone.getByTestId('votes-left')).toHaveText('All your votes are placed')
  await expect(page.getByTestId('voters')).toHaveText('Seats that have voted: 1 of 1')
  await page.getByRole('button', { name: 'End round and reveal results' }).click()
  const items = anne.getByTestId('vote-item')
  await expect(items.nth(0).getByLabel('1 vote', { exact: true })).toBeVisible()
  await expect(items.nth(1).getByLabel('1 vote', { exact: true })).toBeVisible()

  // Revoking the seat closes its link for good.
  await page.getByRole('button', { name: 'Share' }).click()
  await page.getByRole('button', { name: 'Revoke the seat of Åse Ødegård 🚗' }).click()
  await expect(page.getByRole('textbox', { name: 'Åse Ødegård 🚗' })).toHaveValue('Revoked')
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(page.getByTestId('voters')).toHaveText('Seats that have voted: 0 of 0')
  const seat = new URL(seatUrl)
  const seatToken = new URLSearchParams(seat.hash.slice(1)).get('token')!
  const refused = await page.request.get(`${seat.origin}/api/maps/${seat.pathname.split('/').pop()}?token=${encodeURIComponent(seatToken)}`)
  expect(refused.status()).toBe(403)
  await expect(phone.getByTestId('connection')).not.toHaveText('Connected')
})

test('a mention reaches the mentioned participant; a restored version reaches everyone', async ({ page, browser }) => {
  const { anne, bjorn } = await workshop(page, browser)
  await addCardInFirstCell(page, 'Betaler i kortterminal')
  await card(page, 'Betaler i kortterminal').click()
  await page.getByRole('textbox', { name: 'New comment' }).fill(`@${ANNE} kan du sjekke ventetiden her? ⏳`)
  await page.getByRole('button', { name: 'Add comment' }).click()
  const toast = anne.getByRole('alert').filter({ hasText: `${FACILITATOR} mentioned you` })
  await expect(toast).toBeVisible()
  await expect(toast).toContainText('kan du sjekke ventetiden her? ⏳')
  await expect(bjorn.getByRole('alert').filter({ hasText: 'mentioned you' })).toHaveCount(0)
  await anne.screenshot({ path: `${SHOTS}/workshop-mention.png` })
  await toast.getByRole('button', { name: 'Show' }).click()
  await expect(anne.locator('.inspector .mention.is-me')).toHaveText(`@${ANNE}`)
  // Reply and resolve.
  await anne.getByRole('button', { name: 'Reply' }).click()
  await anne.getByRole('textbox', { name: `Reply to ${FACILITATOR}` }).fill('Ja, jeg ser på det – å')
  await anne.getByRole('button', { name: 'Send reply' }).click()
  await card(page, 'Betaler i kortterminal').click()
  await expect(page.locator('.inspector [data-testid="comment"]')).toHaveCount(2)

  // Save a version, change the map, restore: everyone sees the old content come back.
  await page.getByRole('button', { name: 'Versions' }).click()
  await page.getByLabel('Version name').fill('Før opprydding 🧹')
  await page.getByRole('button', { name: 'Save version' }).click()
  await expect(page.getByRole('button', { name: 'Preview Før opprydding 🧹' })).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()
  await card(page, 'Betaler i kortterminal').click()
  await page.getByRole('button', { name: 'Delete touchpoint' }).click()
  for (const p of [page, anne, bjorn]) await expect(card(p, 'Betaler i kortterminal')).toHaveCount(0)
  await page.getByRole('button', { name: 'Versions' }).click()
  await page.getByRole('button', { name: 'Preview Før opprydding 🧹' }).click()
  await expect(page.getByLabel('Preview of Før opprydding 🧹')).toContainText('Betaler i kortterminal')
  await page.getByRole('button', { name: 'Restore this version…' }).click()
  await page.getByRole('button', { name: 'Restore for everyone' }).click()
  for (const p of [page, anne, bjorn]) await expect(card(p, 'Betaler i kortterminal')).toBeVisible()
  await bjorn.screenshot({ path: `${SHOTS}/workshop-restored.png` })
})
