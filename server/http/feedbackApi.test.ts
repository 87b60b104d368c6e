/**
 * The feedback API over a real server and a real SQLite file: roles guard verbatims, uploads
 * are all or nothing with errors naming row and column, and a deleted data set is gone from
 * the file itself.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FeedbackResponse } from '../../src/feedback/responses'
import type { ShareLinks } from '../maps'
import { openSqliteStore } from '../storage/sqlite'
import type { MapStore } from '../storage/types'
import { startTestServer, tempDataDir, type TestServer } from '../testing/testServer'

let server: TestServer
let store: MapStore
let dataDir: string
let map: ShareLinks
beforeEach(async () => {
  dataDir = tempDataDir()
  store = await openSqliteStore(dataDir)
  server = await startTestServer({ store, dataDir })
  map = await server.createMap({ title: 'Værksted 🚗' })
})
afterEach(async () => {
  await server.dispose()
  await store.close().catch(() => {})
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const SECRET_COMMENT = 'Mekanikeren Søren ringede aldrig tilbage 😤 PERSONDATA-7731'

function rows(count: number): FeedbackResponse[] {
  return Array.from({ length: count }, (_, i) => ({
    date: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`,
    kind: 'nps',
    score: i % 11,
    comment: i === 3 ? SECRET_COMMENT : i % 2 ? 'Fin service' : '',
    channel: 'web',
    target: i % 2 ? 'Booking online' : 'Afhentning',
  }))
}

const call = (method: string, route: string, token: string | null, body?: unknown) =>
  fetch(`${server.url}${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })

const SET = 'feedback-set:Q1survey26'

describe('feedback API', () => {
  it('an editor imports; the editor reads verbatims, a viewer only aggregates', async () => {
    const created = await call('POST', `/api/maps/${map.id}/feedback`, map.editorToken, { id: SET, name: 'Q1 — kundeundersøgelse', responses: rows(40) })
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ id: SET, name: 'Q1 — kundeundersøgelse', responses: 40, from: '2026-02-01', to: '2026-02-28' })

    const asEditor = await (await call('GET', `/api/maps/${map.id}/feedback/${SET}`, map.editorToken)).json()
    expect(asEditor.responses).toHaveLength(40)
    expect(asEditor.responses[3]).toMatchObject({ n: 4, comment: SECRET_COMMENT, target: 'Booking online' })

    const viewerRes = await call('GET', `/api/maps/${map.id}/feedback/${SET}`, map.viewerToken)
    expect(viewerRes.status).toBe(200)
    const viewerText = await viewerRes.text()
    expect(viewerText).not.toContain('PERSONDATA')
    expect(viewerText).not.toContain('Fin service')
    const asViewer = JSON.parse(viewerText)
    expect(asViewer.responses).toBeUndefined()
    const total = asViewer.aggregates.reduce((n: number, a: { counts: number[] }) => n + a.counts.reduce((x, y) => x + y, 0), 0)
    expect(total).toBe(40)
    expect((await (await call('GET', `/api/maps/${map.id}/feedback`, map.viewerToken)).json()).sets).toHaveLength(1)
  })

  it('a viewer may neither import nor delete; a missing or other map’s token opens nothing', async () => {
    expect((await call('POST', `/api/maps/${map.id}/feedback`, map.viewerToken, { id: SET, name: 'x', responses: rows(2) })).status).toBe(403)
    await call('POST', `/api/maps/${map.id}/feedback`, map.facilitatorToken, { id: SET, name: 'x', responses: rows(2) })
    expect((await call('DELETE', `/api/maps/${map.id}/feedback/${SET}`, map.viewerToken)).status).toBe(403)
    expect((await call('GET', `/api/maps/${map.id}/feedback/${SET}`, null)).status).toBe(401)
    const other = await server.createMap({})
    expect((await call('GET', `/api/maps/${map.id}/feedback/${SET}`, other.editorToken)).status).toBe(403)
    expect((await store.loadFeedbackResponses(map.id, SET))!.length).toBe(2)
  })

  it('refuses an upload with a bad row, naming row and column, and stores nothing of it', async () => {
    const bad = rows(30)
    bad[11] = { ...bad[11], score: 12 }
    bad[20] = { ...bad[20], date: '31.02.2026' }
    const res = await call('POST', `/api/maps/${map.id}/feedback`, map.editorToken, { id: SET, name: 'bad', responses: bad })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.errors).toEqual([
      { path: 'responses: row 12, column score', message: 'expected a whole number 0..10 for NPS, got 12' },
      { path: 'responses: row 21, column date', message: 'expected YYYY-MM-DD, got "31.02.2026"' },
    ])
    expect(await store.listFeedbackSets(map.id)).toEqual([])
    expect(await store.loadFeedbackResponses(map.id, SET)).toBeUndefined()
  })

  it('bounds the upload', async () => {
    const res = await call('POST', `/api/maps/${map.id}/feedback`, map.editorToken, '{"x":"' + 'a'.repeat(33 * 1024 * 1024) + '"}')
    expect(res.status).toBe(413)
  })

  it('DELETE removes every response: gone from the SQLite file itself', async () => {
    // Few rows, so the kept set's rows share a page with the deleted ones: freed space on a page
    // still in use is where deleted text would linger.
    await call('POST', `/api/maps/${map.id}/feedback`, map.editorToken, { id: SET, name: 'personal', responses: rows(6) })
    await call('POST', `/api/maps/${map.id}/feedback`, map.editorToken, { id: 'feedback-set:kept', name: 'kept', responses: rows(5).map((r) => ({ ...r, comment: '' })) })
    const file = path.join(fs.realpathSync(dataDir), 'maps.sqlite')
    const count = () => {
      const db = new Database(file, { readonly: true })
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM feedback_responses WHERE map_id = ? AND set_id = ?').get(map.id, SET) as { n: number }).n
      } finally {
        db.close()
      }
    }
    expect(count()).toBe(6)
    const res = await call('DELETE', `/api/maps/${map.id}/feedback/${SET}`, map.editorToken)
    expect(res.status).toBe(200)
    expect(count()).toBe(0)
    expect((await call('GET', `/api/maps/${map.id}/feedback/${SET}`, map.editorToken)).status).toBe(404)
    expect((await call('DELETE', `/api/maps/${map.id}/feedback/${SET}`, map.editorToken)).status).toBe(404)
    expect((await store.listFeedbackSets(map.id)).map((s) => s.id)).toEqual(['feedback-set:kept'])
    // Not only unlinked: the bytes of the comments are overwritten in the database and its WAL.
    for (const f of fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith('maps.sqlite'))) {
      expect(fs.readFileSync(path.join(path.dirname(file), f)).includes(Buffer.from('PERSONDATA-7731')), f).toBe(false)
    }
  })
})
