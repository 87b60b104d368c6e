import { describe, expect, it } from 'vitest'
import { textColorOn } from './textColorOn'

describe('textColorOn', () => {
  it('picks the text colour with the better contrast on a chosen colour', () => {
    expect(textColorOn('#2fa67a')).toBe('#1a2030') // white would be 3.1:1
    expect(textColorOn('#d9a400')).toBe('#1a2030')
    expect(textColorOn('#1f3a8a')).toBe('#fff')
    expect(textColorOn('#7a4fd1')).toBe('#fff')
    expect(textColorOn('not a colour')).toBe('#fff')
  })
})
