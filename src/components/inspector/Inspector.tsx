import { lazy, Suspense, useRef } from 'react'
import { phaseOfTarget, writingOpen } from '../../model'
import { useT } from '../../i18n/useT'
import { selectSelection, selectSnapshot, useJourneyStore, type JourneyState } from '../../store'
import type { BlueprintLane, BlueprintItemId, StageId } from '../../model'
import { VotingPanel } from '../workshop/VotingPanel'
import { BlueprintCellInspector } from './BlueprintCellInspector'
import { BlueprintItemInspector } from './BlueprintItemInspector'
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

const WritingPanel = lazy(() => import('../workshop/WritingRound').then((m) => ({ default: m.WritingPanel })))

/** Whether the selection still names something on the map (a colleague may have deleted it). */
const selectSelectionExists = (s: JourneyState): boolean => {
  const selection = s.selection
  const { snapshot } = s
  switch (selection?.kind) {
    case 'touchpoint':
      return Boolean(snapshot.touchpoints[selection.id])
    case 'persona':
      return Boolean(snapshot.personas[selection.id])
    case 'stage':
      return Boolean(snapshot.stages[selection.id])
    case 'cell':
      return Boolean(snapshot.stages[selection.stageId] && snapshot.personas[selection.personaId])
    case 'link':
      return Boolean(snapshot.links[selection.id])
    case 'blueprintItem':
      return Boolean(snapshot.blueprintItems[selection.id])
    case 'blueprintCell':
      return Boolean(snapshot.stages[selection.stageId])
    default:
      return selection?.kind === 'phase'
  }
}

/**
 * The side panel for whatever is selected: every field, and its annotations of every kind. It
 * follows the selection only; each inspector subscribes to the records it shows, so typing
 * elsewhere on the map re-renders none of it.
 */
export function Inspector() {
  const selection = useJourneyStore(selectSelection)
  const exists = useJourneyStore(selectSelectionExists)
  const t = useT()
  // A new selection starts at the top, with its comments one click away.
  const aside = useRef<HTMLElement>(null)
  useTopOnNewSelection(aside)
  const commentTarget = useJourneyStore(selectCommentTarget)
  const compact = useCompactLayout()
  const writingRound = useJourneyStore((s) => writingOpen(s.workshop.writing))
  let body: React.ReactNode
  let title = t('inspector.map')
  if (!selection || !exists) {
    body = <MapInspector />
  } else if (selection.kind === 'touchpoint') {
    title = t('common.touchpoint')
    body = <TouchpointInspector id={selection.id} />
  } else if (selection.kind === 'persona') {
    title = t('common.persona')
    body = <PersonaInspector id={selection.id} />
  } else if (selection.kind === 'stage') {
    title = t('common.stage')
    body = <StageInspector id={selection.id} />
  } else if (selection.kind === 'phase') {
    title = t('common.phase')
    body = <PhaseInspector phase={phaseOfTarget(selection.id)} />
  } else if (selection.kind === 'cell') {
    title = t('inspector.cell')
    body = <CellInspector stageId={selection.stageId} personaId={selection.personaId} />
  } else if (selection.kind === 'blueprintItem') {
    title = t('blueprint.item')
    body = <BlueprintItemPanel id={selection.id} />
  } else if (selection.kind === 'blueprintCell') {
    title = t('blueprint.cell')
    body = <BlueprintCellPanel stageId={selection.stageId} lane={selection.lane} />
  } else if (selection.kind === 'link') {
    title = t('inspector.link')
    body = <LinkInspector id={selection.id} />
  } else {
    body = <MapInspector />
  }
  return (
    <aside className="inspector" aria-label={t('inspector.label')} ref={aside} data-open={selection !== null}>
      <SheetBar />
      <VotingPanel onlyTarget={compact && selection?.kind === 'touchpoint' ? selection.id : undefined} />
      {writingRound && (
        <Suspense fallback={null}>
          <WritingPanel />
        </Suspense>
      )}
      <h2 className="inspector-title">{title}</h2>
      {commentTarget && <JumpToComments targetId={commentTarget} />}
      {body}
    </aside>
  )
}

/** The blueprint inspectors read the whole map (items, stages, touchpoints to link), only while one is selected. */
function BlueprintItemPanel({ id }: { id: BlueprintItemId }) {
  const snapshot = useJourneyStore(selectSnapshot)
  const item = snapshot.blueprintItems[id]
  return item ? <BlueprintItemInspector item={item} snapshot={snapshot} /> : null
}

function BlueprintCellPanel({ stageId, lane }: { stageId: StageId; lane: BlueprintLane }) {
  const snapshot = useJourneyStore(selectSnapshot)
  return <BlueprintCellInspector stageId={stageId} lane={lane} snapshot={snapshot} />
}
