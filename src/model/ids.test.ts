import { describe, expect, it } from 'vitest'
import { isId } from '.'

describe('isId', () => {
  it('takes an id of its type only: the type, a colon, then at least one character', () => {
    expect(isId('touchpoint', 'touchpoint:V1StGXR8')).toBe(true)
    expect(isId('touchpoint', 'touchpoint:')).toBe(false)
    expect(isId('touchpoint', 'touchpoints:V1StGXR8')).toBe(false)
    expect(isId('touchpoint', 'touchpointV1StGXR8')).toBe(false)
    expect(isId('touchpoint', 'stage:V1StGXR8')).toBe(false)
    expect(isId('stage', 'touchpoint:V1StGXR8')).toBe(false)
    expect(isId('blueprint-item', 'blueprint-item:x')).toBe(true)
    expect(isId('touchpoint', 42)).toBe(false)
    expect(isId('touchpoint', null)).toBe(false)
  })
})
