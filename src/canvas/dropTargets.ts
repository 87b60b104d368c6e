/**
 * Where a drop lands, from the layout alone: the cell under a card's centre, the stage slot under
 * a stage header's centre, the lane slot under a persona header's centre.
 */
import { cellAt, PHASES, type GridLayout, type Phase } from '../model'

export function touchpointDropTarget(layout: GridLayout, center: { x: number; y: number }) {
  return cellAt(layout, center.x, center.y)
}

export function stageDropTarget(layout: GridLayout, stageId: string, centerX: number): { phase: Phase; index: number } | null {
  const phaseBox = layout.phases.find((p) => centerX >= p.x && centerX < p.x + p.width) ?? (centerX < layout.phases[0].x ? layout.phases[0] : layout.phases[PHASES.length - 1])
  const others = layout.columns.filter((c) => c.stage.phase === phaseBox.phase && c.stage.id !== stageId)
  const index = others.filter((c) => c.x + c.width / 2 < centerX).length
  return { phase: phaseBox.phase, index }
}

export function personaDropIndex(layout: GridLayout, personaId: string, centerY: number): number {
  return layout.lanes.filter((l) => l.persona.id !== personaId && l.y + l.height / 2 < centerY).length
}
