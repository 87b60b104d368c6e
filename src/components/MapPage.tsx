import { ReactFlowProvider } from '@xyflow/react'
import { lazy, Suspense, useEffect, useState } from 'react'
import { initializeMap, loadIntoEmptyMap } from '../commands'
import { parseJourneyJson, SCHEMA_VERSION } from '../model'
import { JourneyCanvas } from '../canvas/JourneyCanvas'
import { selectionKey, useJourneyStore, type JourneyState, type Role } from '../store'
import { fetchMapInfo, getRecentMap, importMapOnServer, isEmptyMap, loadIdentity, mapAsJson, openMapSession, rememberMap, type Identity, type MapSession } from '../session'
import { Inspector } from './inspector'
import { MapViewPanel } from './MapViewPanel'
import { MAP_VIEWS, ViewTabs, VIEW_PANEL_ID, viewTabId, type MapView } from './ViewTabs'
import { ErrorBoundary } from './ErrorBoundary'
import { CommandNotice } from './CommandNotice'
import { MapSessionContext } from '../session/MapSessionContext'
import { NameDialog } from './NameDialog'
import { Toolbar } from './Toolbar'
import { ReadOnlyBanner } from './ReadOnlyBanner'
import { MapActionKeys } from '../registry/useActionKeys'
import { MapCatalog } from './useMapCatalog'
import { ShortcutSheet } from './ShortcutSheet'
import { ExportMenu } from './ExportMenu'
import { WorkshopBar } from './workshop/WorkshopBar'
import { RoomView } from './workshop/RoomView'
import { SkipToMap } from './SkipLink'
import { MentionNotifier } from './MentionNotifier'
import { RestoreNotifier } from './versions/RestoreNotifier'
import { Announcer } from './workshop/Announcer'
import { FollowBanner } from './workshop/FollowBanner'
import { measureClockOffset } from '../session'
import { useT } from '../i18n/useT'
import { prepareFormatting } from '../i18n/translate'
import { FeedbackLoader } from './feedback/FeedbackLoader'

// Dialogs opened on demand load then: the version preview carries a second canvas, the share dialog its link management.
const VersionsDialog = lazy(() => import('./workshop/VersionsDialog').then((m) => ({ default: m.VersionsDialog })))
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })))
// Presenting comes at the end of a workshop, never at the first look: its slides load after the map.
const PresentationView = lazy(() => import('./workshop/PresentationView').then((m) => ({ default: m.PresentationView })))
const WritingLander = lazy(() => import('./workshop/WritingRound').then((m) => ({ default: m.WritingLander })))
import { activePdfFeedback, measuredSnapshot } from '../store/measuredFeedback'
import { errorText } from '../i18n/errorText'

/** What a local map should start from, left by the home page for its first open. */
const PENDING_INIT = 'journey:pending-init:'
export function setPendingInit(mapId: string, init: { title: string; template?: string; locale?: string }) {
  sessionStorage.setItem(PENDING_INIT + mapId, JSON.stringify(init))
}

export function MapPage({ mapId, token, local }: { mapId: string; token?: string; local: boolean }) {
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity())
  const [session, setSession] = useState<MapSession | null>(null)
  const [shareOpen, setShareOpen] = useState(false)
  // The canvas unmounts under another view: its keyboard shortcuts (Delete…) must not act unseen.
  const [view, setView] = useState<MapView>('canvas')
  const [versionsOpen, setVersionsOpen] = useState(false)
  const isFacilitator = useJourneyStore((st) => st.role === 'facilitator')
  const roomView = useJourneyStore((st) => st.roomView)
  const t = useT()
  // While the map's bytes are on their way, not in the render of its first card.
  useEffect(() => {
    const timer = setTimeout(() => prepareFormatting(t.locale), 0)
    return () => clearTimeout(timer)
  }, [t.locale])

  useEffect(() => {
    if (!identity) return
    const recent = getRecentMap(mapId)
    const role: Role = local ? 'facilitator' : (recent?.token === token ? recent?.role : undefined) ?? 'editor'
    let cancelled = false
    const s = openMapSession({ mapId, token: local ? undefined : token, role, identity })
    setSession(s)
    // A map on the server that this browser holds no link for shows the copy kept here, read-only,
    // and says so (ReadOnlyBanner): never a silent "only in this browser" whose edits reach no one.
    if (!local && !token) useJourneyStore.getState().setConnection({ status: 'refused', refusal: 'missing', role: 'viewer' })
    rememberMap({ id: mapId, local, token, role })
    if (!local && token) {
      measureClockOffset()
        .then((offset) => !cancelled && useJourneyStore.getState().setClockOffset(offset))
        .catch(() => undefined) // offline: our own clock is the best guess
      fetchMapInfo(mapId, token)
        .then((info) => {
          if (cancelled) return
          useJourneyStore.getState().setConnection({ role: info.role })
          s.awareness.setLocalStateField('user', { name: identity.name, color: identity.color, role: info.role })
          rememberMap({ id: mapId, role: info.role, title: info.title, ...(info.role === 'facilitator' || info.role === 'editor' || info.role === 'viewer' ? { links: { [info.role]: token } } : {}) })
        })
        // Offline: keep the remembered role. A refused link is the session's to tell (ReadOnlyBanner),
        // over the map as this browser kept it, so nothing typed here is out of sight.
        .catch(() => undefined)
    }
    if (local) {
      void s.whenLocalLoaded.then(async () => {
        const imported = sessionStorage.getItem(`journey:pending-import:${mapId}`)
        if (!cancelled && imported && isEmptyMap(s)) {
          sessionStorage.removeItem(`journey:pending-import:${mapId}`)
          const parsed = parseJourneyJson(imported)
          if (parsed.ok) loadIntoEmptyMap(s.doc, parsed.snapshot)
          return
        }
        const raw = sessionStorage.getItem(PENDING_INIT + mapId)
        if (cancelled || !raw || !isEmptyMap(s)) return
        sessionStorage.removeItem(PENDING_INIT + mapId)
        const init = JSON.parse(raw) as { title: string; template?: string; locale?: string }
        // Templates load only when a map is made from one (they are most of the home page's weight).
        const template = init.template ? (await import('../templates')).getTemplate(init.template) : undefined
        if (cancelled || !isEmptyMap(s)) return
        if (template) loadIntoEmptyMap(s.doc, template.build())
        else initializeMap(s.doc, { title: init.title, locale: init.locale })
      })
    }
    return () => {
      cancelled = true
      s.destroy()
    }
  }, [identity, mapId, token, local])

  // Keep the recent-maps title current and refuse to edit a map from a newer schema.
  const title = useJourneyStore((st) => st.snapshot.meta.title)
  const schemaVersion = useJourneyStore((st) => st.snapshot.meta.schemaVersion)
  const writingRound = useJourneyStore((st) => st.workshop.writing !== null)
  useEffect(() => {
    if (title) {
      rememberMap({ id: mapId, title })
      document.title = t('map.documentTitle', { title })
    }
  }, [mapId, title, t])
  useEffect(() => {
    useJourneyStore.getState().setConnection({
      // Worded when it is set; the language effect dependency rewords it when the participant switches.
      readOnlyReason: schemaVersion > SCHEMA_VERSION ? t('map.newerSchema', { version: String(schemaVersion), supported: String(SCHEMA_VERSION) }) : null,
    })
  }, [schemaVersion, t])

  if (!identity) return <NameDialog onDone={setIdentity} />
  if (!session) return null

  const publish = async () => {
    try {
      const created = await importMapOnServer(mapAsJson(session))
      rememberMap({ id: created.id, local: false, role: 'facilitator', token: created.facilitatorToken, title, links: { facilitator: created.facilitatorToken, editor: created.editorToken, viewer: created.viewerToken } })
      location.assign(`/m/${created.id}#token=${encodeURIComponent(created.facilitatorToken)}`)
    } catch (e) {
      alert(t('map.couldNotPublish', { message: errorText(t, e) }))
    }
  }

  return (
    <MapSessionContext.Provider value={session}>
      <MapActionKeys />
      <MapCatalog />
      <ShortcutSheet />
      <ReactFlowProvider>
        <div className={`map-page${roomView ? ' is-room' : ''}`}>
          <SkipToMap />
          {roomView && <RoomView />}
          {!roomView && <Toolbar onShare={local ? undefined : () => setShareOpen(true)} onPublish={local ? publish : undefined} extra={<ExportMenu getSnapshot={() => measuredSnapshot(useJourneyStore.getState())} getFeedback={() => activePdfFeedback(useJourneyStore.getState())} getFlowElement={() => document.querySelector<HTMLElement>('.react-flow')} />} />}
          {isFacilitator && !local && !roomView && <WorkshopBar onOpenVersions={() => setVersionsOpen(true)} />}
          <ReadOnlyBanner />
          <FollowBanner />
          {!roomView && <ViewTabs value={view} onChange={setView} />}
          <div className="map-body" role={roomView ? undefined : 'tabpanel'} id={VIEW_PANEL_ID} aria-labelledby={roomView ? undefined : viewTabId(view)}>
            {view === 'canvas' || roomView ? (
              <>
                <main className="map-canvas" aria-label={t('map.canvasRegion')}>
                  <ErrorBoundary label={t('map.canvasRegion')} className="canvas-fallback">
                    <JourneyCanvas />
                  </ErrorBoundary>
                </main>
                {!roomView && <SafeInspector />}
              </>
            ) : (
              <ErrorBoundary key={view} label={t(MAP_VIEWS.find((v) => v.id === view)!.label)} className="view-fallback">
                <MapViewPanel view={view} />
              </ErrorBoundary>
            )}
          </div>
          <MentionNotifier />
          <RestoreNotifier />
          <Announcer />
          <FeedbackLoader mapId={mapId} token={local ? undefined : token} />
          <CommandNotice />
          <ErrorBoundary label={t('presentation.label')} className="view-fallback">
            <Suspense fallback={null}>
              <PresentationView />
            </Suspense>
          </ErrorBoundary>
          <Suspense fallback={null}>
            {versionsOpen && token && <VersionsDialog mapId={mapId} token={token} onClose={() => setVersionsOpen(false)} />}
            {shareOpen && token && <ShareDialog mapId={mapId} token={token} onClose={() => setShareOpen(false)} />}
            {writingRound && <WritingLander />}
          </Suspense>
        </div>
      </ReactFlowProvider>
    </MapSessionContext.Provider>
  )
}

const selectSelectionKey = (s: JourneyState) => selectionKey(s.selection)

/** The inspector inside its own error boundary, which tries again when the selection changes. */
function SafeInspector() {
  const selection = useJourneyStore(selectSelectionKey)
  const t = useT()
  return (
    <ErrorBoundary label={t('inspector.label')} resetKey={selection} className="inspector">
      <Inspector />
    </ErrorBoundary>
  )
}
