/**
 * The journey grid's geometry, computed from the snapshot alone so the canvas, the PDF and every
 * peer agree on where things are. Units are canvas pixels; the PDF scales them.
 *
 *            | phase: before       | phase: during | phase: after |
 *            | stage | stage       | stage         | stage        |
 *  persona A | cards | cards       | …             |              |
 *  persona B | …                                                  |
 *  evidence  | blueprint items per stage column (when the viewer shows the blueprint)
 *  ─ ─ ─ ─ ─ ─ line of interaction
 *  frontstage|
 *  ─ ─ ─ ─ ─ ─ line of visibility
 *  backstage |
 *  ─ ─ ─ ─ ─ ─ line of internal interaction
 *  support   |
 *  curves    | one emotion curve row per persona, aligned with the stage columns
 */
import { byOrder } from './fractionalIndex'
import { curvePoint, type CurvePoint } from './emotionCurve'
import type { PersonaId, StageId, TouchpointId } from './ids'
import { BLUEPRINT_LANES, PHASES, type BlueprintItem, type BlueprintLane, type Persona, type Phase, type Snapshot, type Stage, type Touchpoint } from './records'

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
  blueprintItemHeight: 64,
  /** A blueprint lane with no items: one row of its name, the cells still there to select and add to. */
  blueprintCollapsedHeight: 40,
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

export interface BlueprintLaneBox {
  lane: BlueprintLane
  y: number
  height: number
  /** No item in any column: drawn as one low row. */
  collapsed: boolean
}
export interface BlueprintItemBox {
  item: BlueprintItem
  x: number
  y: number
  width: number
  height: number
  index: number
}
/** The three lines of a service blueprint, each at the top of the lane it opens. */
export const BLUEPRINT_LINES = [
  { kind: 'interaction', above: 'frontstage' },
  { kind: 'visibility', above: 'backstage' },
  { kind: 'internal', above: 'support' },
] as const satisfies readonly { kind: string; above: BlueprintLane }[]
export type BlueprintLineKind = (typeof BLUEPRINT_LINES)[number]['kind']
export interface BlueprintLineBox {
  kind: BlueprintLineKind
  y: number
}

export interface LayoutOptions {
  /** Draw the service blueprint's lanes (a viewer's choice; the PDF draws them when the map has items). */
  blueprint?: boolean
}

export interface GridLayout {
  phases: PhaseBox[]
  columns: ColumnBox[]
  lanes: LaneBox[]
  cards: CardBox[]
  /** Empty when the blueprint is hidden. */
  blueprintLanes: BlueprintLaneBox[]
  blueprintItems: BlueprintItemBox[]
  blueprintLines: BlueprintLineBox[]
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

/** Blueprint items grouped by `stageId|lane`, each cell sorted by order. */
export function blueprintItemsByCell(snapshot: Snapshot): Map<string, BlueprintItem[]> {
  const cells = new Map<string, BlueprintItem[]>()
  for (const item of Object.values(snapshot.blueprintItems)) {
    const key = cellKey(item.stageId, item.lane)
    const list = cells.get(key)
    if (list) list.push(item)
    else cells.set(key, [item])
  }
  for (const list of cells.values()) list.sort(byOrder)
  return cells
}

export function computeGridLayout(snapshot: Snapshot, options: LayoutOptions = {}): GridLayout {
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

  const blueprintLanes: BlueprintLaneBox[] = []
  const blueprintItems: BlueprintItemBox[] = []
  const blueprintLines: BlueprintLineBox[] = []
  if (options.blueprint) {
    const itemCells = blueprintItemsByCell(snapshot)
    for (const lane of BLUEPRINT_LANES) {
      let maxItems = 0
      for (const col of columns) maxItems = Math.max(maxItems, itemCells.get(cellKey(col.stage.id, lane))?.length ?? 0)
      const collapsed = maxItems === 0
      const height = collapsed ? g.blueprintCollapsedHeight : g.cellPadding * 2 + maxItems * (g.blueprintItemHeight + g.cardGap) - g.cardGap + g.cellFooter
      const line = BLUEPRINT_LINES.find((l) => l.above === lane)
      if (line) blueprintLines.push({ kind: line.kind, y })
      blueprintLanes.push({ lane, y, height, collapsed })
      for (const col of columns) {
        itemCells.get(cellKey(col.stage.id, lane))?.forEach((item, i) => {
          blueprintItems.push({
            item,
            index: i,
            x: col.x + (g.columnWidth - g.cardWidth) / 2,
            y: y + g.cellPadding + i * (g.blueprintItemHeight + g.cardGap),
            width: g.cardWidth,
            height: g.blueprintItemHeight,
          })
        })
      }
      y += height
    }
  }

  const curves: CurveRow[] = []
  y += g.curveGap
  for (const persona of personas) {
    const top = y
    const mid = top + g.curveHeight / 2
    const amplitude = (g.curveHeight - 24) / 4 // 2 units each way
    // The persona's emotionCurve, from the cells grouped above rather than a walk over every card.
    const points: CurveRow['points'] = []
    for (const col of columns) {
      const p = curvePoint(col.stage.id, col.index, cells.get(cellKey(col.stage.id, persona.id)))
      if (p) points.push({ ...p, x: col.x + g.columnWidth / 2, y: mid - p.emotion * amplitude })
    }
    curves.push({ persona, y: top, height: g.curveHeight, points })
    y += g.curveHeight
  }

  return { phases, columns, lanes, cards, blueprintLanes, blueprintItems, blueprintLines, curves, gridTop, gridBottom, width, height: y }
}

/** Which blueprint cell a canvas point falls in, for dropping a dragged item. */
export function blueprintCellAt(layout: GridLayout, px: number, py: number): { stageId: StageId; lane: BlueprintLane; index: number } | null {
  const col = layout.columns.find((c) => px >= c.x && px < c.x + c.width)
  const lane = layout.blueprintLanes.find((l) => py >= l.y && py < l.y + l.height)
  if (!col || !lane) return null
  const slot = Math.floor((py - lane.y - GRID.cellPadding + GRID.cardGap / 2) / (GRID.blueprintItemHeight + GRID.cardGap))
  return { stageId: col.stage.id, lane: lane.lane, index: Math.max(0, slot) }
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
  const boxes = layout.cards.map((c) => ({ id: c.touchpoint.id, x: c.x, y: c.y, width: c.width, height: c.height }))
  return nearestInDirection(boxes, fromId, key)
}

/**
 * The nearest card or blueprint item from `fromId` in an arrow key's direction: the keyboard
 * walks down from the customer's cards into the blueprint under them and back.
 */
export function neighbourItem(layout: GridLayout, fromId: string, key: string): string | null {
  const boxes = [
    ...layout.cards.map((c) => ({ id: c.touchpoint.id as string, x: c.x, y: c.y, width: c.width, height: c.height })),
    ...layout.blueprintItems.map((b) => ({ id: b.item.id as string, x: b.x, y: b.y, width: b.width, height: b.height })),
  ]
  return nearestInDirection(boxes, fromId, key)
}

function nearestInDirection<I extends string>(boxes: { id: I; x: number; y: number; width: number; height: number }[], fromId: string, key: string): I | null {
  const from = boxes.find((c) => c.id === fromId)
  if (!from) return null
  const fx = from.x + from.width / 2
  const fy = from.y + from.height / 2
  let best: { id: I; score: number } | null = null
  for (const c of boxes) {
    if (c === from) continue
    const dx = c.x + c.width / 2 - fx
    const dy = c.y + c.height / 2 - fy
    const along = key === 'ArrowRight' ? dx : key === 'ArrowLeft' ? -dx : key === 'ArrowDown' ? dy : -dy
    const across = key === 'ArrowRight' || key === 'ArrowLeft' ? Math.abs(dy) : Math.abs(dx)
    if (along <= 1) continue
    const score = along + across * 3
    if (!best || score < best.score) best = { id: c.id, score }
  }
  return best?.id ?? null
}
