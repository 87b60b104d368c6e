import { SkipLink } from './SkipLink'
import { useEffect, useState } from 'react'
import { createId } from '../model'
import { TEMPLATES } from '../templates'
import { RecentMaps, TemplateGallery } from './home/HomeSections'
import { createMapOnServer, serverRefused, forgetMap, listRecentMaps, rememberMap, type RecentMap } from '../session'
import { setPendingInit } from './MapPage'
import { ImportButton } from './ImportButton'
import { MermaidPasteButton } from './MermaidPasteButton'
import { importMapOnServer } from '../session'
import { toJourneyJson, type Snapshot } from '../model'
import { useT } from '../i18n/useT'
import { LanguagePicker } from './LanguagePicker'
import { errorText } from '../i18n/errorText'

/** A diagram without a `title` line is named after its file. */
function withTitle(snapshot: Snapshot, fileName: string): Snapshot {
  if (snapshot.meta.title.trim() !== '') return snapshot
  return { ...snapshot, meta: { ...snapshot.meta, title: fileName.replace(/\.[^.]*$/, '') } }
}

/**
 * Where a facilitator left off first (recent maps, with when they were opened and in which role),
 * then a new map (empty or imported), then the templates by scenario and language. A new map is
 * created on the server and opened with its facilitator link; without a server (offline) it is
 * kept in this browser and can be published later.
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
        createdAt: new Date().toISOString(),
        template,
        local: false,
        role: 'facilitator',
        token: created.facilitatorToken,
        links: { facilitator: created.facilitatorToken, editor: created.editorToken, viewer: created.viewerToken },
      })
      location.assign(`/m/${created.id}#token=${encodeURIComponent(created.facilitatorToken)}`)
    } catch (e) {
      // A real refusal is shown; anything else means no server to reach.
      if (serverRefused(e)) {
        setNotice(t('home.serverRefusedMap', { message: errorText(t, e) }))
        setBusy(false)
        return
      }
      // No server reachable: keep the map in this browser.
      const id = `local_${createId('persona').slice('persona:'.length)}`
      setPendingInit(id, { title: name, template, locale })
      rememberMap({ id, title: name, local: true, role: 'facilitator', createdAt: new Date().toISOString(), template })
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
        setNotice(t('home.serverRefusedImport', { message: errorText(t, e) }))
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
    <>
    <SkipLink label={t('skip.toContent')} target={() => document.querySelector<HTMLElement>('.home h1')} />
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
      {recent.length > 0 && (
        <RecentMaps
          recent={recent}
          onForget={(id) => {
            forgetMap(id)
            setRecent(listRecentMaps())
          }}
        />
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
          <ImportButton format="mermaid" onImported={(snapshot, fileName) => void importMap(withTitle(snapshot, fileName))} disabled={busy} />
          <MermaidPasteButton onImported={(snapshot, name) => void importMap(withTitle(snapshot, name))} disabled={busy} />
          <span className="muted small">{t('home.importHint')}</span>
        </div>
      </section>
      <TemplateGallery busy={busy} onPick={(id) => void create(id)} />
      {recent.length === 0 && (
        <section className="home-recent" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('home.recentMaps')}</h2>
          <p className="muted">{t('home.noRecentMaps')}</p>
        </section>
      )}
    </main>
    </>
  )
}
