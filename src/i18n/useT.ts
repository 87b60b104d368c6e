import { selectUiLocale, useJourneyStore } from '../store'
import { translatorFor, type Translator } from './translate'

/** The translator for the participant's UI language; re-renders the caller when it changes. */
export function useT(): Translator {
  return translatorFor(useJourneyStore(selectUiLocale))
}
