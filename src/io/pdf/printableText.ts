/**
 * Make any user text safe to hand to jsPDF with the embedded font: every character the font can
 * draw passes through unchanged (æ ø å ä ö, Greek, Cyrillic…); every user-perceived character it
 * cannot draw becomes readable text: an emoji its name in brackets ("[car]", from `names`, in the
 * map's language), anything else without a name (a CJK ideograph) one visible placeholder, so a
 * reader sees that something was there instead of a silently shortened sentence.
 */
import type { EmojiNames } from './emojiNames'
import type { FontCoverage } from './fontCoverage'

/** The placeholder printed for a character the font lacks (U+25A1 WHITE SQUARE), or "?" if even that is missing. */
export function placeholderFor(coverage: FontCoverage): string {
  return coverage.has(0x25a1) ? '\u25a1' : '?'
}

// Emoji presentation selectors and joiners only steer how a sequence looks; they carry no text.
const PRESENTATION_ONLY = /[\u200d\ufe0e\ufe0f]/g
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * Text for one or more printed lines: `\n` is kept (callers split on it), tabs and other control
 * characters become a space.
 */
export function printableText(text: string, coverage: FontCoverage, names?: EmojiNames): string {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n')
  if (allCovered(normalized, coverage)) return normalized
  const placeholder = placeholderFor(coverage)
  let out = ''
  for (const { segment } of segmenter.segment(normalized)) {
    if (segment === '\n') out += '\n'
    else if (isControl(segment)) out += ' '
    else if (allCovered(segment, coverage)) out += segment
    else {
      const bare = segment.replace(PRESENTATION_ONLY, '')
      if (bare !== '' && allCovered(bare, coverage)) out += bare
      else {
        const name = names?.get(segment) ?? names?.get(bare)
        out += name !== undefined && allCovered(name, coverage) ? `[${name}]` : placeholder
      }
    }
  }
  return out
}

function allCovered(text: string, coverage: FontCoverage): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a) continue
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || !coverage.has(c)) return false // surrogates are never covered
  }
  return true
}

function isControl(segment: string): boolean {
  const c = segment.charCodeAt(0)
  return segment.length === 1 && (c < 0x20 || (c >= 0x7f && c < 0xa0))
}
