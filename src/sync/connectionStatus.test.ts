import { describe, expect, it } from 'vitest'
import { connectionStatus, refusalOfClose } from './connectionStatus'

describe('the connection state shown', () => {
  it('says offline only when the browser itself is offline', () => {
    const down = { refused: false, synced: false, everSynced: true }
    expect(connectionStatus({ ...down, online: false })).toBe('offline')
    expect(connectionStatus({ ...down, online: true })).toBe('reconnecting')
    expect(connectionStatus({ ...down, everSynced: false, online: true })).toBe('connecting')
  })

  it('says refused over everything else, online or not', () => {
    expect(connectionStatus({ refused: true, online: true, synced: false, everSynced: true })).toBe('refused')
    expect(connectionStatus({ refused: true, online: false, synced: false, everSynced: true })).toBe('refused')
  })

  it('names why a socket was closed for good', () => {
    expect(refusalOfClose(4403)).toBe('revoked')
    expect(refusalOfClose(4422)).toBe('schema')
    expect(refusalOfClose(4423)).toBe('forbidden')
    expect(refusalOfClose(4400)).toBe('malformed')
  })
})
