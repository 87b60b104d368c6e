import { useState } from 'react'
import { createId } from '../model'
import { TEMPLATES } from '../templates'
import { ApiError, createMapOnServer, forgetMap, listRecentMaps, rememberMap, type RecentMap } from '../sync'
import { setPendingInit } from './MapPage'
import { ImportButton } from './ImportButton'
import { importMapOnServer } from '../sync'
import { toJourneyJson, type Snapshot } from '../model'

/**
 * New map (empty or from a template), recent maps, import. A new map is created on the server and
 * opened with its facilitator link; without a server (offline) it is kept in this browser and can
 * be published later.
 */
export function HomePage() {
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [recent, setRecent] = useState<RecentMap[]>(() => listRecentMaps())

  const create = async (template?: string) => {
    setBusy(true)
    const name = title.trim() || (template ? TEMPLATES.find((t) => t.id === template)?.title : '') || 'Untitled journey'
    try {
      const created = await createMapOnServer({ title: name, ...(template ? { template } : {}) })
      rememberMap({
        id: created.id,
        title: name,
        local: false,
        role: 'facilitator',
        token: created.facilitatorToken,
        links: { facilitator: created.facilitatorToken, editor: created.editorToken, viewer: created.viewerToken },
      })
      location.assign(`/m/${created.id}#token=${encodeURIComponent(created.facilitatorToken)}`)
    } catch (e) {
      // A 4xx other than "no such API" is a real refusal; anything else means no server to reach.
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 404 && e.status !== 405) {
        setNotice(`The server refused the new map: ${(e as Error).message}`)
        setBusy(false)
        return
      }
      // No server reachable: keep the map in this browser.
      const id = `local_${createId('persona').slice('persona:'.length)}`
      setPendingInit(id, { title: name, template })
      rememberMap({ id, title: name, local: true, role: 'facilitator' })
      location.assign(`/local/${id}`)
    }
  }

  /** An imported file becomes a new map: on the server when there is one, else in this browser. */
  const importMap = async (snapshot: Snapshot) => {
    setBusy(true)
    try {
      const created = await importMapOnServer(toJourneyJson(snapshot))
      rememberMap({ id: created.id, title: snapshot.meta.title, local: false, role: 'facilitator', token: created.facilitatorToken, links: { facilitator: created.facilitatorToken, editor: created.editorToken, viewer: created.viewerToken } })
      location.assign(`/m/${created.id}#token=${encodeURIComponent(created.facilitatorToken)}`)
    } catch (e) {
      if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 404 && e.status !== 405) {
        setNotice(`The server refused the import: ${e.message}`)
        setBusy(false)
        return
      }
      const id = `local_${createId('persona').slice('persona:'.length)}`
      sessionStorage.setItem(`journey:pending-import:${id}`, JSON.stringify(toJourneyJson(snapshot)))
      rememberMap({ id, title: snapshot.meta.title, local: true, role: 'facilitator' })
      location.assign(`/local/${id}`)
    }
  }

  return (
    <main className="home">
      <header className="home-header">
        <h1>
          <span aria-hidden="true">◐</span> Journey maps
        </h1>
        <p className="muted">Map a customer's journey together: personas, phases, stages, touchpoints, needs and emotions, live.</p>
      </header>
      {notice && (
        <p role="alert" className="error">
          {notice}
        </p>
      )}
      <section className="home-new" aria-labelledby="new-title">
        <h2 id="new-title">New map</h2>
        <div className="field-inline">
          <label htmlFor="new-map-title" className="visually-hidden">
            New map title
          </label>
          <input id="new-map-title" placeholder="Title, e.g. Onboarding a new customer" value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} />
          <button type="button" className="primary" disabled={busy} onClick={() => create()}>
            New empty map
          </button>
        </div>
        <div className="import-row">
          <ImportButton onImported={(snapshot) => void importMap(snapshot)} disabled={busy} />
          <span className="muted small">A journey-map JSON file becomes a new map.</span>
        </div>
        <h3>Start from a template</h3>
        <ul className="templates">
          {TEMPLATES.map((t) => (
            <li key={t.id}>
              <button type="button" disabled={busy} onClick={() => create(t.id)} aria-label={`${t.title} (${languageName(t.locale)})`}>
                <strong>{t.title}</strong>
                <span className="muted small">{languageName(t.locale)}</span>
                <span className="small">{t.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="home-recent" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent maps</h2>
        {recent.length === 0 ? (
          <p className="muted">Maps you open appear here.</p>
        ) : (
          <ul className="recent">
            {recent.map((m) => (
              <li key={m.id}>
                <a href={m.local ? `/local/${m.id}` : `/m/${m.id}${m.token ? `#token=${encodeURIComponent(m.token)}` : ''}`}>{m.title || 'Untitled journey'}</a>
                <span className="muted small">
                  {m.local ? 'only in this browser' : m.role} · {new Date(m.openedAt).toLocaleString()}
                </span>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove ${m.title || 'untitled journey'} from this list`}
                  onClick={() => {
                    forgetMap(m.id)
                    setRecent(listRecentMaps())
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  )
}

function languageName(locale: string): string {
  return { en: 'English', da: 'Dansk', sv: 'Svenska', nb: 'Norsk' }[locale] ?? locale
}
