/**
 * A hostile colleague with a stock client cannot take the map away from anyone (issue 21). The
 * writer below speaks plain y-websocket through the real relay and writes only what the schema
 * accepts, but chosen to hurt: comments that answer themselves or each other and mention the
 * victim, a reply chain as deep as the relay allows, every text at its cap, the capped id
 * sets full, 5,000 comments on one card and a chain of links through every card. The victim's
 * page must keep drawing frames while it arrives, and open the map again after a reload.
 */
import { expect, test, type Page } from '@playwright/test'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { addAction, addAnnotation, addPersona, addPromise, addServicePriority, addStage, addTouchpoint, linkTouchpoints, setMeta } from '../src/commands'
import { getCollection, recordToYMap, writeSet } from '../src/doc'
import { MAX_REFS, MAX_REPLY_DEPTH, MAX_TEXT, MAX_TITLE, type AnyRecord, type PersonaId, type StageId, type TouchpointId } from '../src/model'
import { card, setIdentity, SHOTS } from './helpers'

const VICTIM = 'Åse Nørgaard'
const CARDS = 120
const COMMENTS_ON_ONE_CARD = 5_000
/** Stay under the relay's update-bytes allowance (256 KB/s after a 1 MB burst). */
const BYTES_PER_SECOND = 200_000
/** Stay under the relay's cap of new structs per message (3,000). */
const COMMENTS_PER_MESSAGE = 350

const long = (max: number, seed: string) => (seed + ' æøå äö ').repeat(Math.ceil(max / (seed.length + 8))).slice(0, max - 2) + '🙂'

/** Resolves when the page draws a frame, or rejects after a second: a page that stalls fails. */
async function answersWithinASecond(page: Page, what: string) {
  const frame = page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(1))))
  const late = new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`no frame within 1 s ${what}`)), 1_000))
  expect(await Promise.race([frame, late])).toBe(1)
}

/** A stock y-websocket client on the editor link; every write goes through the real relay. */
async function stockWriter(base: string, mapId: string, token: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/sync`, mapId, doc, { params: { token }, WebSocketPolyfill: WebSocket as never, disableBc: true })
  const closes: number[] = []
  provider.on('connection-close', (event) => void (event && closes.push(event.code)))
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  let sent = 0
  doc.on('update', (update: Uint8Array) => (sent += update.byteLength))
  /** One transaction, one message; then wait as long as its bytes take at the allowed rate. */
  const write = async (fn: () => void) => {
    const before = sent
    doc.transact(fn)
    await new Promise((resolve) => setTimeout(resolve, ((sent - before) / BYTES_PER_SECOND) * 1000))
  }
  return { doc, provider, closes, write }
}

test('a stock client writing adversarial content never stalls a colleague, and the map opens again', async ({ page, request, baseURL }) => {
  test.setTimeout(240_000)
  const created = await (await request.post('/api/maps', { data: { title: 'Fjendtlig kort' } })).json()
  const writer = await stockWriter(baseURL!, created.id, created.editorToken)
  const { doc, write } = writer

  // The map's frame: a persona and stages, every text at its cap.
  let persona!: PersonaId
  const stages: StageId[] = []
  await write(() => {
    setMeta(doc, { title: long(MAX_TITLE, 'Titel'), description: long(MAX_TEXT, 'Beskrivelse') })
    persona = addPersona(doc, { name: long(MAX_TITLE, 'Karoline'), description: long(MAX_TEXT, 'Persona') })
  })
  for (let i = 0; i < 6; i++) await write(() => void stages.push(addStage(doc, { phase: (['before', 'during', 'after'] as const)[i % 3], title: long(MAX_TITLE, `Fase ${i}`) })))

  const victim = page
  await setIdentity(victim, VICTIM, '#2fa67a')
  await victim.goto(`/m/${created.id}#token=${created.editorToken}`)
  await expect(victim.locator('.react-flow__node-stage').first()).toBeVisible()
  await expect(victim.getByTestId('connection')).toHaveText(/^Connected/)

  // While the rest arrives, the victim's page keeps drawing frames.
  let writing = true
  const probes = (async () => {
    let n = 0
    while (writing) {
      await answersWithinASecond(victim, `while the hostile content arrived (probe ${++n})`)
      await victim.waitForTimeout(200)
    }
  })()

  try {
    // Cards with titles and descriptions at their caps, chained by links through every card.
    const cards: TouchpointId[] = []
    for (let i = 0; i < CARDS; i++) {
      await write(() => void cards.push(addTouchpoint(doc, { stageId: stages[i % stages.length], personaId: persona, title: i === 0 ? 'Første kort' : long(MAX_TITLE, `Kort ${i}`), description: i % 10 === 0 ? long(MAX_TEXT, `Kort ${i}`) : '' })))
    }
    for (let i = 0; i + 1 < CARDS; i += 20) await write(() => cards.slice(i, i + 21).forEach((from, k, slice) => slice[k + 1] && linkTouchpoints(doc, from, slice[k + 1], long(MAX_TITLE, 'Lenke'))))
    await write(() => void linkTouchpoints(doc, cards[CARDS - 1], cards[0], 'rundt'))

    // Annotations at their text cap; an action and a service priority with their id sets full.
    const annotations: string[] = []
    for (let i = 0; i < 20; i++) await write(() => void annotations.push(addAnnotation(doc, { targetId: cards[i], kind: 'pain-point', text: long(MAX_TEXT, `Smerte ${i}`) })))
    await write(() => {
      const action = addAction(doc, { title: long(MAX_TITLE, 'Handling'), fromAnnotation: annotations[0] as never })
      const record = getCollection(doc, 'actions').get(action)!
      writeSet(record, 'addresses', [...annotations, ...Array.from({ length: MAX_REFS - annotations.length }, (_, i) => `annotation:gone${i}`)])
      const promise = addPromise(doc, { text: long(MAX_TITLE, 'Løfte') })
      const priority = addServicePriority(doc, { promiseId: promise, text: long(MAX_TITLE, 'Prioritet') })
      const prioritised = getCollection(doc, 'servicePriorities').get(priority)!
      writeSet(prioritised, 'touchpointIds', [...cards, ...Array.from({ length: MAX_REFS - cards.length }, (_, i) => `touchpoint:gone${i}`)])
    })

    // 5,000 comments on the first card, a few of them at the text cap.
    const comment = (id: string, targetId: string, text: string) => recordToYMap('comments', { id, targetId, author: 'Mallory', text, createdAt: new Date().toISOString(), resolved: false } as AnyRecord)
    for (let i = 0; i < COMMENTS_ON_ONE_CARD; i += COMMENTS_PER_MESSAGE) {
      await write(() => {
        for (let k = i; k < Math.min(i + COMMENTS_PER_MESSAGE, COMMENTS_ON_ONE_CARD); k++) getCollection(doc, 'comments').set(`comment:many${k}`, comment(`comment:many${k}`, cards[0], k % 1000 === 0 ? long(MAX_TEXT, `Kommentar ${k}`) : `Kommentar ${k} @${VICTIM}`))
      })
    }
    // A reply chain as deep as the relay allows (a deeper one closes the writer, server/relay/replyChains.test.ts).
    await write(() => {
      for (let k = 0; k <= MAX_REPLY_DEPTH; k++) getCollection(doc, 'comments').set(`comment:deep${k}`, comment(`comment:deep${k}`, k === 0 ? cards[1] : `comment:deep${k - 1}`, `Svar ${k}`))
    })
    // Everything so far was schema-valid and within the allowances: the relay took all of it.
    expect(writer.closes).toEqual([])
    // Last, the loops, each mentioning the victim: a comment that answers itself, two that answer
    // each other. (A relay that refuses new loops closes this writer; the page must answer either way.)
    await write(() => {
      getCollection(doc, 'comments').set('comment:self', comment('comment:self', 'comment:self', `@${VICTIM} svar på mig selv`))
      getCollection(doc, 'comments').set('comment:ping', comment('comment:ping', 'comment:pong', `@${VICTIM} ping`))
      getCollection(doc, 'comments').set('comment:pong', comment('comment:pong', 'comment:ping', `@${VICTIM} pong`))
    })
    await victim.waitForTimeout(1_500)
  } finally {
    writing = false
    await probes
  }

  // The content arrived: the first card is drawn, and the mention notice came without a hang.
  await expect(card(victim, 'Første kort')).toBeVisible()
  await expect(victim.getByRole('alert').filter({ hasText: 'mentioned you' })).toBeVisible()
  await answersWithinASecond(victim, 'after the hostile content arrived')
  // Loops the relay stored are read as comments that hang on nothing: listed as unplaced, where
  // anyone can delete them. (A relay that refuses new loops closed the writer instead.)
  if (writer.closes.length === 0) await expect(victim.locator('.unplaced-tray')).toContainText(`@${VICTIM} ping`)

  // The card with 5,000 comments opens in the inspector, and the page still answers.
  await card(victim, 'Første kort').click()
  await expect(victim.getByTestId('comment')).toHaveCount(COMMENTS_ON_ONE_CARD, { timeout: 20_000 })
  await answersWithinASecond(victim, 'with 5,000 comments in the inspector')
  await victim.screenshot({ path: `${SHOTS}/hostile-inspector.png` })

  // The map opens again after a reload.
  await victim.reload()
  await expect(card(victim, 'Første kort')).toBeVisible({ timeout: 30_000 })
  await answersWithinASecond(victim, 'after reopening the map')
  await expect(victim.getByTestId('connection')).toHaveText(/^Connected/)

  writer.provider.destroy()
})
