/**
 * The one HTTP client decides what an answer means: each refusal the relay really gives (a real
 * server on a real socket) arrives as an ApiError with its code, never as a status to re-decide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../server/testing/testServer'
import { freePort } from '../../server/testing/services'
import { ApiError, codeOfStatus, request } from './http'

let server: TestServer
let map: { id: string; facilitatorToken: string; editorToken: string; viewerToken: string }
const api = (path: string) => `${server.url}/api/maps/${map.id}${path}`

async function codeOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return (error as ApiError).code
}

beforeAll(async () => {
  server = await startTestServer({ limits: { createMaps: { perSecond: 1 / 3600, burst: 2 } } })
  map = await server.createMap({ title: 'Kundens rejse ✓' })
})
afterAll(() => server.dispose())

describe('the HTTP client', () => {
  it('answers with the JSON body when the server says yes', async () => {
    expect(await request<{ title: string }>(api(`?token=${map.viewerToken}`))).toMatchObject({ title: 'Kundens rejse ✓' })
  })

  it('maps each refusal the relay gives to its code', async () => {
    // 401: a forged link.
    expect(await codeOf(request(api(`?token=forged.token`)))).toBe('link-refused')
    // 403 with reason role_insufficient: an editor asking for the facilitator's seats.
    expect(await codeOf(request(api('/seats'), { token: map.editorToken }))).toBe('forbidden')
    // 404: a version the map does not have.
    expect(await codeOf(request(api(`/versions/nope?token=${map.viewerToken}`)))).toBe('not-found')
    // 400: a body that is not what the route takes.
    expect(await codeOf(request(api('/links'), { token: map.facilitatorToken, body: { role: 'owner' } }))).toBe('invalid')
    // 409: the same data set twice.
    const set = { id: 'feedback-set:Svar2026', name: 'Svar', responses: [{ date: '2026-02-01', kind: 'nps', score: 9, comment: 'Godt 👍', channel: 'web', target: 'Booking' }] }
    await request(api('/feedback'), { token: map.editorToken, body: set })
    expect(await codeOf(request(api('/feedback'), { token: map.editorToken, body: set }))).toBe('conflict')
    // 413: a body past the limit.
    expect(await codeOf(request(api('/links'), { token: map.facilitatorToken, body: { role: 'editor', pad: 'x'.repeat(100 * 1024) } }))).toBe('too-large')
    // 405: a method the route does not take (a static host without the API answers the same way).
    expect(await codeOf(request(api(`?token=${map.viewerToken}`), { method: 'DELETE' }))).toBe('no-server')
  })

  it('tells a revoked link from a forged one', async () => {
    const old = map.editorToken
    await request(api('/revoke'), { token: map.facilitatorToken, body: { role: 'editor' } })
    expect(await codeOf(request(api(`?token=${old}`)))).toBe('link-revoked')
  })

  it('says rate-limited when one address creates too many maps', async () => {
    const create = () => request(`${server.url}/api/maps`, { body: {} })
    const codes: string[] = []
    for (let i = 0; i < 4; i++) codes.push(await create().then(() => 'created', (e: ApiError) => e.code))
    expect(codes).toContain('rate-limited')
  })

  it('says no-server when nothing answers', async () => {
    const port = await freePort()
    expect(await codeOf(request(`http://127.0.0.1:${port}/api/maps`))).toBe('no-server')
  })

  it('decides the statuses the relay does not give today too', () => {
    expect([423, 429, 503, 500, 502, 418].map((status) => codeOfStatus(status))).toEqual(['map-locked', 'rate-limited', 'unavailable', 'server-error', 'server-error', 'invalid'])
    // A body that names its code wins over the status (an additive field the relay may send).
    expect(codeOfStatus(409, { code: 'map-locked' })).toBe('map-locked')
    expect(codeOfStatus(409, { code: 'no-such-code' })).toBe('conflict')
  })
})
