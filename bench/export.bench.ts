/**
 * Export figures: time and file size of PDF (in Node, with the real embedded font), CSV and JSON
 * for maps of 50, 200 and 1,000 touchpoints (goal: PDF of 200 in under 2 s), and the app's initial
 * JavaScript with and without jsPDF (goal: jsPDF only in a lazily loaded chunk; initial JS ≤ 250 KB
 * gzipped). Prints a table; asserts nothing.
 *
 *   npx tsx bench/export.bench.ts            (add --no-build to skip the bundle part)
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import { parseJourneyJson, stringifyJourneyJson } from '../src/model'
import { journeyCsv } from '../src/io/csv'
import { readDejaVuFonts } from '../src/test/nodeFonts'
import { renderJourneyPdf } from '../src/io/pdf/renderJourneyPdf'
import { buildSyntheticMap } from '../src/test/maps'

const rows: [string, string, string][] = []
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (t: number) => `${t.toFixed(t < 10 ? 2 : 0)} ms`

/** Median of `runs` timings, after one untimed warm-up run. */
async function time<T>(runs: number, fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    result = await fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)], result }
}

const font = readDejaVuFonts()
for (const touchpoints of [50, 200, 1000]) {
  const snapshot = buildSyntheticMap({ touchpoints, stages: 9, personas: 4, seed: touchpoints })
  const annotations = Object.keys(snapshot.annotations).length
  const label = `${touchpoints} touchpoints, ${annotations} annotations`
  const pdf = await time(touchpoints >= 1000 ? 1 : 3, () => renderJourneyPdf(snapshot, { paper: 'a4', orientation: 'landscape', fit: 'split' }, { font }))
  rows.push([`PDF A4 landscape split · ${label}`, `${ms(pdf.ms)} · ${kb(pdf.result.byteLength)}`, touchpoints === 200 ? '< 2,000 ms' : '—'])
  const scaled = await time(1, () => renderJourneyPdf(snapshot, { paper: 'a3', orientation: 'landscape', fit: 'scale' }, { font }))
  rows.push([`PDF A3 landscape scale · ${label}`, `${ms(scaled.ms)} · ${kb(scaled.result.byteLength)}`, '—'])
  const csv = await time(5, () => journeyCsv(snapshot))
  rows.push([`CSV · ${label}`, `${ms(csv.ms)} · ${kb(new TextEncoder().encode(csv.result).byteLength)}`, '—'])
  const json = await time(5, () => stringifyJourneyJson(snapshot))
  rows.push([`JSON export · ${label}`, `${ms(json.ms)} · ${kb(new TextEncoder().encode(json.result).byteLength)}`, '—'])
  const parsed = await time(5, () => parseJourneyJson(json.result))
  rows.push([`JSON import (restore → migrate → validate) · ${label}`, `${ms(parsed.ms)}${parsed.result.ok ? '' : ' (INVALID)'}`, '—'])
}

if (!process.argv.includes('--no-build')) {
  const outDir = mkdtempSync(join(tmpdir(), 'export-bench-build-'))
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] })
    const html = readFileSync(join(outDir, 'index.html'), 'utf8')
    const initial = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => (m[1] ?? m[2]).replace(/^\//, ''))
    const assets = readdirSync(join(outDir, 'assets'))
    const js = assets.filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`)
    const gz = (file: string) => gzipSync(readFileSync(join(outDir, file))).byteLength
    // jsPDF's own identifiers survive minification as strings in its chunk.
    const hasJsPdf = (file: string) => /addFileToVFS|jsPDF/.test(readFileSync(join(outDir, file), 'utf8'))
    const initialGz = initial.reduce((n, f) => n + gz(f), 0)
    const allGz = js.reduce((n, f) => n + gz(f), 0)
    const jsPdfChunks = js.filter(hasJsPdf)
    rows.push(['initial JS (entry + modulepreload), gzipped', `${kb(initialGz)} in ${initial.length} file(s)`, '≤ 250 KB'])
    rows.push(['jsPDF in an initial chunk?', initial.some(hasJsPdf) ? 'YES' : 'no', 'no'])
    rows.push(['jsPDF chunk(s), gzipped', `${kb(jsPdfChunks.reduce((n, f) => n + gz(f), 0))} (${jsPdfChunks.map((f) => f.replace('assets/', '')).join(', ') || 'none found'})`, 'lazy'])
    rows.push(['all JS chunks incl. jsPDF, gzipped', `${kb(allGz)} in ${js.length} files`, '—'])
    const fonts = assets.filter((f) => f.endsWith('.ttf'))
    rows.push(['PDF font assets (fetched on first PDF export)', fonts.map((f) => `${f}: ${kb(statSync(join(outDir, 'assets', f)).size)}`).join(', ') || 'none', 'lazy'])
  } catch (e) {
    rows.push(['app bundle', `pending: the app did not build (${(e as Error).message.split('\n')[0]})`, '—'])
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

const width = Math.max(...rows.map((r) => r[0].length))
const valueWidth = Math.max(...rows.map((r) => r[1].length))
console.log(`${'export benchmark'.padEnd(width)}  ${'measured'.padEnd(valueWidth)}  goal`)
for (const [name, value, goal] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${goal}`)
