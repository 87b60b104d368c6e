import { useEffect, useState } from 'react'
import { createId } from '../model'
import { TEMPLATES } from '../templates'
import { createMapOnServer, serverRefused, forgetMap, listRecentMaps, rememberMap, type RecentMap } from '../sync'
import { setPendingInit } from './MapPage'
import { ImportButton } from './ImportButton'
import { importMapOnServer } from '../sync'
import { toJourneyJson, type Snapshot } from '../model'
import { formatDateTime } from '../i18n/format'
import { LOCALE_NAMES, uiLocaleOf } from '../i18n/locales'
import { useT } from '../i18n/useT'
import { LanguagePicker } from './LanguagePicker'

/**
 * New map (empty or from a template), recent maps, import. A new map is created on the server and
 * opened with its facilitator link; without a server (offline) it is kept in this browser and can
 * be published later.
 */
export function HomePage() {
  const t = useT()
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [recent, setRecent] = useState<RecentMap[]>(() => listRecentMaps())
  useEffect(() => {
    document.title = t('home.documentTitle')
  }, [t])

  const create = async (template?: string) => {
    setBusy(true)
    const name = title.trim() || (template ? TEMPLATES.find((tpl) => tpl.id === template)?.title : '') || t('common.untitledJourney')
    // An empty map is written in the language its creator reads; a template keeps its own.
    const locale = template ? undefined : t.locale
    try {
      const created = await createMapOnServer({ title: name, ...(template ? { template } : { locale }) })
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
      // A real refusal is shown; anything else means no server to reach.
      if (serverRefused(e)) {
        setNotice(t('home.serverRefusedMap', { message: e.message }))
        setBusy(false)
        return
      }
      // No server reachable: keep the map in this browser.
      const id = `local_${createId('persona').slice('persona:'.length)}`
      setPendingInit(id, { title: name, template, locale })
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
      if (serverRefused(e)) {
        setNotice(t('home.serverRefusedImport', { message: e.message }))
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
        <div className="home-title-row">
          <h1>
            <span aria-hidden="true">◐</span> {t('home.heading')}
          </h1>
          <LanguagePicker />
        </div>
        <p className="muted">{t('home.tagline')}</p>
      </header>
      {notice && (
        <p role="alert" className="error">
          {notice}
        </p>
      )}
      <section className="home-new" aria-labelledby="new-title">
        <h2 id="new-title">{t('home.newMap')}</h2>
        <div className="field-inline">
          <label htmlFor="new-map-title" className="visually-hidden">
            {t('home.newMapTitle')}
          </label>
          <input id="new-map-title" placeholder={t('home.newMapPlaceholder')} value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} />
          <button type="button" className="primary" disabled={busy} onClick={() => create()}>
            {t('home.newEmptyMap')}
          </button>
        </div>
        <div className="import-row">
          <ImportButton onImported={(snapshot) => void importMap(snapshot)} disabled={busy} />
          <span className="muted small">{t('home.importHint')}</span>
        </div>
        <h3>{t('home.fromTemplate')}</h3>
        <ul className="templates">
          {TEMPLATES.map((tpl) => (
            <li key={tpl.id} lang={tpl.locale}>
              <button type="button" disabled={busy} onClick={() => create(tpl.id)} aria-label={`${tpl.title} (${languageName(tpl.locale)})`}>
                <strong>{tpl.title}</strong>
                <span className="muted small">{languageName(tpl.locale)}</span>
                <span className="small">{tpl.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="home-recent" aria-labelledby="recent-title">
        <h2 id="recent-title">{t('home.recentMaps')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('home.noRecentMaps')}</p>
        ) : (
          <ul className="recent">
            {recent.map((m) => (
              <li key={m.id}>
                <a href={m.local ? `/local/${m.id}` : `/m/${m.id}${m.token ? `#token=${encodeURIComponent(m.token)}` : ''}`}>{m.title || t('common.untitledJourney')}</a>
                <span className="muted small">
                  {m.local ? t('home.onlyInThisBrowser') : m.role ? t(`role.${m.role}`) : ''} · {formatDateTime(m.openedAt, t.locale)}
                </span>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('home.removeFromList', { title: m.title || t('common.untitledJourney') })}
                  onClick={() => {
                    forgetMap(m.id)
                    setRecent(listRecentMaps())
                  }}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  )
}

/** A template's language, named in itself (the e2e and screen readers find "Dansk" whatever the UI language). */
function languageName(locale: string): string {
  const known = uiLocaleOf(locale)
  return known === 'nb' ? 'Norsk' : known ? LOCALE_NAMES[known] : locale
}
