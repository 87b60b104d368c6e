import { describe, expect, it } from 'vitest'
import { readFontCoverage } from './fontCoverage'
import { readDejaVuFonts } from '../../test/nodeFonts'
import { printableText } from './printableText'
import { loadEmojiNames } from './emojiNames'

const fonts = readDejaVuFonts()
const regular = readFontCoverage(fonts.regular as Uint8Array)
const bold = readFontCoverage(fonts.bold as Uint8Array)

describe('font coverage from the cmap table', () => {
  it('knows DejaVu Sans has Nordic letters and the legend signs, and no emoji', () => {
    for (const ch of 'æøåÆØÅäöÄÖüß€–—−…★♥⚙✎➜✓✗◐□') {
      expect(regular.has(ch.codePointAt(0)!), ch).toBe(true)
      expect(bold.has(ch.codePointAt(0)!), ch).toBe(true)
    }
    expect(regular.has(0x1f600)).toBe(false) // 😀: beyond the BMP, which jsPDF cannot address
    expect(regular.has(0x4e2d)).toBe(false) // 中: no CJK in DejaVu Sans
    expect(regular.has(0x09)).toBe(false)
  })
})

describe('printable text', () => {
  it('passes covered text through unchanged', () => {
    expect(printableText('Blåbærsyltetøy på smørbrød, Köttbullar', regular)).toBe('Blåbærsyltetøy på smørbrød, Köttbullar')
    expect(printableText('Ελληνικά и русский', regular)).toBe('Ελληνικά и русский')
  })

  it('prints one visible placeholder per character the font lacks, keeping the rest of the line', () => {
    expect(printableText('Fornøyd 😀 kunde', regular)).toBe('Fornøyd \u25a1 kunde')
    expect(printableText('Familie 👨‍👩‍👧 på tur', regular)).toBe('Familie \u25a1 på tur') // a ZWJ sequence is one character to a reader
    expect(printableText('Norge 🇳🇴!', regular)).toBe('Norge \u25a1!')
    expect(printableText('中文', regular)).toBe('\u25a1\u25a1')
  })

  it('prints an emoji as its name in the map language when one is known, and never a box then', async () => {
    const names = await loadEmojiNames('nb')
    expect(printableText('Henter bilen 🚗 og kosten 🧹', regular, names)).toBe('Henter bilen [bil] og kosten [feiekost]')
    expect(printableText('Fornøyd 👍🏽', regular, await loadEmojiNames('da'))).toMatch(/^Fornøyd \[[^\]\u25a1]+\]$/) // a skin tone keeps a name
    expect(printableText('Norge 🇳🇴!', regular, names)).toBe('Norge [flagg: Norge]!')
    expect(printableText('Great 🎉', regular, await loadEmojiNames('en-GB'))).toBe('Great [party popper]')
    expect(printableText('中文', regular, names)).toBe('\u25a1\u25a1') // no name: the placeholder
  })

  it('prints a symbol the font has even when it comes with an emoji presentation selector', () => {
    const printed = printableText('Elsker ❤️ dette', regular)
    expect(printed).toContain('❤')
    expect(printed).not.toContain('\u25a1')
  })

  it('composes decomposed letters and turns control characters into spaces', () => {
    expect(printableText('a\u030a', regular)).toBe('å')
    expect(printableText('kolonne\tto', regular)).toBe('kolonne to')
    expect(printableText('linje\r\nto', regular)).toBe('linje\nto')
  })
})
