import { useEffect } from 'react'
import { selectUiLocale, useJourneyStore } from '../store'
import { HomePage } from './HomePage'
import { MapPage } from './MapPage'
import { ErrorBoundary } from './ErrorBoundary'

/** Routes: `/` home, `/m/<id>#token=T` a map on the server, `/local/<id>` a map in this browser. */
export function App() {
  // The page's language is the interface's: screen readers pronounce by it, and the browser hyphenates by it.
  const uiLocale = useJourneyStore(selectUiLocale)
  useEffect(() => {
    document.documentElement.lang = uiLocale
  }, [uiLocale])
  const path = location.pathname
  const server = /^\/m\/([A-Za-z0-9_-]{1,64})\/?$/.exec(path)
  if (server) {
    const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? undefined
    return (
      <ErrorBoundary label={path}>
        <MapPage key={server[1]} mapId={server[1]} token={token} local={false} />
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
  return <HomePage />
}
