/**
 * Every close the relay sends names its machine code (src/model/errorCodes.ts) as the reason's
 * first word, the same table the browser reads the close code by; the codes themselves are the
 * contract and stay as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLOSE_CODE_ERRORS, ERROR_CODES } from '../../src/model'
import { CLOSE_CODES, closeReason } from './protocol'
import { SyncClient } from '../testing/syncClient'
import { startTestServer, type TestServer } from '../testing/testServer'
import type { ShareLinks } from '../maps'

let server: TestServer
let map: ShareLinks
beforeAll(async () => {
  server = await startTestServer()
  map = await server.createMap()
})
afterAll(() => server.dispose())

describe('close reasons', () => {
  it('give every close code the relay uses a machine code', () => {
    for (const code of Object.values(CLOSE_CODES)) expect(ERROR_CODES).toContain(CLOSE_CODE_ERRORS[code])
  })

  it('start with the machine code, then say what happened', () => {
    expect(closeReason(CLOSE_CODES.schemaViolation, 'touchpoints.title: longer than 500 characters')).toBe('schema-violation: touchpoints.title: longer than 500 characters')
    expect(closeReason(CLOSE_CODES.malformed, '')).toBe('malformed')
  })

  it('are what a client receives: malformed, then revoked', async () => {
    const bad = await SyncClient.connect(server.url, map.id, map.editorToken)
    bad.sendRaw(new Uint8Array([9, 1, 2, 3]))
    expect(await bad.closed).toEqual({ code: CLOSE_CODES.malformed, reason: 'malformed: malformed message' })

    const viewer = await SyncClient.connect(server.url, map.id, map.viewerToken)
    const res = await fetch(`${server.url}/api/maps/${map.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${map.facilitatorToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'viewer' }) })
    expect(res.status).toBe(200)
    expect(await viewer.closed).toEqual({ code: CLOSE_CODES.revoked, reason: 'link-revoked: revoked' })
  })
})
