/**
 * Opening a large map, side by side with plain React Flow (issue 21, items 7 and 9):
 *  - open → first card rendered with nothing cached locally, at 1,000 and 5,000 touchpoints,
 *    against a page built with plain React Flow that fetches and draws the same cards
 *    (bench/plainFlow/; goal: ours ≤ plain + 0.5 s), both for the first to open the map (the relay
 *    loads it from storage) and for a colleague joining while it is open,
 *  - panning with the whole 5,000-touchpoint map in view (goal ≥ 30 fps), and the DOM it takes.
 * Each open is a fresh browser context (no IndexedDB, no HTTP cache). Prints figures; asserts nothing.
 */
import { chromium, type Page } from '@playwright/test'
import { panFrames } from './panFrames'
import react from '@vitejs/plugin-react'
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { build } from 'vite'
import { toJourneyJson } from '../src/model'
import { buildSyntheticMap } from '../src/test/maps'

const OPENS = Number(process.env.BENCH_OPENS ?? 3)
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number)
const rows: [string, string, string][] = []

// The plain React Flow page, built for the bench only.
const plainDir = mkdtempSync(join(tmpdir(), 'bench-plain-flow-'))
await build({ root: 'bench/plainFlow', configFile: false, plugins: [react()], logLevel: 'warn', build: { outDir: plainDir, emptyOutDir: true, target: 'es2022' } })

if (!existsSync('dist/index.html')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
const { startServer } = await import('../server/app')
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'bench-opening-')), logLevel: 'silent' })
const base = server.url.replace(/\/$/, '')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

/** First card on screen, in ms from navigation start, in a fresh context (nothing cached). */
async function firstCard(url: string, selector: string, prepare?: (page: Page) => Promise<void>): Promise<{ ms: number; mapArrived: number; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await prepare?.(page)
  await page.addInitScript((sel) => {
    localStorage.setItem('journey:identity', JSON.stringify({ name: 'Bench', color: '#4f7cff' }))
    // When the relay's copy of the map (the first large message) arrives: what is the server's
    // and the network's share of the wait, and what the page's.
    const Native = window.WebSocket
    window.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args)
        this.addEventListener('message', (e: MessageEvent) => {
          const w = window as unknown as { __mapArrived?: number }
          if (w.__mapArrived === undefined && (e.data as ArrayBuffer).byteLength > 10_000) w.__mapArrived = performance.now()
        })
      }
    }
    new MutationObserver((_m, obs) => {
      if (document.querySelector(sel)) {
        ;(window as unknown as { __firstCard: number }).__firstCard = performance.now()
        obs.disconnect()
      }
    }).observe(document, { childList: true, subtree: true })
  }, selector)
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __firstCard?: number }).__firstCard !== undefined, null, { timeout: 60_000 })
  const [ms, mapArrived] = await page.evaluate(() => {
    const w = window as unknown as { __firstCard: number; __mapArrived?: number }
    return [w.__firstCard, w.__mapArrived ?? Number.NaN]
  })
  return { ms, mapArrived, page }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Pan with the mouse for ~3 s while counting animation frames. */
async function panFps(page: Page): Promise<{ fps: number; p95: number }> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!
  const cx = pane.x + pane.width / 2
  const cy = pane.y + pane.height / 2
  return panFrames(page, { x: cx, y: cy }, { x: 300, y: 200 })
}

try {
  for (const size of SIZES) {
    const snapshot = buildSyntheticMap({ touchpoints: size, stages: 20, personas: 5, annotationsPerCard: 3 })
    const file = toJourneyJson(snapshot)
    const created = await (await fetch(`${base}/api/maps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(file) })).json()
    const exported = await (await fetch(`${base}/api/maps/${created.id}/export.json?token=${created.viewerToken}`)).text()
    const servePlain = async (page: Page) => {
      await page.route('http://plain.bench/**', (route) => {
        const path = new URL(route.request().url()).pathname
        if (path === '/map.json') return route.fulfill({ body: exported, contentType: 'application/json' })
        const local = join(plainDir, path === '/' ? 'index.html' : path)
        return route.fulfill({ body: readFileSync(local), contentType: TYPES[extname(local)] ?? 'application/octet-stream' })
      })
    }
    const plain: number[] = []
    const ours: number[] = []
    const arrived: number[] = []
    const joined: number[] = []
    for (let i = 0; i < OPENS; i++) {
      // Alternate, so a busy moment on the machine falls on both.
      const p = await firstCard('http://plain.bench/', '.react-flow__node', servePlain)
      plain.push(p.ms)
      await p.page.context().close()
      // The first to open finds the map on disk only: the previous round's room is gone and its last fold done.
      while (server.relay.rooms.loadedCount > 0 || server.relay.rooms.unloadingCount > 0) await new Promise((resolve) => setTimeout(resolve, 50))
      const o = await firstCard(`${base}/m/${created.id}#token=${created.facilitatorToken}`, '.react-flow__node-touchpoint')
      ours.push(o.ms)
      arrived.push(o.mapArrived)
      // A colleague opening the map while it is open: the relay has it loaded already.
      const j = await firstCard(`${base}/m/${created.id}#token=${created.editorToken}`, '.react-flow__node-touchpoint')
      joined.push(j.ms)
      await j.page.context().close()
      if (i < OPENS - 1 || size !== 5000) await o.page.context().close()
      else {
        // The whole 5,000-touchpoint map in view, panned.
        const page = o.page
        await page.waitForTimeout(1500)
        await page.locator('.react-flow__controls-fitview').click()
        await page.waitForTimeout(1500)
        const nodes = await page.locator('.react-flow__node').count()
        const elements = await page.evaluate(() => document.querySelectorAll('*').length)
        const { fps, p95 } = await panFps(page)
        rows.push([`whole map in view, ${size.toLocaleString('en')} touchpoints: panning frames per second`, fps.toFixed(1), '≥ 30'])
        rows.push([`  frame time p95`, `${p95.toFixed(1)} ms`, '≤ 33 ms'])
        rows.push([`  React Flow nodes / DOM elements`, `${nodes} / ${elements}`, '—'])
        await page.context().close()
      }
    }
    const n = size.toLocaleString('en')
    rows.push([`first card, ${n} touchpoints, nothing cached: plain React Flow (median of ${OPENS})`, `${median(plain).toFixed(0)} ms`, '—'])
    const goal = `≤ ${(median(plain) + 500).toFixed(0)} ms (plain + 500)`
    rows.push([`first card, ${n} touchpoints, nothing cached: this app, first to open (median of ${OPENS})`, `${median(ours).toFixed(0)} ms`, goal])
    rows.push([`  of which: the relay's copy arrives (median)`, `${median(arrived).toFixed(0)} ms`, '—'])
    rows.push([`  of which: from its arrival to the first card (median)`, `${median(ours.map((t, i) => t - arrived[i])).toFixed(0)} ms`, '—'])
    rows.push([`first card, ${n} touchpoints, nothing cached: this app, joining it open (median of ${OPENS})`, `${median(joined).toFixed(0)} ms`, goal])
  }
} finally {
  await browser.close()
  await server.close()
}

console.log('\nOpening benchmark · side by side with plain React Flow')
const w0 = Math.max(...rows.map((r) => r[0].length))
for (const [name, value, goal] of rows) console.log(`  ${name.padEnd(w0)}  ${value.padStart(16)}   goal ${goal}`)
