/**
 * When the selection changes to something off screen (a stage or persona just added from the
 * toolbar, a card reached with the arrow keys, an item picked in a list), pan just enough to
 * bring it into view, at the same zoom. Only a change of selection moves the view: a colleague's
 * edit, or the participant panning away from what they selected, never does.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { GRID, type GridLayout } from '../model'
import { useJourneyStore, type JourneyState } from '../store'

const selectSelectionKey = (s: JourneyState): string => {
  const sel = s.selection
  return sel && (sel.kind === 'touchpoint' || sel.kind === 'stage' || sel.kind === 'persona') ? sel.id : ''
}

type Box = { x: number; y: number; width: number; height: number }

function boxOf(layout: GridLayout, id: string): Box | null {
  const card = layout.cards.find((c) => c.touchpoint.id === id)
  if (card) return card
  const column = layout.columns.find((c) => c.stage.id === id)
  if (column) return { x: column.x, y: GRID.phaseHeaderHeight, width: column.width, height: GRID.stageHeaderHeight }
  const lane = layout.lanes.find((l) => l.persona.id === id)
  if (lane) return { x: 0, y: lane.y, width: GRID.laneHeaderWidth, height: Math.min(lane.height, 160) }
  return null
}

export function useRevealSelection(layout: GridLayout): void {
  const id = useJourneyStore(selectSelectionKey)
  const flow = useReactFlow()
  const store = useStoreApi()
  const pending = useRef('')
  useEffect(() => {
    pending.current = id
  }, [id])
  useEffect(() => {
    if (!pending.current) return
    const box = boxOf(layout, pending.current)
    if (!box) return // not laid out yet (the record arrives with the next snapshot)
    pending.current = ''
    const { transform, width, height } = store.getState()
    const [tx, ty, zoom] = transform
    const margin = 24
    const left = box.x * zoom + tx
    const top = box.y * zoom + ty
    const right = left + box.width * zoom
    const bottom = top + box.height * zoom
    if (left >= 0 && top >= 0 && right <= width && bottom <= height) return
    const dx = left < margin ? margin - left : right > width - margin ? width - margin - right : 0
    const dy = top < margin ? margin - top : bottom > height - margin ? height - margin - bottom : 0
    void flow.setViewport({ x: tx + dx, y: ty + dy, zoom })
  }, [id, layout, flow, store])
}
