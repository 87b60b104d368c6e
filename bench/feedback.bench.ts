/**
 * Customer feedback at survey scale: 50,000 responses.
 *  - In Node: read the sheet (papaparse), map its rows, aggregate, place on the map, compute every
 *    metric with its interval, and the recurring terms of a stage's comments.
 *  - In headless Chromium with the built app and the real server: paste the sheet into the import
 *    dialog → preview shown (read + map + link), import (upload, check, store in SQLite, reference in
 *    the map) → measured figures shown (goal: read and compute under 2 s).
 *  - The map's sync size (its whole Y.Doc state) before and after the import (goal: unchanged
 *    but for the references).
 * Prints figures; asserts nothing.
 */
import { chromium } from '@playwright/test'
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { estimates, placeAggregates } from '../src/feedback/measured'
import { aggregateResponses, compare } from '../src/feedback/metrics'
import { guessMapping, mapSheet, readSheet } from '../src/feedback/sheet'
import { recurringTerms } from '../src/feedback/terms'
import { surveySheet } from '../src/test/surveySheets'
import { readSnapshot } from '../src/doc'
import { getTemplate } from '../src/templates'
import { SyncClient } from '../server/testing/syncClient'

const ROWS = 50_000
const rows: [string, string, string][] = []
const ms = (t: number) => `${t.toFixed(0)} ms`

const template = getTemplate('karoline-car-service-en')!.build()
const titles = Object.values(template.touchpoints).map((tp) => tp.title)
const sheetText = surveySheet({ rows: ROWS, targets: titles, seed: 5 })
rows.push(['sheet', `${ROWS.toLocaleString('en')} rows, ${(sheetText.length / 1024 / 1024).toFixed(1)} MB`, '—'])

// Node: the same code the dialog and Insights run.
{
  let t = performance.now()
  const sheet = readSheet(sheetText)
  if (!sheet.ok) throw new Error('unreadable sheet')
  const tRead = performance.now() - t
  t = performance.now()
  const mapped = mapSheet(sheet.sheet, guessMapping(sheet.sheet.headers), () => true)
  const tMap = performance.now() - t
  t = performance.now()
  const aggregates = aggregateResponses(mapped.responses)
  const links = new Map(Object.values(template.touchpoints).map((tp) => [tp.title, tp.id as string]))
  const placement = placeAggregates(template, aggregates, links)
  for (const h of placement.touchpoints.values()) estimates(h)
  for (const h of placement.stages.values()) estimates(h)
  const half = placeAggregates(template, aggregates, links, { from: '2026-01-01', to: '2026-02-18' })
  const rest = placeAggregates(template, aggregates, links, { from: '2026-02-19', to: '2026-12-31' })
  for (const [id, h] of half.stages) for (const k of ['nps', 'ces', 'csat'] as const) compare(k, h[k], rest.stages.get(id)![k])
  const tCompute = performance.now() - t
  t = performance.now()
  const stageComments = mapped.responses.filter((r) => r.target === titles[0]).map((r) => r.comment)
  recurringTerms(stageComments)
  const tTerms = performance.now() - t
  t = performance.now()
  recurringTerms(mapped.responses.map((r) => r.comment))
  const tAllTerms = performance.now() - t
  rows.push(['Node: read sheet (papaparse)', ms(tRead), '—'])
  rows.push(['Node: map rows to responses', ms(tMap), '—'])
  rows.push([`Node: aggregate (${aggregates.length} histograms), place, every metric + interval, period comparison`, ms(tCompute), '—'])
  rows.push(['Node: read + map + compute', ms(tRead + tMap + tCompute), '< 2 s'])
  rows.push([`Node: recurring terms, one touchpoint (${stageComments.length} comments)`, ms(tTerms), '—'])
  rows.push([`Node: recurring terms, all ${mapped.responses.length.toLocaleString('en')} comments`, ms(tAllTerms), '—'])
}

// The browser, against the real server with the built app.
if (!existsSync('dist/index.html')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
const { startServer } = await import('../server/app')
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'bench-feedback-')), logLevel: 'silent' })
const base = server.url.replace(/\/$/, '')
const created = await (await fetch(`${base}/api/maps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ template: 'karoline-car-service-en' }) })).json()

async function syncSize(): Promise<{ bytes: number; collections: Record<string, number> }> {
  const client = await SyncClient.connect(base, created.id, created.viewerToken)
  await client.synced
  const bytes = Y.encodeStateAsUpdate(client.doc).byteLength
  const s = readSnapshot(client.doc)
  await client.close()
  return { bytes, collections: { feedbackSets: Object.keys(s.feedbackSets).length, feedbackLinks: Object.keys(s.feedbackLinks).length, quotes: Object.keys(s.quotes).length } }
}

const before = await syncSize()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript(() => localStorage.setItem('journey:identity', JSON.stringify({ name: 'Bench', color: '#4f7cff' })))
  await page.goto(`${base}/m/${created.id}#token=${encodeURIComponent(created.facilitatorToken)}`)
  await page.locator('.react-flow__node-touchpoint').first().waitFor()
  await page.getByRole('tab', { name: 'Insights' }).click()
  await page.getByRole('button', { name: 'Import feedback…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import customer feedback' })
  const textarea = dialog.getByLabel('Paste from a spreadsheet')
  // Put the text in place without typing it, then time from the input event to the preview.
  await textarea.evaluate((el, text) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!
    setter.call(el, text)
    ;(window as unknown as { __t0: number }).__t0 = performance.now()
    el.dispatchEvent(new Event('input', { bubbles: true }))
  }, sheetText)
  await dialog.getByTestId('feedback-counts').filter({ hasText: '50,000 responses will be imported' }).waitFor({ timeout: 120_000 })
  const preview = await page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0)
  rows.push(['browser: paste → preview (read, map, link 50,000 rows)', ms(preview), '< 2 s'])
  const t = performance.now()
  await dialog.getByRole('button', { name: 'Import 50,000 responses' }).click()
  await page.getByTestId('feedback-set-line').filter({ hasText: '50,000 responses' }).waitFor({ timeout: 120_000 })
  const uploaded = performance.now() - t
  await page.locator('.measured-table').waitFor({ timeout: 120_000 })
  const shown = performance.now() - t
  rows.push(['browser: import → stored and referenced (upload 50,000, check, SQLite)', ms(uploaded), '—'])
  rows.push(['browser: import → measured figures, curves, terms shown (incl. fetching them back)', ms(shown), '—'])
  // Recompute alone: switch the data set view off and on by re-rendering Insights.
  await page.getByRole('tab', { name: 'Canvas' }).click()
  const t2 = performance.now()
  await page.getByRole('tab', { name: 'Insights' }).click()
  await page.locator('.measured-table').waitFor()
  await page.locator('.term-list').waitFor()
  rows.push(['browser: open Insights with 50,000 loaded (place, metrics, curves, terms)', ms(performance.now() - t2), '< 2 s'])
} finally {
  await browser.close()
}
const after = await syncSize()
await server.close()
rows.push(['map sync size before import', `${before.bytes.toLocaleString('en')} B`, '—'])
rows.push([`map sync size after (references: ${after.collections.feedbackSets} set, ${after.collections.feedbackLinks} links)`, `${after.bytes.toLocaleString('en')} B (+${(after.bytes - before.bytes).toLocaleString('en')})`, 'references only'])

console.log(`\nCustomer feedback benchmark · ${ROWS.toLocaleString('en')} responses`)
const w0 = Math.max(...rows.map((r) => r[0].length))
for (const [name, value, goal] of rows) console.log(`  ${name.padEnd(w0)}  ${value.padStart(22)}   goal ${goal}`)
