/**
 * Loads the catalog of the map's own language (meta.locale), which names the phases and the words
 * exports print, when it is not the reader's: a Danish map read in an English interface still says
 * "Før", not "Before". Once loaded, the meta is handed out anew so what reads it renders again.
 */
import { useEffect } from 'react'
import { catalogLocale, isCatalogLoaded, loadCatalog } from '../i18n/translate'
import { useJourneyStore, type JourneyState } from '../store'

const selectMapLocale = (s: JourneyState) => s.snapshot.meta.locale

export function useMapCatalog(): void {
  const locale = catalogLocale(useJourneyStore(selectMapLocale))
  useEffect(() => {
    if (isCatalogLoaded(locale)) return
    let cancelled = false
    void loadCatalog(locale).then(() => {
      if (cancelled) return
      const { snapshot } = useJourneyStore.getState()
      useJourneyStore.setState({ snapshot: { ...snapshot, meta: { ...snapshot.meta } } })
    })
    return () => {
      cancelled = true
    }
  }, [locale])
}

/** Mounted once on the map page. */
export function MapCatalog(): null {
  useMapCatalog()
  return null
}
