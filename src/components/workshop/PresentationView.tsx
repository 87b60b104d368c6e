import { lazy, Suspense, useEffect, useMemo, useRef } from 'react'
import { sortedPersonas, sortedStages } from '../../model'
import { useT } from '../../i18n/useT'
import { StageSlide } from './PresentationSlide'
import { selectSnapshot, useJourneyStore, type JourneyState } from '../../store'
import { selectLeader } from '../../canvas/useFollow'
import { useMapSession } from '../../session/MapSessionContext'

/** Carries the QR encoder: loaded when a title slide is first shown. */
const JoinCodeBadge = lazy(() => import('./JoinCodeBadge').then((m) => ({ default: m.JoinCodeBadge })))

/** The step a participant sees: their own, or the presenting facilitator's when spotlit. */
const selectStep = (s: JourneyState): { step: number | null; driven: boolean } => {
  const leader = selectLeader(s)
  const peer = leader !== null ? s.peers.find((p) => p.clientId === leader) : undefined
  if (peer && peer.present !== null && peer.present !== undefined && s.role !== 'facilitator') return { step: peer.present, driven: true }
  return { step: s.presenting, driven: false }
}

/**
 * Presentation mode for the read-out at the end of a workshop: a title slide, then one slide per
 * stage in journey order that looks like the map (StageSlide). Arrow keys, Space and Page keys
 * step; a facilitator who presents with the spotlight on drives everyone's screen.
 */
export function PresentationView() {
  const session = useMapSession()
  const snapshot = useJourneyStore(selectSnapshot)
  const step = useJourneyStore((s) => selectStep(s).step)
  const driven = useJourneyStore((s) => selectStep(s).driven)
  const present = useJourneyStore((s) => s.present)
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  const stages = useMemo(() => sortedStages(snapshot), [snapshot])
  const personas = useMemo(() => sortedPersonas(snapshot), [snapshot])
  const last = stages.length

  // Share our own step so participants following us see it.
  const own = useJourneyStore((s) => s.presenting)
  useEffect(() => {
    session.setPresence('present', own)
  }, [own, session])

  useEffect(() => {
    if (step === null || driven) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'PageDown') present(Math.min(last, (step ?? 0) + 1))
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') present(Math.max(0, (step ?? 0) - 1))
      else if (e.key === 'Escape') present(null)
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [step, driven, last, present])

  useEffect(() => {
    if (step !== null && !driven) ref.current?.requestFullscreen?.().catch(() => undefined)
    if (step === null && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
  }, [step === null, driven]) // eslint-disable-line react-hooks/exhaustive-deps

  if (step === null) return null
  const stage = step > 0 ? stages[step - 1] : undefined

  return (
    <div ref={ref} className="presentation" role="dialog" aria-modal="true" aria-label={t('presentation.label')}>
      <header className="presentation-head">
        <span className="muted">
          {snapshot.meta.title} · {step} / {last}
          {driven && t('presentation.driven')}
        </span>
        {!driven && (
          <span className="presentation-nav">
            <button type="button" onClick={() => present(Math.max(0, step - 1))} disabled={step === 0} aria-label={t('presentation.previous')}>
              ←
            </button>
            <button type="button" onClick={() => present(Math.min(last, step + 1))} disabled={step >= last} aria-label={t('presentation.next')}>
              →
            </button>
            <button type="button" onClick={() => present(null)}>
              {t('presentation.end')}
            </button>
          </span>
        )}
      </header>
      <p className="visually-hidden" aria-live="polite">
        {stage ? t('presentation.stageOf', { n: step, total: last, title: stage.title }) : snapshot.meta.title}
      </p>
      {!stage ? (
        <section className="presentation-body title-slide">
          <h1>{snapshot.meta.title}</h1>
          {snapshot.meta.description && <p className="lead">{snapshot.meta.description}</p>}
          <ul className="presentation-personas">
            {personas.map((p) => (
              <li key={p.id} style={{ borderColor: p.color }}>
                <strong>{p.name}</strong>
                {p.description && <p>{p.description}</p>}
              </li>
            ))}
          </ul>
          <Suspense fallback={null}>
            <JoinCodeBadge className="join-badge join-badge-slide" />
          </Suspense>
        </section>
      ) : (
        <StageSlide snapshot={snapshot} stage={stage} />
      )}
    </div>
  )
}
