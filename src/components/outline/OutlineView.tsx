/**
 * The whole map as an outline, for a screen reader or a keyboard alone: phase → stage → persona →
 * touchpoint, each a heading, with the touchpoint's needs, pain points, moments of truth and
 * comments under it, editable with the same fields and commands as the inspector. The voting
 * panel heads it during a round, and the live announcements (lock, timer, spotlight) are the map
 * page's own (Announcer), so they are heard here too.
 */
import { useMemo } from 'react'
import { updateTouchpoint } from '../../commands'
import { cellKey, PHASES, sortedPersonas, stagesInPhase, touchpointsByCell, type Touchpoint } from '../../model'
import { phaseName } from '../../i18n/phaseNames'
import { useT } from '../../i18n/useT'
import { selectReadOnly, selectSnapshot, useJourneyStore } from '../../store'
import { useMapSession } from '../../session/MapSessionContext'
import { AnnotationList } from '../AnnotationList'
import { CommentThreads } from '../CommentThreads'
import { TextField } from '../../fields/fields'
import { VotingPanel } from '../workshop/VotingPanel'
import './outline.css'

export function OutlineView() {
  const snapshot = useJourneyStore(selectSnapshot)
  const t = useT()
  const locale = snapshot.meta.locale
  const personas = useMemo(() => sortedPersonas(snapshot), [snapshot])
  const cells = useMemo(() => touchpointsByCell(snapshot), [snapshot])
  return (
    <div className="view-page outline-view">
      <h2>{t('outline.heading', { title: snapshot.meta.title || t('common.untitled') })}</h2>
      <p className="intro">{t('outline.intro')}</p>
      <VotingPanel />
      {PHASES.map((phase) => {
        const stages = stagesInPhase(snapshot, phase)
        return (
          <section key={phase} className="outline-phase" aria-label={phaseName(phase, locale)}>
            <h3>{phaseName(phase, locale)}</h3>
            {stages.length === 0 && <p className="view-empty">{t('canvas.noStagesYet')}</p>}
            {stages.map((stage) => (
              <section key={stage.id} className="outline-stage" aria-label={stage.title || t('canvas.untitledStage')}>
                <h4>{stage.title || t('canvas.untitledStage')}</h4>
                {personas.map((persona) => {
                  const touchpoints = cells.get(cellKey(stage.id, persona.id)) ?? []
                  if (touchpoints.length === 0) return null
                  return (
                    <section key={persona.id} className="outline-persona" aria-label={`${stage.title} · ${persona.name}`}>
                      <h5>{persona.name || t('canvas.unnamedPersona')}</h5>
                      <ul className="outline-touchpoints">
                        {touchpoints.map((tp) => (
                          <OutlineTouchpoint key={tp.id} tp={tp} />
                        ))}
                      </ul>
                    </section>
                  )
                })}
              </section>
            ))}
          </section>
        )
      })}
    </div>
  )
}

function OutlineTouchpoint({ tp }: { tp: Touchpoint }) {
  const { doc } = useMapSession()
  const readOnly = useJourneyStore(selectReadOnly)
  const t = useT()
  const name = tp.title || t('common.untitled')
  return (
    <li className="outline-touchpoint">
      <article aria-label={name}>
        <h6>{name}</h6>
        <TextField label={t('outline.titleOf', { title: name })} value={tp.title} editKey={{ id: tp.id, field: 'title' }} disabled={readOnly} onCommit={(title) => updateTouchpoint(doc, tp.id, { title })} />
        <AnnotationList targetId={tp.id} />
        <CommentThreads targetId={tp.id} />
      </article>
    </li>
  )
}
