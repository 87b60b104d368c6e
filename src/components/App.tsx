import { lazy, Suspense, useEffect, useState } from 'react'
import { UiLocaleContext } from '../i18n/useT'
import { selectUiLocale, useJourneyStore } from '../store'
import { takeLinkToken } from '../session'
import { MapPage } from './MapPage'
import { ErrorBoundary } from './ErrorBoundary'

// A link to a map (what a workshop's participants open) loads the map page and not the home page
// with its templates; the home page loads its own part.
const HomePage = lazy(() => import('./HomePage').then((m) => ({ default: m.HomePage })))

/** The whole interface, in the reader's language (every `useT` reads it from here). */
export function App() {
  // The page's language is the interface's: screen readers pronounce by it, and the browser hyphenates by it.
  const uiLocale = useJourneyStore(selectUiLocale)
  useEffect(() => {
    document.documentElement.lang = uiLocale
  }, [uiLocale])
  return (
    <UiLocaleContext.Provider value={uiLocale}>
      <Route />
    </UiLocaleContext.Provider>
  )
}

/** Routes: `/` home, `/m/<id>#token=T` a map on the server, `/local/<id>` a map in this browser. */
function Route() {
  const path = location.pathname
  const server = /^\/m\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path)
  if (server) {
    return (
      <ErrorBoundary label={path}>
        <ServerMap key={server[1]} mapId={server[1]} />
      </ErrorBoundary>
    )
  }
  const local = /^\/local\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path)
  if (local)
    return (
      <ErrorBoundary label={path}>
        <MapPage key={local[1]} mapId={local[1]} local />
      </ErrorBoundary>
    )
  return (
    <Suspense fallback={null}>
      <HomePage />
    </Suspense>
  )
}

/** A map on the server, opened with the link's token, which leaves the address once it is kept (see takeLinkToken). */
function ServerMap({ mapId }: { mapId: string }) {
  const [token] = useState(() => takeLinkToken(mapId))
  return <MapPage mapId={mapId} token={token} local={false} />
}
