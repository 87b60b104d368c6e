import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { phaseName } from '../../i18n/phaseNames'
import { selectMeta, useJourneyStore } from '../../store'
import type { CellNode, LaneNode, PhaseNode, StageNode } from '../toFlow'

export const PhaseHeader = memo(function PhaseHeader({ data, selected }: NodeProps<PhaseNode>) {
  const locale = useJourneyStore(selectMeta).locale
  return (
    <div className={`phase-header phase-${data.phase}${selected ? ' is-selected' : ''}`} role="heading" aria-level={2}>
      {phaseName(data.phase, locale)}
      {data.stageCount === 0 && <span className="muted"> · no stages yet</span>}
    </div>
  )
})

export const StageHeader = memo(function StageHeader({ data, selected }: NodeProps<StageNode>) {
  return (
    <div className={`stage-header phase-${data.stage.phase}${selected ? ' is-selected' : ''}`} role="heading" aria-level={3} title="Drag to reorder">
      <span className="stage-title">{data.stage.title || <span className="muted">Untitled stage</span>}</span>
      {data.annotationCount > 0 && <span className="stage-count" title={`${data.annotationCount} annotations`}>{data.annotationCount}</span>}
    </div>
  )
})

export const LaneHeader = memo(function LaneHeader({ data, selected }: NodeProps<LaneNode>) {
  const { persona } = data
  return (
    <div className={`lane-header${selected ? ' is-selected' : ''}`} style={{ ['--lane' as string]: persona.color }} title="Drag to reorder">
      <div className="lane-band" style={{ width: data.width }} aria-hidden="true" />
      <div className="lane-label">
        <span className="lane-avatar" aria-hidden="true">{(persona.name || '?').slice(0, 1).toUpperCase()}</span>
        <div>
          <div className="lane-name">{persona.name || <span className="muted">Unnamed persona</span>}</div>
          {persona.description && <div className="lane-desc">{persona.description}</div>}
        </div>
      </div>
    </div>
  )
})

export const CellBackground = memo(function CellBackground({ data, selected }: NodeProps<CellNode>) {
  return (
    <div className={`cell${selected ? ' is-selected' : ''}`} data-cell={`${data.stageId}|${data.personaId}`}>
      {selected && <span className="cell-hint">Press N to add a touchpoint</span>}
    </div>
  )
})
