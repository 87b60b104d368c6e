import { useRef } from 'react'
import { phaseOfTarget } from '../../model'
import { useT } from '../../i18n/useT'
import { selectSelection, selectSnapshot, useJourneyStore } from '../../store'
import { VotingPanel } from '../workshop/VotingPanel'
import { CellInspector } from './CellInspector'
import { JumpToComments, selectCommentTarget, useTopOnNewSelection } from './InspectorNavigation'
import { LinkInspector } from './LinkInspector'
import { MapInspector } from './MapInspector'
import { PersonaInspector } from './PersonaInspector'
import { PhaseInspector } from './PhaseInspector'
import { StageInspector } from './StageInspector'
import { TouchpointInspector } from './TouchpointInspector'
import { SheetBar } from './SheetBar'
import { useCompactLayout } from '../useCompactLayout'

/** The side panel for whatever is selected: every field, and its annotations of every kind. */
export function Inspector() {
  const selection = useJourneyStore(selectSelection)
  const snapshot = useJourneyStore(selectSnapshot)
  const t = useT()
  // A new selection starts at the top, with its comments one click away.
  const aside = useRef<HTMLElement>(null)
  useTopOnNewSelection(aside)
  const commentTarget = useJourneyStore(selectCommentTarget)
  const compact = useCompactLayout()
  let body: React.ReactNode
  let title = t('inspector.map')
  if (selection?.kind === 'touchpoint' && snapshot.touchpoints[selection.id]) {
    title = t('common.touchpoint')
    body = <TouchpointInspector tp={snapshot.touchpoints[selection.id]} snapshot={snapshot} />
  } else if (selection?.kind === 'persona' && snapshot.personas[selection.id]) {
    title = t('common.persona')
    body = <PersonaInspector persona={snapshot.personas[selection.id]} snapshot={snapshot} />
  } else if (selection?.kind === 'stage' && snapshot.stages[selection.id]) {
    title = t('common.stage')
    body = <StageInspector stage={snapshot.stages[selection.id]} snapshot={snapshot} />
  } else if (selection?.kind === 'phase') {
    const phase = phaseOfTarget(selection.id)
    title = t('common.phase')
    body = <PhaseInspector phase={phase} snapshot={snapshot} />
  } else if (selection?.kind === 'cell' && snapshot.stages[selection.stageId] && snapshot.personas[selection.personaId]) {
    title = t('inspector.cell')
    body = <CellInspector stageId={selection.stageId} personaId={selection.personaId} snapshot={snapshot} />
  } else if (selection?.kind === 'link' && snapshot.links[selection.id]) {
    title = t('inspector.link')
    body = <LinkInspector id={selection.id} snapshot={snapshot} />
  } else {
    body = <MapInspector snapshot={snapshot} />
  }
  return (
    <aside className="inspector" aria-label={t('inspector.label')} ref={aside} data-open={selection !== null}>
      <SheetBar />
      <VotingPanel onlyTarget={compact && selection?.kind === 'touchpoint' ? selection.id : undefined} />
      <h2 className="inspector-title">{title}</h2>
      {commentTarget && <JumpToComments targetId={commentTarget} />}
      {body}
    </aside>
  )
}
