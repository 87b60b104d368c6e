/**
 * Share tokens: a missing, forged, expired or other-map token opens no socket (HTTP 401/403 on
 * the upgrade), and revoking a role refuses its old tokens and closes its open sockets.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CLOSE_CODES } from '../relay/protocol'
import { SyncClient, upgradeStatus } from '../testing/syncClient'
import { eventually, startTestServer, TEST_SECRET, type TestServer } from '../testing/testServer'
import { TokenSigner } from './tokens'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.dispose()
})

const syncUrl = (mapId: string, token?: string) => `${server.url.replace('http', 'ws')}/sync/${mapId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`

describe('TokenSigner', () => {
  const signer = new TokenSigner(TEST_SECRET)
  const claims = { mapId: 'map_0123456789abcdef', role: 'editor' as const, epoch: 1, issuedAt: 1_700_000_000_000, tokenId: 'link-1' }

  it('verifies what it signed and refuses any change to it', () => {
    const token = signer.sign(claims)
    expect(signer.verify(token)).toEqual({ ok: true, claims })
    const [payload, mac] = token.split('.')
    const tampered = Buffer.from(JSON.stringify({ m: claims.mapId, r: 'facilitator', e: 1, i: claims.issuedAt })).toString('base64url')
    expect(signer.verify(`${tampered}.${mac}`)).toEqual({ ok: false, reason: 'forged' })
    expect(signer.verify(`${payload}.${mac.slice(0, -2)}`)).toEqual({ ok: false, reason: 'forged' })
    expect(new TokenSigner('another-secret-of-enough-length').verify(token)).toEqual({ ok: false, reason: 'forged' })
    expect(signer.verify('not-a-token')).toEqual({ ok: false, reason: 'malformed' })
    expect(signer.verify('')).toEqual({ ok: false, reason: 'malformed' })
  })

  it('gives every minted link its own id, and a link minted before ids a stable one', () => {
    const { tokenId: _, ...withoutId } = claims
    const a = signer.verify(signer.sign(withoutId))
    const b = signer.verify(signer.sign(withoutId))
    expect(a.ok && b.ok && a.claims.tokenId !== b.claims.tokenId).toBe(true)
    // A token as minted before ids: payload without `t`, signed the same way.
    const payload = Buffer.from(JSON.stringify({ m: claims.mapId, r: 'editor', e: 1, i: claims.issuedAt })).toString('base64url')
    const legacy = `${payload}.${(signer as unknown as { mac(p: string): Buffer }).mac(payload).toString('base64url')}`
    const first = signer.verify(legacy)
    expect(first.ok).toBe(true)
    if (first.ok) {
      expect(first.claims).toMatchObject({ mapId: claims.mapId, role: 'editor', epoch: 1 })
      expect(first.claims.tokenId).toMatch(/^h[A-Za-z0-9_-]{16}$/)
      expect(signer.verify(legacy)).toEqual(first)
    }
  })

  it('refuses an expired token', () => {
    const token = signer.sign({ ...claims, expiresAt: 2_000 })
    expect(signer.verify(token, 1_999).ok).toBe(true)
    expect(signer.verify(token, 2_000)).toEqual({ ok: false, reason: 'expired' })
  })
})

describe('upgrade authorization', () => {
  it('opens a socket for each role of the map', async () => {
    const map = await server.createMap()
    for (const token of [map.facilitatorToken, map.editorToken, map.viewerToken]) expect(await upgradeStatus(syncUrl(map.id, token))).toBe(101)
  })

  it('refuses missing, forged and expired tokens with 401 and other-map tokens with 403', async () => {
    const map = await server.createMap()
    const other = await server.createMap()
    const signer = new TokenSigner(TEST_SECRET)
    const expired = signer.sign({ mapId: map.id, role: 'editor', epoch: 1, issuedAt: Date.now() - 10_000, expiresAt: Date.now() - 1 })
    const forged = new TokenSigner('someone-elses-secret-0123456789').sign({ mapId: map.id, role: 'facilitator', epoch: 1, issuedAt: Date.now() })

    expect(await upgradeStatus(syncUrl(map.id))).toBe(401)
    expect(await upgradeStatus(syncUrl(map.id, ''))).toBe(401)
    expect(await upgradeStatus(syncUrl(map.id, forged))).toBe(401)
    expect(await upgradeStatus(syncUrl(map.id, 'garbage.garbage'))).toBe(401)
    expect(await upgradeStatus(syncUrl(map.id, 'no-dot-at-all'))).toBe(401)
    expect(await upgradeStatus(syncUrl(map.id, expired))).toBe(401)
    expect(await upgradeStatus(syncUrl(map.id, other.editorToken))).toBe(403)
    expect(await upgradeStatus(syncUrl('map_doesNotExist1234', map.editorToken))).toBe(403)
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/sync/../etc?token=${map.editorToken}`)).toBe(404)

    for (const reason of ['token_missing', 'token_forged', 'token_malformed', 'token_expired', 'token_other_map']) {
      expect(server.metrics.rejected.get({ reason })).toBeGreaterThan(0)
    }
    expect(server.relay.connectionCount).toBe(0)
  })

  it('revoking a role refuses its old tokens with 403, closes its sockets with 4403, and spares the other roles', async () => {
    const map = await server.createMap({ title: 'Workshop' })
    const editor = await SyncClient.connect(server.url, map.id, map.editorToken)
    const viewer = await SyncClient.connect(server.url, map.id, map.viewerToken)
    await editor.synced

    const res = await fetch(`${server.url}/api/maps/${map.id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.facilitatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor' }),
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { epoch: number; closedConnections: number; token: string; url: string }
    expect(body).toMatchObject({ epoch: 2, closedConnections: 1 })

    expect((await editor.closed).code).toBe(CLOSE_CODES.revoked)
    expect(await upgradeStatus(syncUrl(map.id, map.editorToken))).toBe(403)
    expect(server.metrics.rejected.get({ reason: 'token_revoked' })).toBe(1)
    // the fresh editor link works; the viewer was not touched
    expect(await upgradeStatus(syncUrl(map.id, body.token))).toBe(101)
    expect(body.url).toContain(`/m/${map.id}#token=`)
    expect(viewer.ws.readyState).toBe(viewer.ws.OPEN)
    await viewer.close()
  })

  it('only a facilitator may mint links or revoke', async () => {
    const map = await server.createMap()
    for (const path of ['links', 'revoke']) {
      const res = await fetch(`${server.url}/api/maps/${map.id}/${path}?token=${map.editorToken}`, { method: 'POST', body: JSON.stringify({ role: 'viewer' }) })
      expect(res.status).toBe(403)
    }
    await eventually(() => server.metrics.rejected.get({ reason: 'role_insufficient' }) === 2)
  })

  it('mints links that expire', async () => {
    const map = await server.createMap()
    const res = await fetch(`${server.url}/api/maps/${map.id}/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${map.facilitatorToken}` },
      body: JSON.stringify({ role: 'viewer', expiresInSeconds: 1 }),
    })
    expect(res.status).toBe(201)
    const link = (await res.json()) as { token: string; expiresAt: string; role: string }
    expect(link.role).toBe('viewer')
    expect(await upgradeStatus(syncUrl(map.id, link.token))).toBe(101)
    await new Promise((resolve) => setTimeout(resolve, Date.parse(link.expiresAt) - Date.now() + 20))
    expect(await upgradeStatus(syncUrl(map.id, link.token))).toBe(401)

    const bad = await fetch(`${server.url}/api/maps/${map.id}/links?token=${map.facilitatorToken}`, { method: 'POST', body: JSON.stringify({ role: 'owner' }) })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ errors: [{ path: 'role' }] })
  })
})
