import { describe, expect, it } from 'vitest'
import { formatTimeAgo } from './relativeTime'

describe('formatTimeAgo', () => {
  const now = Date.parse('2026-11-29T12:00:00Z')
  it('says how long ago in the UI language', () => {
    expect(formatTimeAgo('2026-11-29T11:55:00Z', 'en', now)).toBe('5 minutes ago')
    expect(formatTimeAgo('2026-11-28T12:00:00Z', 'en', now)).toBe('yesterday')
    expect(formatTimeAgo('2026-11-26T12:00:00Z', 'da', now)).toBe('for 3 dage siden')
    expect(formatTimeAgo('2026-11-29T10:00:00Z', 'nb', now)).toBe('for 2 timer siden')
    expect(formatTimeAgo('2026-11-29T10:00:00Z', 'sv', now)).toBe('för 2 timmar sedan')
  })
})
