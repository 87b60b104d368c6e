/**
 * The interface languages. The UI language is this participant's choice (session state, kept in
 * localStorage); a map's own content language (`meta.locale`) is separate and travels with the map.
 */
export const UI_LOCALES = ['en', 'da', 'sv', 'nb'] as const
export type UiLocale = (typeof UI_LOCALES)[number]

/** Each language named in itself, so a reader finds their own whatever the interface shows. */
export const LOCALE_NAMES: Record<UiLocale, string> = { en: 'English', da: 'Dansk', sv: 'Svenska', nb: 'Norsk bokmål' }

export function isUiLocale(value: unknown): value is UiLocale {
  return (UI_LOCALES as readonly unknown[]).includes(value)
}

/**
 * The UI language a BCP 47 tag asks for, or null when we have none for it. Norwegian comes as
 * `nb`, the macrolanguage `no`, or Nynorsk `nn`: a Nynorsk reader is better served by Bokmål than by English.
 */
export function uiLocaleOf(tag: string): UiLocale | null {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0]
  if (language === 'da' || language === 'sv' || language === 'en') return language
  if (language === 'nb' || language === 'no' || language === 'nn') return 'nb'
  return null
}

/** The first of the browser's preferred languages that we speak, else English. */
export function detectUiLocale(languages: readonly string[]): UiLocale {
  for (const tag of languages) {
    const locale = uiLocaleOf(tag)
    if (locale) return locale
  }
  return 'en'
}
