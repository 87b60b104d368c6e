/**
 * Where the UI language comes from: the participant's explicit choice in this browser, else the
 * browser's preferred languages. Guarded for Node, where the store is also created (unit tests).
 */
import { detectUiLocale, isUiLocale, type UiLocale } from './locales'

export const UI_LOCALE_STORAGE_KEY = 'journey:ui-locale'

export function initialUiLocale(): UiLocale {
  try {
    const stored = globalThis.localStorage?.getItem(UI_LOCALE_STORAGE_KEY)
    if (isUiLocale(stored)) return stored
  } catch {
    // Storage blocked (privacy mode): fall back to the browser's languages.
  }
  const nav = globalThis.navigator as Navigator | undefined
  return detectUiLocale(nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [])
}

export function rememberUiLocale(locale: UiLocale): void {
  try {
    globalThis.localStorage?.setItem(UI_LOCALE_STORAGE_KEY, locale)
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}
