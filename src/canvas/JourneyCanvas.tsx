/**
 * The journey grid on a React Flow canvas. Everything drawn is derived: snapshot → layout →
 * nodes. React Flow owns only the viewport and the live position of a card while it is dragged;
 * a drop becomes one command (one document write), after which the card snaps into its cell.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type Node,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { linkTouchpoints, moveBlueprintItem, moveStage, movePersona, moveTouchpoint } from '../commands'
import { blueprintCellAt, computeGridLayout, GRID, isId } from '../model'
import { selectedRecordId, selectionKey, selectReadOnly, selectSnapshot, useJourneyStore, type JourneyState, type Selection } from '../store'
import { useMapSession } from '../session/MapSessionContext'
import { personaDropIndex, stageDropTarget, touchpointDropTarget } from './dropTargets'
import { nodeTypes } from './nodes'
import { CanvasLegend } from './CanvasLegend'
import { PinnedHeaders } from './PinnedHeaders'
import { selectTiles, tileAt, TileLayer } from './TileLayer'
import { PresenceLayer } from './PresenceLayer'
import { createFlowCache, toFlow, type JourneyNode } from './toFlow'
import { UnplacedTray } from './UnplacedTray'
import { useCanvasKeyboard } from './useCanvasKeyboard'
import { useFollow } from './useFollow'
import { useRevealSelection } from './useRevealSelection'
import { useVotingRoundOnCards } from './votingOnCards'
import { useLongPressMove } from './useLongPressMove'
import { useT } from '../i18n/useT'
import './canvas.css'

const selectSelectedIds = (s: JourneyState): string => selectionKey(s.selection)
const selectShowBlueprint = (s: JourneyState): boolean => s.showBlueprint
const selectDepartment = (s: JourneyState): string | null => s.department

/** A node's selection, from its data, which holds the typed record (React Flow's `id` is a plain string). */
function selectionFor(node: JourneyNode): Selection {
  switch (node.type) {
    case 'touchpoint':
      return { kind: 'touchpoint', id: node.data.touchpoint.id }
    case 'stage':
      return { kind: 'stage', id: node.data.stage.id }
    case 'lane':
      return { kind: 'persona', id: node.data.persona.id }
    case 'phase':
      return { kind: 'phase', id: `phase:${node.data.phase}` }
    case 'cell':
      return { kind: 'cell', stageId: node.data.stageId, personaId: node.data.personaId }
    case 'blueprintItem':
      return { kind: 'blueprintItem', id: node.data.item.id }
    case 'blueprintCell':
      return { kind: 'blueprintCell', stageId: node.data.stageId, lane: node.data.lane }
    default:
      return null
  }
}

const CURSOR_INTERVAL_MS = 33 // ~30 Hz
/** Above this many cards a map opens on its first stages rather than fitted whole. */
const LARGE_MAP_CARDS = 200
/** The opening zoom when a map does not fit whole: a working zoom, cards in full detail. */
const OPENING_ZOOM = 0.9

export const JourneyCanvas = memo(function JourneyCanvas() {
  const session = useMapSession()
  const { doc } = session
  const snapshot = useJourneyStore(selectSnapshot)
  const readOnly = useJourneyStore(selectReadOnly)
  const selectedId = useJourneyStore(selectSelectedIds)
  const select = useJourneyStore((s) => s.select)
  const startEditingTitle = useJourneyStore((s) => s.startEditingTitle)
  const [dragging, setDragging] = useState<{ id: string; x: number; y: number } | null>(null)
  const longPress = useLongPressMove(readOnly)
  const cache = useRef(createFlowCache())
  const flow = useReactFlow()
  const store = useStoreApi()
  const t = useT()
  // React Flow's own controls and descriptions, in the participant's language.
  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.fitView'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.handle'),
      'node.a11yDescription.default': t('canvas.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('canvas.nodeDescription'),
      'edge.a11yDescription.default': t('canvas.edgeDescription'),
    }),
    [t],
  )

  const showBlueprint = useJourneyStore(selectShowBlueprint)
  const layout = useMemo(() => computeGridLayout(snapshot, { blueprint: showBlueprint }), [snapshot, showBlueprint])
  const round = useVotingRoundOnCards(snapshot)
  const department = useJourneyStore(selectDepartment)
  const { nodes: baseNodes, edges } = useMemo(
    () => toFlow(snapshot, layout, { selectedIds: new Set(selectedId ? [selectedId] : []), readOnly, movable: longPress.movable, t, round, department }, cache.current),
    [snapshot, layout, selectedId, readOnly, longPress.movable, t, round, department],
  )
  // At tile zoom the cards and blueprint items are drawn by TileLayer, not as nodes: the DOM keeps only the headers.
  const tiles = useStore(selectTiles)
  // While a card is dragged, only its position differs from the layout.
  const nodes = useMemo(() => {
    if (tiles) return baseNodes.filter((n) => n.type !== 'touchpoint' && n.type !== 'blueprintItem')
    return dragging ? baseNodes.map((n) => (n.id === dragging.id ? ({ ...n, position: { x: dragging.x, y: dragging.y }, dragging: true } as JourneyNode) : n)) : baseNodes
  }, [baseNodes, dragging, tiles])

  const onNodesChange = useCallback((changes: NodeChange<JourneyNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.position && change.dragging) {
        const node = change.id
        const position = change.position
        setDragging((d) => {
          // Stage headers move along their row, persona lanes along their column.
          const base = cache.current.nodes.get(node)
          if (!base) return d
          const x = base.type === 'lane' ? base.position.x : position.x
          const y = base.type === 'stage' ? base.position.y : position.y
          return { id: node, x, y }
        })
      }
    }
  }, [])

  const lastDragSent = useRef(0)
  const onNodeDrag: OnNodeDrag<JourneyNode> = useCallback(
    (_e, node) => {
      if (node.type !== 'touchpoint' && node.type !== 'blueprintItem') return
      const now = performance.now()
      if (now - lastDragSent.current < CURSOR_INTERVAL_MS) return
      lastDragSent.current = now
      session.setPresence('drag', { id: node.id, x: node.position.x, y: node.position.y })
    },
    [session],
  )

  const onNodeDragStop: OnNodeDrag<JourneyNode> = useCallback(
    (_e, node) => {
      setDragging(null)
      longPress.done()
      session.setPresence('drag', null)
      if (readOnly) return
      const w = node.width ?? GRID.cardWidth
      const h = node.height ?? GRID.cardHeight
      const center = { x: node.position.x + w / 2, y: node.position.y + h / 2 }
      try {
        if (node.type === 'touchpoint') {
          const target = touchpointDropTarget(layout, center)
          if (target) moveTouchpoint(doc, node.data.touchpoint.id, target)
        } else if (node.type === 'blueprintItem') {
          const target = blueprintCellAt(layout, center.x, center.y)
          if (target) moveBlueprintItem(doc, node.data.item.id, target)
        } else if (node.type === 'stage') {
          const target = stageDropTarget(layout, node.id, center.x)
          if (target) moveStage(doc, node.data.stage.id, target)
        } else if (node.type === 'lane') {
          movePersona(doc, node.data.persona.id, personaDropIndex(layout, node.id, center.y))
        }
      } catch (e) {
        // The record was deleted by a colleague mid-drag: nothing was moved. Reported (not thrown)
        // so React Flow finishes its drag, and shown by CommandNotice like any command's error.
        reportError(e)
      }
    },
    [doc, layout, readOnly, session, longPress],
  )

  const onNodeDoubleClick = useCallback(
    (_e: unknown, node: JourneyNode) => {
      if (node.type === 'touchpoint' && !readOnly) {
        select({ kind: 'touchpoint', id: node.data.touchpoint.id })
        startEditingTitle(node.data.touchpoint.id)
      } else if (node.type === 'blueprintItem' && !readOnly) {
        select({ kind: 'blueprintItem', id: node.data.item.id })
        startEditingTitle(node.data.item.id)
      }
    },
    [readOnly, select, startEditingTitle],
  )
  // At tile zoom a click on a tile selects its card, as a click on the card does; the click lands
  // on the pane or on the lane beneath, since the tiles are paint, not nodes.
  // Read through a ref: click handlers that changed with every document change would make React
  // Flow re-render every card on screen each time (it passes them to each node).
  const tileState = useRef({ tiles, layout })
  useEffect(() => {
    tileState.current = { tiles, layout }
  }, [tiles, layout])
  const tileUnder = useCallback(
    (e: React.MouseEvent): Selection => {
      if (!tileState.current.tiles) return null
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
      const tile = tileAt(tileState.current.layout, at.x, at.y)
      if (!tile) return null
      return 'touchpoint' in tile ? { kind: 'touchpoint', id: tile.touchpoint.id } : { kind: 'blueprintItem', id: tile.item.id }
    },
    [flow],
  )
  const onNodeClick = useCallback((e: React.MouseEvent, node: JourneyNode) => select(tileUnder(e) ?? selectionFor(node)), [select, tileUnder])
  const onPaneClick = useCallback((e: React.MouseEvent) => select(tileUnder(e)), [select, tileUnder])
  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !c.source || !c.target || c.source === c.target) return
      if (isId('touchpoint', c.source) && isId('touchpoint', c.target)) linkTouchpoints(doc, c.source, c.target)
    },
    [doc, readOnly],
  )
  const onEdgeClick = useCallback((_e: unknown, edge: { id: string }) => isId('link', edge.id) && select({ kind: 'link', id: edge.id }), [select])

  // Live cursor, shared at ~30 Hz.
  const lastCursor = useRef(0)
  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      const now = performance.now()
      if (now - lastCursor.current < CURSOR_INTERVAL_MS) return
      lastCursor.current = now
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
      session.setPresence('cursor', { x: Math.round(p.x), y: Math.round(p.y) })
    },
    [flow, session],
  )
  const onPointerLeave = useCallback(() => session.setPresence('cursor', null), [session])

  // Share the local selection so peers can outline it.
  const selection = useJourneyStore(useShallow((s) => s.selection))
  useEffect(() => {
    const id = selection?.kind === 'link' ? selection.id : selectedRecordId(selection)
    session.setPresence('selection', id ? [id] : [])
  }, [selection, session])

  // Drop an unplaced card (dragged from the tray) into a cell.
  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes('application/x-touchpoint')) {
      e.preventDefault()
      e.dataTransfer.dropEffect = 'move'
    }
  }, [])
  const onDrop = useCallback(
    (e: DragEvent) => {
      const id = e.dataTransfer.getData('application/x-touchpoint')
      if (!isId('touchpoint', id) || readOnly) return
      e.preventDefault()
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })
      const target = touchpointDropTarget(layout, p)
      if (target) moveTouchpoint(doc, id, target)
    },
    [doc, flow, layout, readOnly],
  )

  useCanvasKeyboard(layout)
  useRevealSelection(layout)
  const follow = useFollow()

  // The document arrives after the first render (IndexedDB, then the relay): fit it once it has a grid.
  const fitted = useRef(false)
  const hasGrid = layout.columns.length > 0 || layout.lanes.length > 0
  const arriving = useJourneyStore((s) => s.mapArriving)
  useEffect(() => {
    if (!hasGrid || fitted.current) return
    fitted.current = true
    requestAnimationFrame(() => {
      // A map opens at a zoom where its cards read in full (titles at ≥ 11 px on screen): fitted
      // whole when it fits at that zoom, else on the start of the journey, where a workshop
      // begins. A large map fitted whole is also a render of every card. Fit View shows it all,
      // with cards at their far-zoom level of detail and the headers pinned.
      const { width, height } = store.getState()
      const fitZoom = Math.min(width / (layout.width * 1.16), height / (layout.height * 1.16))
      const atStart = layout.cards.length > LARGE_MAP_CARDS || fitZoom < OPENING_ZOOM
      if (atStart) void flow.setViewport({ x: 16, y: 16, zoom: OPENING_ZOOM })
      // While a large map's rest is arriving only its start is known, and the rest can only make
      // it larger: fitted whole once it is all here.
      else if (useJourneyStore.getState().mapArriving) fitted.current = false
      else void flow.fitView({ padding: 0.08, maxZoom: 1 })
    })
  }, [hasGrid, arriving, flow, store, layout.cards.length, layout.width, layout.height])

  // What the first look at a map does not need waits until its cards are painted: the minimap
  // (a shape per card), the frozen headers (a copy of every header) and the unplaced tray (a
  // pass over every record). On a 5,000-card map they would share the first card's render.
  const first = useRef(snapshot)
  const opened = useOpenedAfterFirstPaint(hasGrid || layout.cards.length > 0 || Object.keys(snapshot.touchpoints).length > 0 || snapshot !== first.current)

  // Tabbing onto a card selects it, as a click does.
  const onFocus = useCallback(
    (e: React.FocusEvent) => {
      const id = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id
      if (e.target !== (e.target as HTMLElement).closest('.react-flow__node')) return
      const selection = useJourneyStore.getState().selection
      if (isId('touchpoint', id) && (selection?.kind !== 'touchpoint' || selection.id !== id)) select({ kind: 'touchpoint', id })
      else if (isId('blueprint-item', id) && (selection?.kind !== 'blueprintItem' || selection.id !== id)) select({ kind: 'blueprintItem', id })
    },
    [select],
  )

  return (
    <div className="canvas-wrap" onFocus={onFocus} onPointerMove={onPointerMove} onPointerLeave={onPointerLeave} onDragOver={onDragOver} onDrop={onDrop} {...longPress.handlers}>
      <ReactFlow<JourneyNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onPaneClick={onPaneClick}
        onConnect={onConnect}
        onEdgeClick={onEdgeClick}
        onMove={follow.onMove}
        onMoveEnd={follow.onMoveEnd}
        onMoveStart={follow.onMoveStart}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        disableKeyboardA11y
        zoomOnDoubleClick={false}
        elevateNodesOnSelect={false}
        onlyRenderVisibleElements
        minZoom={0.1}
        maxZoom={2}
        fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
        attributionPosition="top-right"
        aria-label={t('canvas.label')}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#d4d9e3" />
        {/* Above the minimap, clear of the frozen left rail where the lanes' and curves' names stay. */}
        <Controls showInteractive={false} position="bottom-right" style={{ marginBottom: 125 }} />
        {opened && <MiniMap pannable zoomable position="bottom-right" ariaLabel={t('canvas.minimap')} nodeColor={miniMapColor} nodeStrokeWidth={0} style={{ width: 160, height: 100 }} />}
        <TileLayer layout={layout} links={snapshot.links} department={department} />
        {opened && <PinnedHeaders layout={layout} />}
        <CanvasLegend />
        <PresenceLayer />
      </ReactFlow>
      {opened && <UnplacedTray />}
      {longPress.armed && (
        <p className="move-hint" role="status">
          {t('canvas.moveArmed')}
        </p>
      )}
    </div>
  )
})

function miniMapColor(node: Node): string {
  switch (node.type) {
    case 'touchpoint':
      return '#4f7cff'
    case 'blueprintItem':
      return '#8a94a6'
    case 'phase':
    case 'stage':
      return '#2d3648'
    case 'curve':
      return '#e7eaf0'
    default:
      return 'transparent'
  }
}

/** True from the frame after the document first arrived (from this browser or the relay), and from then on. */
function useOpenedAfterFirstPaint(arrived: boolean): boolean {
  const [opened, setOpened] = useState(false)
  useEffect(() => {
    if (!arrived || opened) return
    // Two frames: the first paints the cards, the second runs once they are on screen.
    let second = 0
    const first = requestAnimationFrame(() => (second = requestAnimationFrame(() => setOpened(true))))
    return () => {
      cancelAnimationFrame(first)
      cancelAnimationFrame(second)
    }
  }, [arrived, opened])
  return opened
}
