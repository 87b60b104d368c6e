/**
 * The service blueprint under the journey: lane headers with their bands, the cells a person
 * selects to add an item, the items, and the lines of interaction, visibility and internal
 * interaction. Items follow the cards' levels of detail, so they stay readable at every zoom.
 */
import { useStore, type NodeProps } from '@xyflow/react'
import { memo, useCallback } from 'react'
import { useT } from '../../i18n/useT'
import { BLUEPRINT_LINES } from '../../model'
import { useJourneyStore, type JourneyState } from '../../store'
import type { BlueprintCellNode, BlueprintItemNode, BlueprintLaneNode, BlueprintLineNode } from '../toFlow'
import { selectDetail } from './levelOfDetail'

export const BlueprintLaneHeader = memo(function BlueprintLaneHeader({ data }: NodeProps<BlueprintLaneNode>) {
  const t = useT()
  const line = BLUEPRINT_LINES.find((l) => l.above === data.lane)
  const detail = useStore(selectDetail)
  return (
    <div className={`blueprint-lane blueprint-${data.lane} lod-${detail}${data.collapsed ? ' is-collapsed' : ''}`} data-testid={`blueprint-lane-${data.lane}`}>
      <div className="blueprint-band" style={{ width: data.width }} aria-hidden="true" />
      <div className="blueprint-lane-label">
        {line && (
          // The line's name where it starts, in the header column: over the grid it would cover items.
          <span className="blueprint-line-caption" data-testid={`blueprint-line-${line.kind}`}>
            {t(`blueprint.line.${line.kind}`)}
          </span>
        )}
        <span role="heading" aria-level={3}>
          {t(`blueprint.lane.${data.lane}`)}
        </span>
      </div>
    </div>
  )
})

export const BlueprintCell = memo(function BlueprintCell({ data, selected }: NodeProps<BlueprintCellNode>) {
  const t = useT()
  return (
    <div className={`cell blueprint-cell${selected ? ' is-selected' : ''}`} data-blueprint-cell={`${data.stageId}|${data.lane}`}>
      {selected && <span className="cell-hint">{t('blueprint.cellHint')}</span>}
    </div>
  )
})

export const BlueprintLine = memo(function BlueprintLine({ data }: NodeProps<BlueprintLineNode>) {
  const t = useT()
  const detail = useStore(selectDetail)
  return (
    <div className={`blueprint-line blueprint-line-${data.kind} lod-${detail}`} style={{ width: data.width }} role="separator" aria-label={t(`blueprint.line.${data.kind}`)} />
  )
})

/** `color|name` of a peer who has this item selected, or ''. */
function usePeerOutline(id: string): string {
  return useJourneyStore(useCallback((s: JourneyState) => s.peerSelections[id] ?? '', [id]))
}

export const BlueprintItemCard = memo(function BlueprintItemCard({ id, data, selected }: NodeProps<BlueprintItemNode>) {
  const { item, linkCount } = data
  const t = useT()
  const detail = useStore(selectDetail)
  const peer = usePeerOutline(id)
  const peerColor = peer ? peer.split('|')[0] : null
  return (
    <article
      className={`blueprint-item blueprint-${item.lane} lod-${detail}${selected ? ' is-selected' : ''}`}
      style={peerColor ? { outline: `3px solid ${peerColor}` } : undefined}
      data-testid="blueprint-item"
    >
      <h3 className="blueprint-item-title">{item.title || t('blueprint.untitled')}</h3>
      {detail === 0 && (
        <p className="blueprint-item-meta">
          {item.owner && <span className="tp-owner">{item.owner}</span>}
          {linkCount > 0 && (
            <span className="badge blueprint" title={t.plural('blueprint.serves', linkCount)}>
              <span aria-hidden="true">⚙ {linkCount}</span>
              <span className="visually-hidden">{t.plural('blueprint.serves', linkCount)}</span>
            </span>
          )}
        </p>
      )}
    </article>
  )
})
