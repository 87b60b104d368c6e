/**
 * Snapshot + layout → React Flow nodes and edges. Node objects are cached by id and reused while
 * nothing they show has changed, so React Flow keeps their internals and a memoised card does not
 * re-render: editing one touchpoint's title re-renders that one card.
 */
import type { Edge, Node } from '@xyflow/react'
import { Position } from '@xyflow/react'
import { byOrder, cellKey, departmentKey, GRID, type AnnotationKind, type BlueprintItem, type BlueprintLane, type BlueprintLineKind, type GridLayout, type Persona, type PersonaId, type Phase, type Snapshot, type Stage, type StageId, type Touchpoint } from '../model'
import { translatorFor, type Translator } from '../i18n/translate'
import { annotationsByTarget, sameSummary, summarize, type AnnotationSummary } from './annotationSummary'

export type PhaseNodeData = { phase: Phase; stageCount: number }
export type StageNodeData = { stage: Stage; annotationCount: number }
export type LaneNodeData = { persona: Persona; width: number; annotationCount: number }
export type CellNodeData = { stageId: StageId; personaId: PersonaId; stageTitle: string; personaName: string }
/** An item of the running voting round on a card: its votes by participant, and the tally once revealed. */
export type Votable = { id: string; text: string; votes: Readonly<Record<string, number>>; total: number | null }
/** `blueprintCount`: how many blueprint items serve the card (its badge; 0 draws none). */
export type TouchpointNodeData = { touchpoint: Touchpoint; summary: AnnotationSummary; personaColor: string; votables: readonly Votable[] | null; blueprintCount: number }
export type BlueprintLaneNodeData = { lane: BlueprintLane; width: number; collapsed: boolean }
export type BlueprintCellNodeData = { stageId: StageId; lane: BlueprintLane }
/** `linkCount`: how many of the touchpoints it serves are on the map. */
export type BlueprintItemNodeData = { item: BlueprintItem; linkCount: number }
export type BlueprintLineNodeData = { kind: BlueprintLineKind; width: number }
export type CurveNodeData = { persona: Persona; points: { x: number; y: number; emotion: number }[]; columns: { x: number; width: number }[]; height: number }

export type PhaseNode = Node<PhaseNodeData, 'phase'>
export type StageNode = Node<StageNodeData, 'stage'>
export type LaneNode = Node<LaneNodeData, 'lane'>
export type CellNode = Node<CellNodeData, 'cell'>
export type TouchpointNode = Node<TouchpointNodeData, 'touchpoint'>
export type CurveNode = Node<CurveNodeData, 'curve'>
export type BlueprintLaneNode = Node<BlueprintLaneNodeData, 'blueprintLane'>
export type BlueprintCellNode = Node<BlueprintCellNodeData, 'blueprintCell'>
export type BlueprintItemNode = Node<BlueprintItemNodeData, 'blueprintItem'>
export type BlueprintLineNode = Node<BlueprintLineNodeData, 'blueprintLine'>
export type JourneyNode = PhaseNode | StageNode | LaneNode | CellNode | TouchpointNode | CurveNode | BlueprintLaneNode | BlueprintCellNode | BlueprintItemNode | BlueprintLineNode

export interface FlowOptions {
  selectedIds: ReadonlySet<string>
  readOnly: boolean
  /**
   * False on a touch screen until a long press arms a move (useLongPressMove): a finger on a card
   * pans the map, so scrolling never drags cards. Absent: movable unless read-only.
   */
  movable?: boolean
  /** Words the nodes' accessible names in the participant's language; English when absent (benchmarks). */
  t?: Translator
  /** The voting round, if one is running: its kind, and the votes that count once revealed. */
  round?: { kind: AnnotationKind; totals: ReadonlyMap<string, number> | null } | null
  /** The department view: cards and blueprint items another department owns are dimmed. */
  department?: string | null
}

/** The class that dims a record another department owns, while a department is picked. */
function dimmedClass(options: FlowOptions, owner: string): string | undefined {
  return options.department && departmentKey(owner) !== options.department ? 'is-dimmed' : undefined
}

const sameVotables = (a: readonly Votable[] | null, b: readonly Votable[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((v, i) => v.id === b[i].id && v.text === b[i].text && v.votes === b[i].votes && v.total === b[i].total))

export interface FlowCache {
  nodes: Map<string, JourneyNode>
  summaries: Map<string, AnnotationSummary>
}

export function createFlowCache(): FlowCache {
  return { nodes: new Map(), summaries: new Map() }
}

const CARD_HANDLES = [
  { id: 'out', type: 'source' as const, position: Position.Right, x: GRID.cardWidth - 4, y: GRID.cardHeight / 2 - 4, width: 8, height: 8 },
  { id: 'in', type: 'target' as const, position: Position.Left, x: -4, y: GRID.cardHeight / 2 - 4, width: 8, height: 8 },
]

/**
 * The handles of a node that has none. React Flow draws every node whose handles it does not know
 * yet, on screen or not, so that it can measure them: without this, the render that draws a map's
 * first card also drew every cell, curve and header and all its blueprint items (1,000 of them on
 * a large blueprint). Our nodes come with their sizes, so with their handles said too, React Flow
 * draws only what is in view from the first render on.
 */
const NO_HANDLES: NonNullable<Node['handles']> = []

/** Reuse the cached node when `same(cached)` says nothing visible changed. */
function reuse<N extends JourneyNode>(cache: FlowCache, id: string, same: (cached: N) => boolean, make: () => N): N {
  const cached = cache.nodes.get(id) as N | undefined
  if (cached && same(cached)) return cached
  const node = make()
  cache.nodes.set(id, node)
  return node
}

const samePos = (n: Node, x: number, y: number) => n.position.x === x && n.position.y === y

export function toFlow(snapshot: Snapshot, layout: GridLayout, options: FlowOptions, cache: FlowCache): { nodes: JourneyNode[]; edges: Edge[] } {
  const nodes: JourneyNode[] = []
  const seen = new Set<string>()
  const byTarget = annotationsByTarget(snapshot)
  const openComments = new Map<string, number>()
  for (const c of Object.values(snapshot.comments)) if (!c.resolved) openComments.set(c.targetId, (openComments.get(c.targetId) ?? 0) + 1)
  const draggable = !options.readOnly && options.movable !== false
  const t = options.t ?? translatorFor('en')
  const push = (n: JourneyNode) => {
    seen.add(n.id)
    nodes.push(n)
  }

  const fullWidth = layout.width

  // Lane bands first so they sit under the cells and cards.
  for (const lane of layout.lanes) {
    const id = lane.persona.id
    const annotationCount = byTarget.get(id)?.length ?? 0
    const selected = options.selectedIds.has(id)
    const ariaLabel = t('canvas.personaNode', { name: lane.persona.name || t('canvas.unnamedLower') })
    push(
      reuse<LaneNode>(
        cache,
        id,
        (n) => n.ariaLabel === ariaLabel && n.data.persona === lane.persona && samePos(n, 0, lane.y) && n.height === lane.height && n.data.width === fullWidth && n.selected === selected && n.data.annotationCount === annotationCount && n.draggable === draggable,
        () => ({
          id,
          type: 'lane',
          position: { x: 0, y: lane.y },
          width: GRID.laneHeaderWidth,
          height: lane.height,
          measured: { width: GRID.laneHeaderWidth, height: lane.height },
          handles: NO_HANDLES,
          data: { persona: lane.persona, width: fullWidth, annotationCount },
          selected,
          draggable,
          ariaLabel,
          zIndex: 0,
        }),
      ),
    )
  }

  for (const phaseBox of layout.phases) {
    const id = `phase:${phaseBox.phase}`
    const selected = options.selectedIds.has(id)
    push(
      reuse<PhaseNode>(
        cache,
        id,
        (n) => samePos(n, phaseBox.x, 0) && n.width === phaseBox.width && n.selected === selected && n.data.stageCount === phaseBox.stageIds.length,
        () => ({
          id,
          type: 'phase',
          position: { x: phaseBox.x, y: 0 },
          width: phaseBox.width,
          height: GRID.phaseHeaderHeight,
          measured: { width: phaseBox.width, height: GRID.phaseHeaderHeight },
          handles: NO_HANDLES,
          data: { phase: phaseBox.phase, stageCount: phaseBox.stageIds.length },
          selected,
          draggable: false,
          zIndex: 1,
        }),
      ),
    )
  }

  for (const col of layout.columns) {
    const id = col.stage.id
    const selected = options.selectedIds.has(id)
    const annotationCount = byTarget.get(id)?.length ?? 0
    const ariaLabel = t('canvas.stageNode', { title: col.stage.title || t('canvas.untitledLower') })
    push(
      reuse<StageNode>(
        cache,
        id,
        (n) => n.ariaLabel === ariaLabel && n.data.stage === col.stage && samePos(n, col.x, GRID.phaseHeaderHeight) && n.selected === selected && n.data.annotationCount === annotationCount && n.draggable === draggable,
        () => ({
          id,
          type: 'stage',
          position: { x: col.x, y: GRID.phaseHeaderHeight },
          width: col.width,
          height: GRID.stageHeaderHeight,
          measured: { width: col.width, height: GRID.stageHeaderHeight },
          handles: NO_HANDLES,
          data: { stage: col.stage, annotationCount },
          selected,
          draggable,
          ariaLabel,
          zIndex: 1,
        }),
      ),
    )
    for (const lane of layout.lanes) {
      const cellId = `cell:${cellKey(col.stage.id, lane.persona.id)}`
      const cellSelected = options.selectedIds.has(cellId)
      push(
        reuse<CellNode>(
          cache,
          cellId,
          (n) => samePos(n, col.x, lane.y) && n.height === lane.height && n.selected === cellSelected && n.data.stageTitle === col.stage.title && n.data.personaName === lane.persona.name,
          () => ({
            id: cellId,
            type: 'cell',
            position: { x: col.x, y: lane.y },
            width: col.width,
            height: lane.height,
            measured: { width: col.width, height: lane.height },
            handles: NO_HANDLES,
            data: { stageId: col.stage.id, personaId: lane.persona.id, stageTitle: col.stage.title, personaName: lane.persona.name },
            selected: cellSelected,
            draggable: false,
            focusable: false,
            zIndex: 0,
          }),
        ),
      )
    }
  }

  // Which blueprint items serve each card: counted only while the blueprint is drawn.
  const servedBy = new Map<string, number>()
  if (layout.blueprintLanes.length) for (const item of Object.values(snapshot.blueprintItems)) for (const id of item.touchpointIds) servedBy.set(id, (servedBy.get(id) ?? 0) + 1)
  pushBlueprint(snapshot, layout, options, cache, push, t)

  const personaColor = new Map(layout.lanes.map((l) => [l.persona.id, l.persona.color]))
  for (const box of layout.cards) {
    const tp = box.touchpoint
    const selected = options.selectedIds.has(tp.id)
    const fresh = summarize(byTarget.get(tp.id), openComments.get(tp.id) ?? 0)
    const prev = cache.summaries.get(tp.id)
    const summary = prev && sameSummary(prev, fresh) ? prev : fresh
    cache.summaries.set(tp.id, summary)
    const color = personaColor.get(tp.personaId) ?? '#888888'
    const round = options.round
    const items = round ? (byTarget.get(tp.id) ?? []).filter((a) => a.kind === round.kind).sort(byOrder) : []
    const freshVotables = items.length ? items.map((a) => ({ id: a.id, text: a.text, votes: a.votes, total: round?.totals ? (round.totals.get(a.id) ?? 0) : null })) : null
    const cachedData = (cache.nodes.get(tp.id) as TouchpointNode | undefined)?.data
    const votables = cachedData && sameVotables(cachedData.votables, freshVotables) ? cachedData.votables : freshVotables
    const ariaLabel = tp.title || t('canvas.untitledTouchpoint')
    const roleDescription = t('canvas.touchpointRole')
    const blueprintCount = servedBy.get(tp.id) ?? 0
    const className = dimmedClass(options, tp.owner)
    push(
      reuse<TouchpointNode>(
        cache,
        tp.id,
        (n) => n.ariaLabel === ariaLabel && n.domAttributes?.['aria-roledescription'] === roleDescription && n.data.touchpoint === tp && n.data.summary === summary && samePos(n, box.x, box.y) && n.selected === selected && n.draggable === draggable && n.data.personaColor === color && n.data.votables === votables && n.data.blueprintCount === blueprintCount && n.className === className,
        () => ({
          id: tp.id,
          type: 'touchpoint',
          position: { x: box.x, y: box.y },
          width: box.width,
          height: box.height,
          measured: { width: box.width, height: box.height },
          handles: CARD_HANDLES,
          data: { touchpoint: tp, summary, personaColor: color, votables, blueprintCount },
          className,
          selected,
          draggable,
          ariaLabel,
          domAttributes: { 'aria-roledescription': roleDescription },
          zIndex: 2,
        }),
      ),
    )
  }

  for (const curve of layout.curves) {
    const id = `curve:${curve.persona.id}`
    const points = curve.points.map((p) => ({ x: p.x, y: p.y - curve.y, emotion: p.emotion }))
    const key = JSON.stringify(points)
    const columns = layout.columns.map((c) => ({ x: c.x, width: c.width }))
    const ariaLabel = t('canvas.curveNode', { name: curve.persona.name })
    push(
      reuse<CurveNode>(
        cache,
        id,
        (n) => n.ariaLabel === ariaLabel && n.data.persona === curve.persona && samePos(n, 0, curve.y) && JSON.stringify(n.data.points) === key && n.width === fullWidth && n.data.columns.length === columns.length && n.data.columns.every((c, i) => c.x === columns[i].x),
        () => ({
          id,
          type: 'curve',
          position: { x: 0, y: curve.y },
          width: fullWidth,
          height: curve.height,
          measured: { width: fullWidth, height: curve.height },
          handles: NO_HANDLES,
          data: { persona: curve.persona, points, columns, height: curve.height },
          draggable: false,
          selectable: false,
          focusable: false,
          ariaLabel,
          zIndex: 0,
        }),
      ),
    )
  }

  for (const id of cache.nodes.keys()) if (!seen.has(id)) cache.nodes.delete(id)
  for (const id of cache.summaries.keys()) if (!Object.hasOwn(snapshot.touchpoints, id)) cache.summaries.delete(id)

  const placed = new Set(layout.cards.map((c) => c.touchpoint.id))
  const edges: Edge[] = []
  for (const link of Object.values(snapshot.links)) {
    if (!placed.has(link.from) || !placed.has(link.to)) continue
    edges.push({
      id: link.id,
      source: link.from,
      target: link.to,
      sourceHandle: 'out',
      targetHandle: 'in',
      // A label drawn between two cards only a column apart would cover them: it shows when the
      // link is selected (and always in its accessible name, the inspector and the PDF).
      label: link.label && options.selectedIds.has(link.id) ? link.label : undefined,
      type: 'smoothstep',
      selected: options.selectedIds.has(link.id),
      ariaLabel: t(link.label ? 'canvas.linkEdgeLabelled' : 'canvas.linkEdge', { from: snapshot.touchpoints[link.from]?.title ?? '', to: snapshot.touchpoints[link.to]?.title ?? '', label: link.label }),
      zIndex: 3,
      style: { strokeWidth: 2, stroke: '#5b6477' },
      markerEnd: { type: 'arrowclosed' as never, color: '#5b6477' },
    })
  }
  return { nodes, edges }
}

/**
 * The service blueprint's nodes: a header and band per lane, a cell per lane and stage column (to
 * select and add to), the items, and the three lines across. Nothing when the viewer hides it.
 */
function pushBlueprint(snapshot: Snapshot, layout: GridLayout, options: FlowOptions, cache: FlowCache, push: (n: JourneyNode) => void, t: Translator): void {
  if (layout.blueprintLanes.length === 0) return
  const fullWidth = layout.width
  const draggable = !options.readOnly
  for (const lane of layout.blueprintLanes) {
    const id = `blueprint-lane:${lane.lane}`
    const ariaLabel = t('blueprint.laneNode', { lane: t(`blueprint.lane.${lane.lane}`) })
    push(
      reuse<BlueprintLaneNode>(
        cache,
        id,
        (n) => n.ariaLabel === ariaLabel && samePos(n, 0, lane.y) && n.height === lane.height && n.data.width === fullWidth && n.data.collapsed === lane.collapsed,
        () => ({
          id,
          type: 'blueprintLane',
          position: { x: 0, y: lane.y },
          width: GRID.laneHeaderWidth,
          height: lane.height,
          measured: { width: GRID.laneHeaderWidth, height: lane.height },
          handles: NO_HANDLES,
          data: { lane: lane.lane, width: fullWidth, collapsed: lane.collapsed },
          draggable: false,
          selectable: false,
          ariaLabel,
          zIndex: 0,
        }),
      ),
    )
    for (const col of layout.columns) {
      const cellId = `blueprint-cell:${col.stage.id}|${lane.lane}`
      const selected = options.selectedIds.has(cellId)
      push(
        reuse<BlueprintCellNode>(
          cache,
          cellId,
          (n) => samePos(n, col.x, lane.y) && n.height === lane.height && n.selected === selected,
          () => ({
            id: cellId,
            type: 'blueprintCell',
            position: { x: col.x, y: lane.y },
            width: col.width,
            height: lane.height,
            measured: { width: col.width, height: lane.height },
            handles: NO_HANDLES,
            data: { stageId: col.stage.id, lane: lane.lane },
            selected,
            draggable: false,
            focusable: false,
            zIndex: 0,
          }),
        ),
      )
    }
  }
  for (const line of layout.blueprintLines) {
    const id = `blueprint-line:${line.kind}`
    push(
      reuse<BlueprintLineNode>(
        cache,
        id,
        (n) => samePos(n, 0, line.y) && n.data.width === fullWidth,
        () => ({
          id,
          type: 'blueprintLine',
          position: { x: 0, y: line.y },
          width: fullWidth,
          height: 1,
          measured: { width: fullWidth, height: 1 },
          handles: NO_HANDLES,
          data: { kind: line.kind, width: fullWidth },
          draggable: false,
          selectable: false,
          focusable: false,
          zIndex: 1,
        }),
      ),
    )
  }
  const roleDescription = t('blueprint.itemRole')
  for (const box of layout.blueprintItems) {
    const { item } = box
    const selected = options.selectedIds.has(item.id)
    const linkCount = item.touchpointIds.filter((id) => Object.hasOwn(snapshot.touchpoints, id)).length
    const ariaLabel = `${t(`blueprint.lane.${item.lane}`)}: ${item.title || t('blueprint.untitled')}`
    const className = dimmedClass(options, item.owner)
    push(
      reuse<BlueprintItemNode>(
        cache,
        item.id,
        (n) => n.ariaLabel === ariaLabel && n.domAttributes?.['aria-roledescription'] === roleDescription && n.data.item === item && n.data.linkCount === linkCount && samePos(n, box.x, box.y) && n.selected === selected && n.draggable === draggable && n.className === className,
        () => ({
          id: item.id,
          className,
          type: 'blueprintItem',
          position: { x: box.x, y: box.y },
          width: box.width,
          height: box.height,
          measured: { width: box.width, height: box.height },
          handles: NO_HANDLES,
          data: { item, linkCount },
          selected,
          draggable,
          ariaLabel,
          domAttributes: { 'aria-roledescription': roleDescription },
          zIndex: 2,
        }),
      ),
    )
  }
}
