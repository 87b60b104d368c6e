/**
 * Property: importing any generated sheet (CSV with quotes, delimiters, line breaks, æøå and
 * emoji in comments; valid, blank and broken scores and dates) either stores every valid row
 * exactly once, in order, or changes nothing. The sheet goes the way a user's does: read and
 * mapped as the import dialog does it, then posted to a real server over a real SQLite file;
 * when the dialog would refuse the sheet, its rows are posted anyway, to prove the server
 * refuses them too.
 */
import fc from 'fast-check'
import Papa from 'papaparse'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { guessMapping, mapSheet, readSheet } from '../../src/feedback/sheet'
import type { FeedbackResponse } from '../../src/feedback/responses'
import type { ShareLinks } from '../maps'
import { startTestServer, type TestServer } from '../testing/testServer'

let server: TestServer
let map: ShareLinks
beforeAll(async () => {
  server = await startTestServer()
  map = await server.createMap({ title: 'Egenskaber 🧪' })
})
afterAll(async () => {
  await server.dispose()
})

const KINDS = ['NPS', 'CES', 'CSAT'] as const
const MAX: Record<string, number> = { NPS: 10, CES: 7, CSAT: 5 }
const MIN: Record<string, number> = { NPS: 0, CES: 1, CSAT: 1 }

const row = fc.constantFrom(...KINDS).chain((kind) => fc.record({
  kind: fc.constant(kind),
  score: fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: MIN[kind], max: MAX[kind] }).map(String) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('11', '4.5', 'x', '-1') },
  ),
  date: fc.oneof(
    { weight: 30, arbitrary: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('2026-13-01', '31.02.2026', 'soon') },
  ),
  comment: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('Lang ventetid, "meget" lang;\nog æøå 😤', '  ', 'tab\there')),
  target: fc.constantFrom('Booking online', 'Værksted 🚗', ''),
}))

type Row = { kind: string; score: string; date: string; comment: string; target: string }

/** What the rows should become: the responses, or null when one row must refuse the whole sheet. */
function expected(rows: Row[]): FeedbackResponse[] | null {
  const out: FeedbackResponse[] = []
  for (const r of rows) {
    if ([r.kind, r.score, r.date, r.comment, r.target].every((c) => c.trim() === '')) continue
    if (r.score === '') continue
    const n = Number(r.score)
    if (!Number.isInteger(n) || n < MIN[r.kind] || n > MAX[r.kind] || !/^\d{4}-\d{2}-\d{2}$|^$/.test(r.date) || r.date === '2026-13-01') return null
    if (!r.target) continue
    out.push({ date: r.date, kind: r.kind.toLowerCase() as FeedbackResponse['kind'], score: n, comment: r.comment.trim(), channel: '', target: r.target })
  }
  return out
}

let attempt = 0
const paths = { imported: 0, refused: 0 }
it('imports every valid row exactly once, or nothing', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom(',', '\t', ';'), async (rows, delimiter) => {
      const setId = `feedback-set:p${++attempt}`
      const text = Papa.unparse({ fields: ['Date', 'Kind', 'Score', 'Comment', 'Touchpoint'], data: rows.map((r) => [r.date, r.kind, r.score, r.comment, r.target]) }, { delimiter })
      const before = await server.store.listFeedbackSets(map.id)
      const sheet = readSheet(text)
      expect(sheet.ok).toBe(true)
      if (!sheet.ok) return
      const mapped = mapSheet(sheet.sheet, guessMapping(sheet.sheet.headers), () => true)
      const want = expected(rows)
      // What the dialog would send; with problems, the raw rows as they stand.
      const body = mapped.problems.length
        ? rows.map((r) => ({ date: r.date, kind: r.kind.toLowerCase(), score: r.score === '' ? null : Number(r.score), comment: r.comment, channel: '', target: r.target }))
        : mapped.responses
      if (!mapped.problems.length && body.length === 0) {
        // Nothing to import: the dialog sends nothing.
        expect(want).toEqual([])
        return
      }
      const res = await fetch(`${server.url}/api/maps/${map.id}/feedback`, {
        method: 'POST',
        headers: { authorization: `Bearer ${map.editorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: setId, name: 'egenskab', responses: body }),
      })
      if (want === null) {
        expect(mapped.problems.length).toBeGreaterThan(0)
        expect(res.status).toBe(400)
        expect(await server.store.listFeedbackSets(map.id)).toEqual(before)
        expect(await server.store.loadFeedbackResponses(map.id, setId)).toBeUndefined()
        paths.refused++
      } else {
        expect(mapped.problems).toEqual([])
        expect(res.status).toBe(201)
        const stored = (await server.store.loadFeedbackResponses(map.id, setId))!
        expect(stored.map(({ n: _, ...r }) => r)).toEqual(want)
        expect(stored.map((r) => r.n)).toEqual(want.map((_, i) => i + 1))
        paths.imported++
      }
    }),
    { numRuns: 80 },
  )
  // Both outcomes were exercised, or the property proved little.
  expect(paths.imported).toBeGreaterThan(10)
  expect(paths.refused).toBeGreaterThan(10)
}, 120_000)
