/**
 * Opening a map link: with nothing cached, the map arrives once, on one socket; reopened in the
 * same browser, the copy kept there is read first and the relay sends only what it lacks, not the
 * whole map again. The first socket says the browser holds none of the map (`state=empty`); the
 * reopen's does not.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { toJourneyJson } from '../src/model'
import { buildSyntheticMap } from '../src/test/maps'
import { allSaved, setIdentity } from './helpers'

/** Count the sync sockets the page opens and the bytes each receives. */
async function countSockets(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __sockets: { url: string; bytes: number }[] }
    w.__sockets = []
    const Native = window.WebSocket
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args)
        const entry = { url: String(args[0]), bytes: 0 }
        w.__sockets.push(entry)
        this.addEventListener('message', (e: MessageEvent) => (entry.bytes += (e.data as ArrayBuffer).byteLength ?? 0))
      }
    }
  })
}
const sockets = (page: Page) => page.evaluate(() => (window as unknown as { __sockets: { url: string; bytes: number }[] }).__sockets)

test('a map link opens on one socket with the map sent once, and a reopen is sent only what it lacks', async ({ page, request }) => {
  const map = buildSyntheticMap({ touchpoints: 300, stages: 10, personas: 3, annotationsPerCard: 2 })
  const created = (await (await request.post('/api/maps/import', { data: toJourneyJson(map) })).json()) as { id: string; editorToken: string }
  await setIdentity(page, 'Opener')
  await countSockets(page)
  await page.goto(`/m/${created.id}#token=${created.editorToken}`)
  await expect(page.locator('.react-flow__node-touchpoint').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('connection')).toHaveText(/^Connected/)
  await allSaved(page)
  const first = await sockets(page)
  // One socket; the map came on it once.
  const opened = first.filter((s) => s.url.includes('/sync/'))
  expect(opened).toHaveLength(1)
  const full = opened[0].bytes
  expect(full).toBeGreaterThan(100_000)
  // It said it held none of the map, so a relay still loading it sends it at once.
  expect(new URL(opened[0].url).searchParams.get('state')).toBe('empty')

  // Reopened in the same browser: the local copy is read before the relay is asked.
  await page.reload()
  await expect(page.locator('.react-flow__node-touchpoint').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('connection')).toHaveText(/^Connected/)
  await page.waitForTimeout(500)
  const again = (await sockets(page)).filter((s) => s.url.includes('/sync/'))
  expect(again).toHaveLength(1)
  expect(again[0].bytes).toBeLessThan(full / 10)
  expect(new URL(again[0].url).searchParams.get('state')).toBeNull()
})

test('a large map is drawn from its first part, opens on the start of the journey, and ends up whole', async ({ page, request }) => {
  // About 130,000 structs: large enough to arrive in two parts (src/sync/inParts.ts).
  const map = buildSyntheticMap({ touchpoints: 3000, stages: 12, personas: 4, annotationsPerCard: 2 })
  const created = (await (await request.post('/api/maps/import', { data: toJourneyJson(map) })).json()) as { id: string; editorToken: string }
  await setIdentity(page, 'Opener')
  await countSockets(page)
  await page.goto(`/m/${created.id}#token=${created.editorToken}`)
  await expect(page.locator('.react-flow__node-touchpoint').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('connection')).toHaveText(/^Connected/, { timeout: 30_000 })
  await allSaved(page)
  expect((await sockets(page)).filter((s) => s.url.includes('/sync/'))).toHaveLength(1)
  // A large map opens at a working zoom on its first stage, not fitted whole from its first part.
  const first = [...Object.values(map.stages)].sort((a, b) => (a.order < b.order ? -1 : 1))[0]
  await expect(page.locator('.react-flow__node').filter({ hasText: first.title }).first()).toBeInViewport()

  // The whole map is here: its export holds every card and annotation, with their text as sent.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('menu').getByRole('menuitem', { name: 'JSON', exact: true }).click()
  const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { touchpoints: { id: string; title: string }[]; annotations: unknown[] }
  expect(exported.touchpoints).toHaveLength(3000)
  expect(exported.annotations).toHaveLength(6000)
  const last = Object.values(map.touchpoints).at(-1)!
  expect(exported.touchpoints.find((t) => t.id === last.id)?.title).toBe(last.title)
})
