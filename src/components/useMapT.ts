import { useEffect, useState } from 'react'
import { catalogLocale, isCatalogLoaded, loadCatalog, translatorFor, type Translator } from '../i18n/translate'
import { selectMeta, useJourneyStore } from '../store'

/**
 * The translator for the map's language, for words written into the map or its exports (a new
 * record's default title, a version's automatic name), as opposed to `useT`, the interface's own
 * words. Loads the map's catalog; until it has, the words read English, as `translate` does.
 */
export function useMapT(): Translator {
  const locale = catalogLocale(useJourneyStore(selectMeta).locale)
  const [, setLoaded] = useState(() => isCatalogLoaded(locale))
  useEffect(() => {
    let live = true
    if (!isCatalogLoaded(locale)) void loadCatalog(locale).then(() => live && setLoaded(true))
    return () => {
      live = false
    }
  }, [locale])
  return translatorFor(locale)
}
