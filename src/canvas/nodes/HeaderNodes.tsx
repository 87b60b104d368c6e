import { useStore, type NodeProps } from '@xyflow/react'
import { selectDetail } from './levelOfDetail'
import { memo } from 'react'
import { phaseName } from '../../i18n/phaseNames'
import { selectMeta, useJourneyStore } from '../../store'
import { useT } from '../../i18n/useT'
import type { CellNode, LaneNode, PhaseNode, StageNode } from '../toFlow'

export const PhaseHeader = memo(function PhaseHeader({ data, selected }: NodeProps<PhaseNode>) {
  const locale = useJourneyStore(selectMeta).locale
  const t = useT()
  const detail = useStore(selectDetail)
  return (
    <div className={`phase-header phase-${data.phase} lod-${detail}${selected ? ' is-selected' : ''}`} role="heading" aria-level={2}>
      {phaseName(data.phase, locale)}
      {data.stageCount === 0 && <span className="muted"> · {t('canvas.noStagesYet')}</span>}
    </div>
  )
})

export const StageHeader = memo(function StageHeader({ data, selected }: NodeProps<StageNode>) {
  const t = useT()
  const detail = useStore(selectDetail)
  return (
    <div className={`stage-header phase-${data.stage.phase} lod-${detail}${selected ? ' is-selected' : ''}`} role="heading" aria-level={3} title={t('canvas.dragToReorder')}>
      <span className="stage-title">{data.stage.title || <span className="muted">{t('canvas.untitledStage')}</span>}</span>
      {data.annotationCount > 0 && (
        <span className="stage-count" title={t.plural('canvas.annotationCount', data.annotationCount)}>
          {data.annotationCount}
        </span>
      )}
    </div>
  )
})

export const LaneHeader = memo(function LaneHeader({ data, selected }: NodeProps<LaneNode>) {
  const { persona } = data
  const t = useT()
  const detail = useStore(selectDetail)
  return (
    <div className={`lane-header lod-${detail}${selected ? ' is-selected' : ''}`} style={{ ['--lane' as string]: persona.color }} title={t('canvas.dragToReorder')}>
      <div className="lane-band" style={{ width: data.width }} aria-hidden="true" />
      <div className="lane-label">
        <span className="lane-avatar" aria-hidden="true">{(persona.name || '?').slice(0, 1).toUpperCase()}</span>
        <div>
          <div className="lane-name">{persona.name || <span className="muted">{t('canvas.unnamedPersona')}</span>}</div>
          {persona.description && <div className="lane-desc">{persona.description}</div>}
        </div>
      </div>
    </div>
  )
})

export const CellBackground = memo(function CellBackground({ data, selected }: NodeProps<CellNode>) {
  const t = useT()
  return (
    <div className={`cell${selected ? ' is-selected' : ''}`} data-cell={`${data.stageId}|${data.personaId}`}>
      {selected && <span className="cell-hint">{t('canvas.cellHint')}</span>}
    </div>
  )
})
