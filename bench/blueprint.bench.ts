/**
 * The service blueprint's cost: a 1,000-touchpoint map opened and panned with 1,000 blueprint
 * items under it, against the same map without them (goal: within 10 %). Also the derive step
 * (layout + nodes) in Node. Each viewer sees the blueprint (the default), so the map with items
 * draws four more lanes and 1,000 more nodes. Prints figures; asserts nothing.
 */
import { chromium } from '@playwright/test'
import { panFrames } from './panFrames'
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { BLUEPRINT_LANES, computeGridLayout, createId, keysBetween, sortedStages, toJourneyJson, type BlueprintItem, type Snapshot, type TouchpointId } from '../src/model'
import { createFlowCache, toFlow } from '../src/canvas/toFlow'
import { buildSyntheticMap } from '../src/test/maps'
import { mulberry32 } from '../src/test/seededRandom'

/** Reopens of each map, alternated (`BENCH_OPENS`). */
const OPENS = Number(process.env.BENCH_OPENS ?? 7)

const plain = buildSyntheticMap({ touchpoints: 1000, stages: 20, personas: 5, annotationsPerCard: 3 })

/** 1,000 items spread over the stage columns and the four lanes, each serving one or two cards of its column. */
function withBlueprint(snapshot: Snapshot, count: number): Snapshot {
  const random = mulberry32(20)
  const stages = sortedStages(snapshot)
  const cards = Object.values(snapshot.touchpoints)
  const cells = stages.length * BLUEPRINT_LANES.length
  const perCell = Math.ceil(count / cells)
  const orders = keysBetween(null, null, perCell)
  const items: Record<string, BlueprintItem> = {}
  for (let i = 0; i < count; i++) {
    const stage = stages[i % stages.length]
    const lane = BLUEPRINT_LANES[Math.floor(i / stages.length) % BLUEPRINT_LANES.length]
    const inColumn = cards.filter((c) => c.stageId === stage.id)
    const served = new Set<TouchpointId>()
    for (let k = 0; k < 1 + Math.floor(random() * 2) && inColumn.length; k++) served.add(inColumn[Math.floor(random() * inColumn.length)].id)
    const id = createId('blueprint-item', random)
    items[id] = { id, lane, stageId: stage.id, title: `Støtteprosess ${i} – æøå`, description: '', owner: ['Verksted', 'Økonomi', 'Salg'][i % 3], touchpointIds: [...served], order: orders[Math.floor(i / cells)] }
  }
  return { ...snapshot, blueprintItems: items }
}
const full = withBlueprint(plain, 1000)

type Row = [string, string, string]
const rows: Row[] = []
const figures = new Map<string, { plain: number; full: number }>()
const note = (name: string, which: 'plain' | 'full', value: number) => {
  const f = figures.get(name) ?? { plain: NaN, full: NaN }
  f[which] = value
  figures.set(name, f)
}

for (const [which, snapshot] of [['plain', plain], ['full', full]] as const) {
  const runs: number[] = []
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    toFlow(snapshot, computeGridLayout(snapshot, { blueprint: true }), { selectedIds: new Set(), readOnly: false }, createFlowCache())
    runs.push(performance.now() - t)
  }
  note('derive nodes, cold (layout + toFlow), median of 5, ms', which, runs.sort((a, b) => a - b)[2])
}

if (!existsSync('dist/index.html')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
const { startServer } = await import('../server/app')
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'bench-blueprint-')), logLevel: 'silent' })
const base = server.url.replace(/\/$/, '')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
/** A page that reopens one map, each time from this browser's copy, and reports when its first card is drawn. */
async function mapPage(snapshot: Snapshot) {
  const created = await (await fetch(`${base}/api/maps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(toJourneyJson(snapshot)) })).json()
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript(() => {
    localStorage.setItem('journey:identity', JSON.stringify({ name: 'Bench', color: '#4f7cff' }))
    const w = window as unknown as { __firstCard?: number }
    new MutationObserver((_m, obs) => {
      if (document.querySelector('.react-flow__node-touchpoint')) {
        w.__firstCard = performance.now()
        obs.disconnect()
      }
    }).observe(document, { childList: true, subtree: true })
  })
  const open = async (): Promise<number> => {
    await page.goto('about:blank')
    await page.goto(`${base}/m/${created.id}#token=${created.facilitatorToken}`)
    await page.waitForFunction(() => (window as unknown as { __firstCard?: number }).__firstCard !== undefined, null, { timeout: 30_000 })
    const ms = await page.evaluate(() => (window as unknown as { __firstCard: number }).__firstCard)
    await page.waitForTimeout(1000)
    return ms
  }
  return { page, open }
}

try {
  const pages = { plain: await mapPage(plain), full: await mapPage(full) }
  // Opens alternate between the two maps, so a busy moment on the machine falls on both; the
  // first open of each (nothing in this browser yet) is left out: what is compared is a reopen.
  const opens = { plain: [] as number[], full: [] as number[] }
  for (let i = 0; i <= OPENS; i++) {
    for (const which of ['plain', 'full'] as const) {
      const ms = await pages[which].open()
      if (i > 0) opens[which].push(ms)
    }
  }
  for (const which of ['plain', 'full'] as const) {
    note(`open → first card rendered, median of ${OPENS}, ms`, which, opens[which].sort((a, b) => a - b)[Math.floor(OPENS / 2)])
    const { page } = pages[which]
    await page.waitForTimeout(800)
    const pane = (await page.locator('.react-flow__pane').boundingBox())!
    const cx = pane.x + pane.width / 2
    const cy = pane.y + pane.height / 2
    const zoom = async () => Number(/scale\(([\d.]+)\)/.exec(await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform))?.[1])
    const pan = async (): Promise<number> => (await panFrames(page, { x: cx, y: cy })).fps
    await page.locator('.react-flow__controls-fitview').click()
    await page.waitForTimeout(800)
    note('panning, whole map in view, frames per second', which, await pan())
    await page.mouse.move(cx, cy)
    for (let i = 0; i < 40 && (await zoom()) < 1; i++) {
      await page.mouse.wheel(0, -120)
      await page.waitForTimeout(60)
    }
    await page.waitForTimeout(500)
    note('panning, working view (zoom 1), frames per second', which, await pan())
    await page.close()
  }
} finally {
  await browser.close()
  await server.close()
}

for (const [name, { plain: a, full: b }] of figures) {
  // Frames per second: higher is better, so the cost is the drop; times: the rise.
  const higherIsBetter = name.includes('frames per second')
  const cost = higherIsBetter ? (a - b) / a : (b - a) / a
  // The derive is one step of opening, measured on its own in Node; the goal is the open's.
  const goal = name.startsWith('derive') ? '— (a step of opening)' : 'cost ≤ 10 %'
  rows.push([name, `${a.toFixed(1)} → ${b.toFixed(1)} (${cost >= 0 ? '+' : ''}${(cost * 100).toFixed(0)} % cost)`, goal])
}
console.log('\nBlueprint benchmark · 1,000 touchpoints and 3,000 annotations, without → with 1,000 blueprint items')
const w0 = Math.max(...rows.map((r) => r[0].length))
for (const [name, value, goal] of rows) console.log(`  ${name.padEnd(w0)}  ${value.padStart(28)}   goal ${goal}`)
