import { useMemo } from 'react'
import { byOrder, emotionCurve, PHASES, sortedPersonas, sortedStages, type Annotation, type Persona, type Snapshot, type Stage, type Touchpoint } from '../../model'
import { EmotionFace, emotionColor } from '../../canvas/nodes/EmotionFace'
import { phaseName } from '../../i18n/phaseNames'
import { formatNumber } from '../../i18n/format'
import { useT } from '../../i18n/useT'
import { textColorOn } from '../../model/textColorOn'
import { voteCount } from '../../insights/actionBoard'
import { selectWorkshop, useJourneyStore } from '../../store'
import './presentation.css'

/** What a slide calls out on a card: what hurts, what decides, and needs left unmet. */
const CALLOUTS = ['pain-point', 'moment-of-truth'] as const

/**
 * One stage as the room sees it on the projector: the journey strip with this stage lit, then per
 * persona a lane as on the canvas: the persona's emotion at this stage (a face, the score and the
 * curve across the journey with this stage marked) and its cards with their pain points, moments
 * of truth and unmet needs, in type large enough to read from the back of the room.
 */
export function StageSlide({ snapshot, stage }: { snapshot: Snapshot; stage: Stage }) {
  const t = useT()
  const stages = useMemo(() => sortedStages(snapshot), [snapshot])
  const personas = useMemo(() => sortedPersonas(snapshot), [snapshot])
  const byTarget = useMemo(() => {
    const map = new Map<string, Annotation[]>()
    for (const a of Object.values(snapshot.annotations)) map.set(a.targetId, [...(map.get(a.targetId) ?? []), a])
    for (const list of map.values()) list.sort(byOrder)
    return map
  }, [snapshot.annotations])
  const stageNotes = (byTarget.get(stage.id) ?? []).filter((a) => (CALLOUTS as readonly string[]).includes(a.kind))
  return (
    <section className="pres-slide" aria-labelledby="pres-stage-title">
      <JourneyStrip snapshot={snapshot} stages={stages} current={stage.id} />
      <header className={`pres-stage-head phase-${stage.phase}`}>
        <p className="pres-phase">{phaseName(stage.phase, snapshot.meta.locale)}</p>
        <h1 id="pres-stage-title">{stage.title || t('common.untitled')}</h1>
        {stageNotes.length > 0 && <Callouts items={stageNotes} />}
      </header>
      <div className="pres-lanes">
        {personas.map((p) => (
          <PersonaLane key={p.id} persona={p} stage={stage} stages={stages} snapshot={snapshot} byTarget={byTarget} />
        ))}
      </div>
    </section>
  )
}

/** The journey's stages in a row under their phases, this one lit: where in the journey we are. */
function JourneyStrip({ snapshot, stages, current }: { snapshot: Snapshot; stages: Stage[]; current: string }) {
  return (
    <ol className="pres-strip" aria-hidden="true">
      {PHASES.map((phase) => {
        const inPhase = stages.filter((s) => s.phase === phase)
        if (inPhase.length === 0) return null
        return (
          <li key={phase} className={`pres-strip-phase phase-${phase}`} style={{ flexGrow: inPhase.length }}>
            <span className="pres-strip-phase-name">{phaseName(phase, snapshot.meta.locale)}</span>
            <ol>
              {inPhase.map((s) => (
                <li key={s.id} className={s.id === current ? 'is-current' : undefined}>
                  {s.title}
                </li>
              ))}
            </ol>
          </li>
        )
      })}
    </ol>
  )
}

function PersonaLane({ persona, stage, stages, snapshot, byTarget }: { persona: Persona; stage: Stage; stages: Stage[]; snapshot: Snapshot; byTarget: Map<string, Annotation[]> }) {
  const t = useT()
  const cards = Object.values(snapshot.touchpoints)
    .filter((tp) => tp.stageId === stage.id && tp.personaId === persona.id)
    .sort(byOrder)
  const curve = emotionCurve(snapshot, persona.id, stages.map((s) => s.id))
  const here = curve.find((pt) => pt.stageId === stage.id)
  const score = here ? Math.round(here.emotion) : null
  return (
    <article className="pres-lane" style={{ ['--lane' as string]: persona.color }} aria-label={persona.name}>
      <div className="pres-persona">
        <p className="pres-persona-name">
          <span className="pres-avatar" aria-hidden="true" style={{ color: textColorOn(persona.color) }}>
            {persona.name.slice(0, 1).toLocaleUpperCase(t.locale)}
          </span>
          {persona.name}
        </p>
        <div className="pres-feeling">
          <EmotionFace emotion={score} size={72} />
          <p>
            <strong>{score === null ? t('emotion.notScored') : t(`emotion.${score as -2 | -1 | 0 | 1 | 2}`)}</strong>
            {here && <span className="pres-score">{`${here.emotion > 0 ? '+' : ''}${formatNumber(here.emotion, t.locale, 1)}`}</span>}
          </p>
        </div>
        <MiniCurve points={curve} columns={stages.length} current={stages.findIndex((s) => s.id === stage.id)} label={t('presentation.curveLabel', { name: persona.name })} />
      </div>
      <ul className="pres-cards">
        {cards.length === 0 && <li className="pres-empty">{t('presentation.noTouchpoints')}</li>}
        {cards.map((tp) => (
          <SlideCard key={tp.id} tp={tp} notes={byTarget.get(tp.id) ?? []} color={persona.color} />
        ))}
      </ul>
    </article>
  )
}

function SlideCard({ tp, notes, color }: { tp: Touchpoint; notes: Annotation[]; color: string }) {
  const t = useT()
  const callouts = notes.filter((a) => (CALLOUTS as readonly string[]).includes(a.kind) || ((a.kind === 'functional-need' || a.kind === 'emotional-need') && a.status === 'unmet'))
  return (
    <li className="pres-card" style={{ borderLeftColor: color }}>
      <header>
        <h2>{tp.title || t('common.untitled')}</h2>
        <EmotionFace emotion={tp.emotion} size={40} />
      </header>
      {(tp.channel || tp.owner) && <p className="pres-meta">{[tp.channel, tp.owner].filter(Boolean).join(' · ')}</p>}
      {callouts.length > 0 && <Callouts items={callouts} />}
    </li>
  )
}

const MARK: Record<string, string> = { 'pain-point': '⚡', 'moment-of-truth': '★', 'functional-need': '!', 'emotional-need': '!' }

function Callouts({ items }: { items: Annotation[] }) {
  const t = useT()
  // Votes show once their round is revealed (a hidden round's votes order nothing yet).
  const voting = useJourneyStore(selectWorkshop).voting
  const votesOf = (a: Annotation) => (voting && voting.kind === a.kind && !voting.revealed ? 0 : voteCount(a))
  return (
    <ul className="pres-callouts">
      {items.map((a) => (
        <li key={a.id} className={`kind-${a.kind}`}>
          <span className="pres-mark" aria-hidden="true">
            {MARK[a.kind]}
          </span>
          <span>
            <span className="visually-hidden">{t(`annotationKind.${a.kind}.one`)}: </span>
            {a.text}
            {a.status === 'unmet' && <span className="pres-unmet"> ({t('needStatus.unmet').toLocaleLowerCase(t.locale)})</span>}
            {votesOf(a) > 0 && <span className="pres-votes"> · {t.plural('voting.votes', votesOf(a))}</span>}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** The persona's emotion curve across every stage, this stage's point drawn large. */
function MiniCurve({ points, columns, current, label }: { points: { column: number; emotion: number }[]; columns: number; current: number; label: string }) {
  const w = 220
  const h = 80
  const x = (c: number) => (columns <= 1 ? w / 2 : 11 + (c * (w - 22)) / (columns - 1))
  const y = (e: number) => h / 2 - (e * (h - 22)) / 4
  const here = points.find((p) => p.column === current)
  return (
    <svg className="pres-curve" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      <line x1={0} x2={w} y1={h / 2} y2={h / 2} stroke="#c9cfda" strokeDasharray="4 3" />
      <line x1={x(current)} x2={x(current)} y1={0} y2={h} stroke="#3d55b8" strokeWidth={2} opacity={0.35} />
      {points.length > 1 && <polyline points={points.map((p) => `${x(p.column)},${y(p.emotion)}`).join(' ')} fill="none" stroke="var(--lane)" strokeWidth={3} strokeLinejoin="round" />}
      {points.map((p) => (
        <circle key={p.column} cx={x(p.column)} cy={y(p.emotion)} r={p.column === current ? 8 : 4} fill={emotionColor(p.emotion)} stroke="#fff" strokeWidth={p.column === current ? 2 : 1} />
      ))}
      {!here && <circle cx={x(current)} cy={h / 2} r={7} fill="none" stroke="#8a93a6" strokeWidth={2} strokeDasharray="3 2" />}
    </svg>
  )
}
