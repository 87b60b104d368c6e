import { createContext, useContext } from 'react'
import type { UiLocale } from './locales'
import { translatorFor, type Translator } from './translate'

/**
 * The reader's interface language. The app provides it from the store (`App.tsx`), so i18n reads
 * no store of its own and the store stays free to import i18n. Outside a provider (a component
 * rendered alone in a test) the interface is in English, the catalog every key is written in.
 */
export const UiLocaleContext = createContext<UiLocale>('en')

/** The translator for the participant's UI language; re-renders the caller when it changes. */
export function useT(): Translator {
  return translatorFor(useContext(UiLocaleContext))
}
