/**
 * Join codes over a real server: a facilitator makes a short code for the editor or viewer link,
 * the code leads to a link of that role, and stops working when it expires or the links are revoked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/testServer'
import type { ShareLinks } from '../maps'
import { formatJoinCode, JOIN_CODE_ALPHABET, newJoinCode } from './joinCodes'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.dispose()
})

const makeCode = (map: ShareLinks, body: unknown, token = map.facilitatorToken) =>
  fetch(`${server.url}/api/maps/${map.id}/join-codes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })

const lookUp = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { redirect: 'manual', headers })

/** The token in a redirect's `Location: …/m/<id>#token=…`. */
function tokenOf(location: string | null): string {
  const token = /#token=([^&]+)$/.exec(location ?? '')?.[1]
  if (!token) throw new Error(`no token in ${location}`)
  return token
}

describe('join codes', () => {
  it('gives a facilitator a short address that opens the map with the editor or viewer role', async () => {
    const map = await server.createMap({ title: 'Værksted æøå 🚗' })
    for (const role of ['editor', 'viewer'] as const) {
      const res = await makeCode(map, { role })
      expect(res.status).toBe(201)
      const made = (await res.json()) as { code: string; url: string; role: string; expiresAt: string }
      expect(made.code).toMatch(/^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/)
      expect(made.url).toBe(`${server.url}/j/${made.code}`)
      const hours = (Date.parse(made.expiresAt) - Date.now()) / 3600_000
      expect(hours).toBeGreaterThan(11)
      expect(hours).toBeLessThanOrEqual(24)

      const redirect = await lookUp(new URL(made.url).pathname)
      expect(redirect.status).toBe(302)
      const location = redirect.headers.get('location')
      expect(location).toMatch(new RegExp(`^${server.url}/m/${map.id}#token=`))
      // The link it leads to opens the map in that role, and only that role.
      const api = await fetch(`${server.url}/api/maps/${map.id}`, { headers: { authorization: `Bearer ${tokenOf(location)}` } })
      expect(await api.json()).toMatchObject({ role, title: 'Værksted æøå 🚗' })
    }
  })

  it('takes the code as people type it: lower case, without dashes', async () => {
    const map = await server.createMap()
    const { code } = (await (await makeCode(map, { role: 'viewer' })).json()) as { code: string }
    for (const typed of [code.toLowerCase(), code.replace(/-/g, ''), `${code}/`]) expect((await lookUp(`/j/${typed}`)).status).toBe(302)
  })

  it('is made only by the facilitator, only for the editor or viewer role, for at most 24 hours', async () => {
    const map = await server.createMap()
    expect((await makeCode(map, { role: 'editor' }, map.editorToken)).status).toBe(403)
    expect((await makeCode(map, { role: 'editor' }, 'nonsense')).status).toBe(401)
    const facilitator = await makeCode(map, { role: 'facilitator' })
    expect(facilitator.status).toBe(400)
    expect(await facilitator.json()).toMatchObject({ errors: [{ path: 'role' }] })
    expect((await makeCode(map, { role: 'editor', expiresInSeconds: 24 * 3600 + 1 })).status).toBe(400)
    expect((await makeCode(map, { role: 'editor', expiresInSeconds: 3600 })).status).toBe(201)
  })

  it('says plainly when a code is unknown, expired or revoked', async () => {
    const map = await server.createMap()
    const unknown = await lookUp('/j/ZZZ-ZZZ-ZZZ')
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toMatch(/text\/html/)
    expect(await unknown.text()).toContain('No such join code')
    expect((await lookUp('/j/<script>')).status).toBe(404)
    // In the browser's language, when it is one of the app's.
    const danish = await lookUp('/j/ZZZ-ZZZ-ZZZ', { 'accept-language': 'da-DK,da;q=0.9,en;q=0.8' })
    expect(await danish.text()).toContain('Deltagerkoden findes ikke')
    expect(await (await lookUp('/j/ZZZ-ZZZ-ZZZ', { 'accept-language': 'nn-NO' })).text()).toContain('Deltakerkoden finnes ikke')

    const meta = (await server.store.getMapMeta(map.id))!
    await server.store.createJoinCode({ code: 'EXPJRED22', mapId: map.id, role: 'editor', epoch: meta.epochs.editor, createdAt: '2024-01-01T00:00:00.000Z', expiresAt: new Date(Date.now() - 1000).toISOString() })
    const expired = await lookUp('/j/EXP-JRE-D22')
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('expired')
  })

  it('stops working when the facilitator revokes the role’s links, and only that role’s', async () => {
    const map = await server.createMap()
    const editor = (await (await makeCode(map, { role: 'editor' })).json()) as { url: string }
    const viewer = (await (await makeCode(map, { role: 'viewer' })).json()) as { url: string }
    const revoke = await fetch(`${server.url}/api/maps/${map.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${map.facilitatorToken}` }, body: JSON.stringify({ role: 'editor' }) })
    expect(revoke.status).toBe(200)
    const refused = await lookUp(new URL(editor.url).pathname)
    expect(refused.status).toBe(410)
    expect(await refused.text()).toContain('no longer works')
    expect((await lookUp(new URL(viewer.url).pathname)).status).toBe(302)
    // A code made after the revocation works with the new links.
    const fresh = (await (await makeCode(map, { role: 'editor' })).json()) as { url: string }
    expect((await lookUp(new URL(fresh.url).pathname)).status).toBe(302)
  })

  it('lets a room of 60 join from one address, then refuses guessing from it', async () => {
    const map = await server.createMap()
    const { url } = (await (await makeCode(map, { role: 'editor' })).json()) as { url: string }
    const path = new URL(url).pathname
    const statuses: number[] = []
    for (let i = 0; i < 120; i++) statuses.push((await lookUp(i % 2 ? path : `/j/${formatJoinCode(newJoinCode())}`)).status)
    expect(statuses.filter((s) => s === 302)).toHaveLength(60)
    const limited = await lookUp(path)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.text()).toContain('Too many tries')
  })

  it('makes codes from the whole alphabet, without 0, O, 1 or I', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 400; i++) for (const c of newJoinCode()) seen.add(c)
    expect([...seen].sort().join('')).toBe([...JOIN_CODE_ALPHABET].sort().join(''))
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OI]/)
  })
})
