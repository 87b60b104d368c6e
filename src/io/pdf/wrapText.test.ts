import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wrapText } from './wrapText'

/** A monospaced measure: every character one unit wide. */
const mono = (t: string) => [...t].length

describe('wrapText', () => {
  it('breaks between words and keeps explicit line breaks', () => {
    expect(wrapText('en to tre fire', 7, mono)).toEqual(['en to', 'tre', 'fire'])
    expect(wrapText('første\nandre', 20, mono)).toEqual(['første', 'andre'])
  })

  it('breaks a word wider than the box between characters', () => {
    expect(wrapText('kundeserviceavdelingen', 8, mono)).toEqual(['kundeser', 'viceavde', 'lingen'])
  })

  it('never returns a line wider than the box and never loses a word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (text, width) => {
        const lines = wrapText(text, width, mono)
        for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(width)
        const words = (s: string) => s.split(/\s+/).join('')
        expect(words(lines.join(''))).toBe(words(text.split('\n').join('')))
      }),
    )
  })
})
