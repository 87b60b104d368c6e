import { useEffect, useMemo, useRef } from 'react'
import { byOrder, sortedPersonas, sortedStages, type Annotation } from '../../model'
import { phaseName } from '../../i18n/phaseNames'
import { useT } from '../../i18n/useT'
import { EmotionFace } from '../../canvas/nodes/EmotionFace'
import { selectSnapshot, useJourneyStore, type JourneyState } from '../../store'
import { selectLeader } from '../../canvas/useFollow'
import { useMapSession } from '../../session/MapSessionContext'

/** The step a participant sees: their own, or the presenting facilitator's when spotlit. */
const selectStep = (s: JourneyState): { step: number | null; driven: boolean } => {
  const leader = selectLeader(s)
  const peer = leader !== null ? s.peers.find((p) => p.clientId === leader) : undefined
  if (peer && peer.present !== null && peer.present !== undefined && s.role !== 'facilitator') return { step: peer.present, driven: true }
  return { step: s.presenting, driven: false }
}

/**
 * Presentation mode for the read-out at the end of a workshop: one screen per stage, in journey
 * order, with each persona's touchpoints, feelings, pains, wows and unmet needs. A facilitator who
 * presents with the spotlight on drives everyone's screen.
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
  const byTarget = (id: string) => Object.values(snapshot.annotations).filter((a) => a.targetId === id).sort(byOrder)

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
        </section>
      ) : (
        <section className="presentation-body">
          <p className={`presentation-phase phase-${stage.phase}`}>{phaseName(stage.phase, snapshot.meta.locale)}</p>
          <h1>{stage.title}</h1>
          <AnnotationLines items={byTarget(stage.id)} />
          <div className="presentation-lanes">
            {personas.map((p) => {
              const cards = Object.values(snapshot.touchpoints)
                .filter((t) => t.stageId === stage.id && t.personaId === p.id)
                .sort(byOrder)
              return (
                <div key={p.id} className="presentation-lane" style={{ borderColor: p.color }}>
                  <h2>{p.name}</h2>
                  {cards.length === 0 && <p className="muted">{t('presentation.noTouchpoints')}</p>}
                  {cards.map((t) => (
                    <article key={t.id} className="presentation-card">
                      <h3>
                        <EmotionFace emotion={t.emotion} size={26} /> {t.title}
                      </h3>
                      <p className="muted small">{[t.channel, t.owner].filter(Boolean).join(' · ')}</p>
                      <AnnotationLines items={byTarget(t.id)} />
                    </article>
                  ))}
                </div>
              )
            })}
          </div>
        </section>
      )}
    </div>
  )
}

function AnnotationLines({ items }: { items: Annotation[] }) {
  const t = useT()
  if (items.length === 0) return null
  return (
    <ul className="presentation-annotations">
      {items.map((a) => (
        <li key={a.id} className={`kind-${a.kind}${a.status === 'unmet' ? ' is-unmet' : ''}`}>
          <span className="kind-label">{t(`annotationKind.${a.kind}.one`)}</span> {a.text}
          {a.status && <span className="muted small"> ({t(`needStatus.${a.status}`).toLocaleLowerCase(t.locale)})</span>}
        </li>
      ))}
    </ul>
  )
}
