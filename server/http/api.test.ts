/**
 * The HTTP side over a real server: creating, importing and exporting maps, health, metrics,
 * limits, and the built app with its headers.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseJourneyJson, PHASES, toJourneyJson, type Snapshot } from '../../src/model'
import { readSnapshot } from '../../src/doc'
import { TEMPLATES } from '../../src/templates'
import { SyncClient } from '../testing/syncClient'
import { startTestServer, tempDataDir, type TestServer } from '../testing/testServer'
import type { ShareLinks } from '../maps'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.dispose()
})

const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })

async function docOf(map: ShareLinks): Promise<Y.Doc> {
  const client = await SyncClient.connect(server.url, map.id, map.viewerToken)
  await client.synced
  await client.close()
  return client.doc
}

/** A contract-4 file with text in Danish, Swedish and emoji everywhere text can be. */
function unicodeFile(): Record<string, unknown> {
  return {
    format: 'journey-map',
    schemaVersion: 1,
    meta: { title: 'Kunderejse: Bilværksted æøå ÆØÅ äö 🚗✨', locale: 'da', description: 'Før, under og efter 🛠️', createdAt: '2024-03-01T09:00:00.000Z' },
    personas: [{ id: 'persona:karoline', name: 'Karoline Ødegård 👩‍🔧', description: 'Vil have bilen hurtigt tilbage', color: '#4f7cff', order: 'a0' }],
    stages: [
      { id: 'stage:booking', phase: 'before', title: 'Bestilling på nettet 🌐', order: 'a0' },
      { id: 'stage:service', phase: 'during', title: 'Værkstedsbesøg', order: 'a0' },
    ],
    touchpoints: [
      { id: 'touchpoint:call', stageId: 'stage:booking', personaId: 'persona:karoline', title: 'Ringer til værkstedet ☎️', description: 'Venter længe — “høflig” men træt', channel: 'phone', owner: 'Kundeservice', emotion: -1, priority: 2, order: 'a0' },
    ],
    annotations: [{ id: 'annotation:pain', targetId: 'touchpoint:call', kind: 'pain-point', text: 'Lang ventetid 😤 för kunden', status: null, votes: { 'åse': 2 }, order: 'a0' }],
    links: [],
    comments: [{ id: 'comment:one', targetId: 'touchpoint:call', author: 'Åsa Ångström', text: 'Kan vi ringe tilbage? 👍', createdAt: '2024-03-01T10:00:00.000Z', resolved: false }],
  }
}

describe('maps API', () => {
  it('creates a blank map: three phases with a starter stage each and one persona, three role links', async () => {
    const res = await post('/api/maps', { title: 'Ny rejse – æøå 🚲' })
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const map = (await res.json()) as ShareLinks
    expect(map.id).toMatch(/^map_[0-9A-Za-z]{16}$/)
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      expect(map.urls[role]).toBe(`${server.url.replace('127.0.0.1', '127.0.0.1')}/m/${map.id}#token=${map[`${role}Token`]}`)
    }
    const snapshot = readSnapshot(await docOf(map))
    expect(snapshot.meta.title).toBe('Ny rejse – æøå 🚲')
    expect(Object.values(snapshot.stages).map((s) => s.phase).sort()).toEqual([...PHASES].sort())
    expect(Object.keys(snapshot.personas)).toHaveLength(1)

    const info = await (await fetch(`${server.url}/api/maps/${map.id}?token=${map.editorToken}`)).json()
    expect(info).toEqual({ id: map.id, title: 'Ny rejse – æøå 🚲', role: 'editor' })
  })

  it('refuses an unknown template and bad fields, naming the field', async () => {
    const unknown = await post('/api/maps', { template: 'no-such-template' })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ errors: [{ path: 'template', message: expect.stringContaining('no-such-template') }] })
    const badTitle = await post('/api/maps', { title: 42 })
    expect(await badTitle.json()).toMatchObject({ errors: [{ path: 'title' }] })
    const notJson = await post('/api/maps', '{"title": ')
    expect(notJson.status).toBe(400)
    expect(((await notJson.json()) as { error: string }).error).toMatch(/^body: not valid JSON/)
  })

  it('creates a map from a template', async () => {
    // No templates would fail here rather than skip what this test is for.
    expect(TEMPLATES.length).toBeGreaterThan(0)
    const template = TEMPLATES[0]
    const map = (await (await post('/api/maps', { template: template.id })).json()) as ShareLinks
    const snapshot = readSnapshot(await docOf(map))
    expect(Object.keys(snapshot.touchpoints).sort()).toEqual(Object.keys(template.build().touchpoints).sort())
  })

  it('imports a contract-4 file and exports it back with æøå and emoji intact', async () => {
    const file = unicodeFile()
    const res = await post('/api/maps/import', file)
    expect(res.status).toBe(201)
    const map = (await res.json()) as ShareLinks
    expect(map.title).toBe('Kunderejse: Bilværksted æøå ÆØÅ äö 🚗✨')

    const exported = await fetch(`${server.url}/api/maps/${map.id}/export.json?token=${map.viewerToken}`)
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const disposition = exported.headers.get('content-disposition')!
    expect(disposition).toMatch(/^attachment; filename="Kunderejse-Bilvaerksted-aeoea-AEOEA-ao\.json"; filename\*=UTF-8''/)
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('Kunderejse-Bilværksted-æøå-ÆØÅ-äö.json')
    const text = await exported.text()
    const parsed = parseJourneyJson(text)
    expect(parsed.ok).toBe(true)
    const expected = parseJourneyJson(file)
    if (!parsed.ok || !expected.ok) throw new Error('unparseable')
    expect(toJourneyJson(parsed.snapshot as Snapshot)).toEqual(toJourneyJson(expected.snapshot))
    expect(text).toContain('Karoline Ødegård 👩‍🔧')
    expect(text).toContain('Lang ventetid 😤 för kunden')
  })

  it('refuses an invalid import with every error and its path, and creates nothing', async () => {
    const file = unicodeFile()
    ;(file.touchpoints as Record<string, unknown>[])[0].emotion = 7
    ;(file.stages as Record<string, unknown>[])[1].phase = 'sometime'
    const res = await post('/api/maps/import', file)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { path: string; message: string }[] }
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['touchpoints[0].emotion', 'stages[1].phase']))
    expect(server.metrics.mapsCreated.get({ how: 'import' })).toBe(0)
  })

  it('limits request bodies', async () => {
    const res = await post('/api/maps', { title: 'x'.repeat(70 * 1024) })
    expect(res.status).toBe(413)
  })

  it('limits how many maps one address creates', async () => {
    await server.dispose()
    server = await startTestServer({ limits: { ...server.config.limits, createMaps: { perSecond: 0.001, burst: 3 } } })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await post('/api/maps', {})).status)
    expect(statuses).toEqual([201, 201, 201, 429, 429])
    expect(server.metrics.rejected.get({ reason: 'rate_create_maps' })).toBe(2)
  })

  it('answers 404 for unknown routes and malformed map ids', async () => {
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/maps/not-a-map-id/export.json?token=x`)).status).toBe(404)
    expect((await fetch(`${server.url}/api/maps`)).status).toBe(405)
  })
})

describe('health and metrics', () => {
  it('reports health and Prometheus metrics', async () => {
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ ok: true })
    const map = await server.createMap()
    const client = await SyncClient.connect(server.url, map.id, map.editorToken)
    await client.synced
    const text = await (await fetch(`${server.url}/metrics`)).text()
    expect(text).toContain('relay_connections_open 1')
    expect(text).toContain('relay_rooms_loaded 1')
    for (const name of ['relay_messages_in_total', 'relay_messages_out_total', 'relay_bytes_in_total', 'relay_bytes_out_total', 'relay_rejected_total']) {
      expect(text).toContain(`# TYPE ${name} counter`)
    }
    await client.close()
  })
})

describe('the built app', () => {
  it('serves index.html for / and /m/<id> with security headers, and hashed assets with long caching', async () => {
    await server.dispose()
    const dist = path.join(tempDataDir(), 'dist')
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Kunderejse</title>')
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("æøå")')
    server = await startTestServer({ staticDir: dist })

    for (const route of ['/', '/m/map_0123456789abcdef']) {
      const res = await fetch(`${server.url}${route}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' ws: wss:")
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await res.text()).toContain('<title>Kunderejse</title>')
    }
    const asset = await fetch(`${server.url}/assets/index-abc123.js`)
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await asset.text()).toBe('console.log("æøå")')
    // The build's compressed copies are sent to a client that accepts them, with a validator.
    const big = `console.log("${'æøå 😀 '.repeat(400)}")`
    fs.writeFileSync(path.join(dist, 'assets', 'big-def456.js'), big)
    fs.writeFileSync(path.join(dist, 'assets', 'big-def456.js.br'), zlib.brotliCompressSync(big))
    fs.writeFileSync(path.join(dist, 'assets', 'big-def456.js.gz'), zlib.gzipSync(big))
    fs.utimesSync(path.join(dist, 'index.html'), new Date(), new Date(Date.now() + 1000)) // a new build
    const raw = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(`${server.url}/assets/big-def456.js`, { headers }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
          })
          .on('error', reject)
      })
    const br = await raw({ 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(br.body.length).toBeLessThan(Buffer.byteLength(big) / 4)
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(big)
    const gz = await raw({ 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString()).toBe(big)
    const plain = await raw({})
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(big)
    const etag = plain.headers.etag
    expect(etag).toBeTruthy()
    expect((await raw({ 'if-none-match': etag! })).status).toBe(304)
    const shell = await fetch(`${server.url}/`)
    expect(shell.headers.get('cache-control')).toBe('no-cache')
    expect(shell.headers.get('etag')).toBeTruthy()

    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404)
    expect((await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404)
    expect((await fetch(`${server.url}/m/not-an-id`)).status).toBe(404)
  })
})
