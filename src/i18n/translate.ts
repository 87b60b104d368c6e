/**
 * Message lookup. English is the source catalog; the others are typed against its keys, so a
 * missing or extra key is a type error. Placeholders are `{name}`; numbers passed as parameters
 * are written the locale's way (decimal comma, grouping).
 */
import { en, type MessageKey } from './catalogs/en'
import { formatNumber } from './format'
import { uiLocaleOf, type UiLocale } from './locales'

export type { MessageKey }
export type Catalog = Record<MessageKey, string>
export type MessageParams = Record<string, string | number>

/**
 * English ships in the initial bundle; the other catalogs (~7 KB gzipped each) load on demand,
 * before the first render in that language and before a switch to it, so the app's initial
 * JavaScript stays within its budget. Until a catalog has loaded, its keys read English.
 */
const loaded: Partial<Record<UiLocale, Catalog>> = { en }
const LOADERS: Record<Exclude<UiLocale, 'en'>, () => Promise<Catalog>> = {
  da: () => import('./catalogs/da').then((m) => m.da),
  sv: () => import('./catalogs/sv').then((m) => m.sv),
  nb: () => import('./catalogs/nb').then((m) => m.nb),
}

export function isCatalogLoaded(locale: UiLocale): boolean {
  return loaded[locale] !== undefined
}

export async function loadCatalog(locale: UiLocale): Promise<void> {
  if (locale === 'en' || loaded[locale]) return
  loaded[locale] = await LOADERS[locale]()
}

/** Keys that come as a `.one`/`.other` pair, by their common stem. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Stem}.one` ? (`${Stem}.other` extends MessageKey ? Stem : never) : never }[MessageKey]

/** Any tag (`da-DK`, a map's `nb`) finds its catalog; an unknown one reads English. */
export function catalogLocale(locale: string): UiLocale {
  // A translator passes its own locale, one of ours already: not parsed again on every message.
  if (locale === 'en' || locale === 'da' || locale === 'sv' || locale === 'nb') return locale
  return uiLocaleOf(locale) ?? 'en'
}

export function translate(locale: string, key: MessageKey, params?: MessageParams): string {
  const lang = catalogLocale(locale)
  const message = (loaded[lang] ?? en)[key] ?? en[key]
  if (!params) return message
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? formatNumber(value, lang, 2) : value
  })
}

const pluralRules = new Map<string, Intl.PluralRules>()

/** `{stem}.one` or `{stem}.other` by the locale's plural rule, with `{count}` filled in. */
export function translatePlural(locale: string, stem: PluralKey, count: number, params?: MessageParams): string {
  const lang = catalogLocale(locale)
  let rules = pluralRules.get(lang)
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)))
  const form = rules.select(count) === 'one' ? 'one' : 'other'
  return translate(lang, `${stem}.${form}` as MessageKey, { count, ...params })
}

/**
 * Build the locale's number format and plural rules ahead of need. Each costs ~15 ms the first
 * time (the browser loads its locale data) and the first cards on screen use both, so the map page
 * makes them while it waits for the map rather than in the render that draws its first card.
 */
export function prepareFormatting(locale: string): void {
  const lang = catalogLocale(locale)
  formatNumber(0, lang, 2)
  if (!pluralRules.has(lang)) pluralRules.set(lang, new Intl.PluralRules(lang))
}

/** A translator bound to one locale: `t(key, params)`, `t.plural(stem, count)`, and `t.locale` for formatting. */
export interface Translator {
  (key: MessageKey, params?: MessageParams): string
  plural(stem: PluralKey, count: number, params?: MessageParams): string
  locale: UiLocale
}

const translators = new Map<UiLocale, Translator>()

/** One translator per locale, kept, so a component that depends on `t` re-renders only when the language changes. */
export function translatorFor(locale: string): Translator {
  const lang = catalogLocale(locale)
  let t = translators.get(lang)
  if (!t) {
    t = Object.assign((key: MessageKey, params?: MessageParams) => translate(lang, key, params), {
      plural: (stem: PluralKey, count: number, params?: MessageParams) => translatePlural(lang, stem, count, params),
      locale: lang,
    })
    translators.set(lang, t)
  }
  return t
}
