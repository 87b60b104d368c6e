/**
 * The journey grid's geometry, computed from the snapshot alone so the canvas, the PDF and every
 * peer agree on where things are. Units are canvas pixels; the PDF scales them.
 *
 *            | phase: before       | phase: during | phase: after |
 *            | stage | stage       | stage         | stage        |
 *  persona A | cards | cards       | …             |              |
 *  persona B | …                                                  |
 *  curves    | one emotion curve row per persona, aligned with the stage columns
 */
import { byOrder } from './fractionalIndex'
import { emotionCurve, type CurvePoint } from './emotionCurve'
import type { PersonaId, StageId, TouchpointId } from './ids'
import { PHASES, type Persona, type Phase, type Snapshot, type Stage, type Touchpoint } from './records'

export const GRID = {
  laneHeaderWidth: 200,
  columnWidth: 260,
  emptyPhaseWidth: 180,
  phaseHeaderHeight: 40,
  stageHeaderHeight: 56,
  cardWidth: 232,
  cardHeight: 112,
  cardGap: 12,
  cellPadding: 14,
  /** Room under the cards of a cell for its "add touchpoint" button. */
  cellFooter: 36,
  curveHeight: 132,
  curveGap: 24,
} as const

export interface ColumnBox {
  stage: Stage
  index: number
  x: number
  width: number
}
export interface PhaseBox {
  phase: Phase
  x: number
  width: number
  stageIds: string[]
}
export interface LaneBox {
  persona: Persona
  index: number
  y: number
  height: number
}
export interface CardBox {
  touchpoint: Touchpoint
  x: number
  y: number
  width: number
  height: number
  /** Position within its cell. */
  index: number
}
export interface CurveRow {
  persona: Persona
  y: number
  height: number
  points: (CurvePoint & { x: number; y: number })[]
}

export interface GridLayout {
  phases: PhaseBox[]
  columns: ColumnBox[]
  lanes: LaneBox[]
  cards: CardBox[]
  curves: CurveRow[]
  /** Top of the first lane. */
  gridTop: number
  /** Bottom of the last lane (the curves start below). */
  gridBottom: number
  width: number
  height: number
}

const phaseRank = (p: Phase) => PHASES.indexOf(p)

export function sortedStages(snapshot: Snapshot): Stage[] {
  return Object.values(snapshot.stages).sort((a, b) => phaseRank(a.phase) - phaseRank(b.phase) || byOrder(a, b))
}
export function sortedPersonas(snapshot: Snapshot): Persona[] {
  return Object.values(snapshot.personas).sort(byOrder)
}
export function stagesInPhase(snapshot: Snapshot, phase: Phase): Stage[] {
  return Object.values(snapshot.stages).filter((s) => s.phase === phase).sort(byOrder)
}

export function cellKey(stageId: string, personaId: string): string {
  return `${stageId}|${personaId}`
}

/** Touchpoints grouped by cell, each cell sorted by order. */
export function touchpointsByCell(snapshot: Snapshot): Map<string, Touchpoint[]> {
  const cells = new Map<string, Touchpoint[]>()
  for (const tp of Object.values(snapshot.touchpoints)) {
    const key = cellKey(tp.stageId, tp.personaId)
    const list = cells.get(key)
    if (list) list.push(tp)
    else cells.set(key, [tp])
  }
  for (const list of cells.values()) list.sort(byOrder)
  return cells
}

export function computeGridLayout(snapshot: Snapshot): GridLayout {
  const g = GRID
  const stages = sortedStages(snapshot)
  const personas = sortedPersonas(snapshot)
  const cells = touchpointsByCell(snapshot)

  const columns: ColumnBox[] = []
  const phases: PhaseBox[] = []
  let x = g.laneHeaderWidth
  for (const phase of PHASES) {
    const inPhase = stages.filter((s) => s.phase === phase)
    const start = x
    for (const stage of inPhase) {
      columns.push({ stage, index: columns.length, x, width: g.columnWidth })
      x += g.columnWidth
    }
    if (inPhase.length === 0) x += g.emptyPhaseWidth
    phases.push({ phase, x: start, width: x - start, stageIds: inPhase.map((s) => s.id) })
  }
  const width = x

  const gridTop = g.phaseHeaderHeight + g.stageHeaderHeight
  const lanes: LaneBox[] = []
  const cards: CardBox[] = []
  let y = gridTop
  for (const [index, persona] of personas.entries()) {
    let maxCards = 0
    for (const col of columns) maxCards = Math.max(maxCards, cells.get(cellKey(col.stage.id, persona.id))?.length ?? 0)
    const height = g.cellPadding * 2 + Math.max(1, maxCards) * (g.cardHeight + g.cardGap) - g.cardGap + g.cellFooter
    lanes.push({ persona, index, y, height })
    for (const col of columns) {
      const list = cells.get(cellKey(col.stage.id, persona.id))
      list?.forEach((touchpoint, i) => {
        cards.push({
          touchpoint,
          index: i,
          x: col.x + (g.columnWidth - g.cardWidth) / 2,
          y: y + g.cellPadding + i * (g.cardHeight + g.cardGap),
          width: g.cardWidth,
          height: g.cardHeight,
        })
      })
    }
    y += height
  }
  const gridBottom = y

  const stageIds = columns.map((c) => c.stage.id)
  const curves: CurveRow[] = []
  y += g.curveGap
  for (const persona of personas) {
    const top = y
    const mid = top + g.curveHeight / 2
    const amplitude = (g.curveHeight - 24) / 4 // 2 units each way
    const points = emotionCurve(snapshot, persona.id, stageIds).map((p) => ({
      ...p,
      x: columns[p.column].x + g.columnWidth / 2,
      y: mid - p.emotion * amplitude,
    }))
    curves.push({ persona, y: top, height: g.curveHeight, points })
    y += g.curveHeight
  }

  return { phases, columns, lanes, cards, curves, gridTop, gridBottom, width, height: y }
}

/** Which cell a canvas point falls in, for dropping a dragged card. */
export function cellAt(layout: GridLayout, px: number, py: number): { stageId: StageId; personaId: PersonaId; index: number } | null {
  const col = layout.columns.find((c) => px >= c.x && px < c.x + c.width)
  const lane = layout.lanes.find((l) => py >= l.y && py < l.y + l.height)
  if (!col || !lane) return null
  const slot = Math.floor((py - lane.y - GRID.cellPadding + GRID.cardGap / 2) / (GRID.cardHeight + GRID.cardGap))
  return { stageId: col.stage.id, personaId: lane.persona.id, index: Math.max(0, slot) }
}

/** The nearest card from `fromId` in an arrow key's direction, by geometry of the computed layout. */
export function neighbourCard(layout: GridLayout, fromId: TouchpointId, key: string): TouchpointId | null {
  const from = layout.cards.find((c) => c.touchpoint.id === fromId)
  if (!from) return null
  const fx = from.x + from.width / 2
  const fy = from.y + from.height / 2
  let best: { id: TouchpointId; score: number } | null = null
  for (const c of layout.cards) {
    if (c === from) continue
    const dx = c.x + c.width / 2 - fx
    const dy = c.y + c.height / 2 - fy
    const along = key === 'ArrowRight' ? dx : key === 'ArrowLeft' ? -dx : key === 'ArrowDown' ? dy : -dy
    const across = key === 'ArrowRight' || key === 'ArrowLeft' ? Math.abs(dy) : Math.abs(dx)
    if (along <= 1) continue
    const score = along + across * 3
    if (!best || score < best.score) best = { id: c.touchpoint.id, score }
  }
  return best?.id ?? null
}
