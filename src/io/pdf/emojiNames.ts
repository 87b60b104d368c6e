/**
 * Emoji names in the map's language, for the PDF. jsPDF cannot draw a glyph beyond the Basic
 * Multilingual Plane (see fontCoverage.ts), so no emoji font, colour or monochrome, can print one;
 * instead an emoji prints as its short name in brackets ("[bil]" in a Norwegian map), which a
 * reader can read, never as a box. The names are Unicode CLDR's, as the emojibase-data package
 * ships them per language; they are loaded with the PDF renderer, only when someone exports.
 */

/** Emoji (with and without its presentation selector) → its CLDR short name. */
export type EmojiNames = ReadonlyMap<string, string>

interface CompactEmoji {
  unicode: string
  label: string
  skins?: CompactEmoji[]
}

const LOADERS: Record<string, () => Promise<{ default: CompactEmoji[] }>> = {
  en: () => import('emojibase-data/en/compact.json'),
  da: () => import('emojibase-data/da/compact.json'),
  sv: () => import('emojibase-data/sv/compact.json'),
  nb: () => import('emojibase-data/nb/compact.json'),
}

const loaded = new Map<string, Promise<EmojiNames>>()

/** The names for a map language (its base language when the region is unknown, English otherwise). */
export function loadEmojiNames(locale: string): Promise<EmojiNames> {
  const base = locale.toLowerCase().split(/[-_]/)[0]!
  const lang = base === 'no' || base === 'nn' ? 'nb' : LOADERS[base] ? base : 'en'
  let names = loaded.get(lang)
  if (!names) {
    names = LOADERS[lang]!().then(({ default: list }) => {
      const map = new Map<string, string>()
      const add = (e: CompactEmoji) => {
        map.set(e.unicode, e.label)
        map.set(e.unicode.replace(/\ufe0f/g, ''), e.label)
        for (const skin of e.skins ?? []) add(skin)
      }
      for (const e of list) add(e)
      return map
    })
    loaded.set(lang, names)
  }
  return names
}
