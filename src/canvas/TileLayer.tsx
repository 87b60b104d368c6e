/**
 * Far-zoom tiles on one canvas. Below TILE_ZOOM a card's title would be under 11 px on screen
 * even at the tiles' biggest type (lod-2), so no one reads it there; what the room reads at that
 * distance is the map's shape: where the cards are, each one's persona and emotion, and under
 * them the service blueprint's items in their lanes' colours. Drawing those thousands of tiles as
 * DOM nodes made a 5,000-card map pan at 8–12 fps (issue 21); here they are rectangles on a
 * single <canvas>, and the card and blueprint item nodes leave React Flow until the zoom comes
 * back. Stage, lane and phase headers stay DOM nodes with their own far-zoom type, so the grid
 * still reads, and a click on a tile selects its card or item.
 *
 * Panning does not redraw: the canvas is drawn with a margin of half a screen on every side, on
 * its own compositor layer, and a pan only moves it (a CSS transform, no paint, no upload of
 * its pixels). Redrawing 5,000 tiles and uploading a screen-sized bitmap on every frame kept a
 * 5,000-card map under 30 fps on a busy machine. It is drawn again when the zoom changes, the
 * view leaves the drawn margin, the window resizes or the map changes.
 */
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react'
import { memo, useEffect, useRef } from 'react'
import { departmentKey, type BlueprintItemBox, type BlueprintLane, type CardBox, type GridLayout, type Link } from '../model'
import { useT } from '../i18n/useT'
import { emotionColor } from './nodes/EmotionFace'

/** The lod-2 title type (28 px, canvas.css) is under 11 px on screen below this zoom. */
export const TILE_ZOOM = 11 / 28
export const selectTiles = (s: ReactFlowState): boolean => s.transform[2] < TILE_ZOOM

/** How far past each edge of the screen the canvas is drawn, as a share of the screen's size. */
const MARGIN = 0.5
/** The canvas's backing store at most (pixels): on a dense screen the ratio drops before memory grows. */
const MAX_PIXELS = 16_000_000
/** The blueprint lanes' colours (canvas.css `.blueprint-*`). */
const LANE_COLORS: Record<BlueprintLane, string> = { evidence: '#a07c3b', frontstage: '#2f7fa6', backstage: '#6b5ca5', support: '#5b6477' }
/** The department view's opacity for what another department owns (canvas.css `.is-dimmed`). */
const DIMMED_ALPHA = 0.22

type Box = { x: number; y: number; width: number; height: number }

/** The card or blueprint item under a point of the map, if any: what a click on a tile selects. */
export function tileAt(layout: Pick<GridLayout, 'cards' | 'blueprintItems'>, x: number, y: number): CardBox | BlueprintItemBox | null {
  const inside = (c: Box) => x >= c.x && x <= c.x + c.width && y >= c.y && y <= c.y + c.height
  for (const c of layout.cards) if (inside(c)) return c
  for (const b of layout.blueprintItems) if (inside(b)) return b
  return null
}

/** Boxes grouped by colour, so a frame fills one path per colour instead of setting a colour thousands of times. */
type Groups = Map<string, Box[]>
const add = (groups: Groups, colour: string, box: Box) => {
  const list = groups.get(colour)
  if (list) list.push(box)
  else groups.set(colour, [box])
}

/** What the canvas draws, grouped once per layout. */
interface Paint {
  fill: Groups
  edge: Groups
  disc: Groups
  itemBorder: Box[]
  itemFill: Groups
  itemEdge: Groups
}
const emptyPaint = (): Paint => ({ fill: new Map(), edge: new Map(), disc: new Map(), itemBorder: [], itemFill: new Map(), itemEdge: new Map() })

/** `dimmed`: what another department owns while the department view is on, drawn faint as its nodes are. */
function groupTiles(layout: GridLayout, department: string | null): { shown: Paint; dimmed: Paint } {
  const shown = emptyPaint()
  const dimmed = emptyPaint()
  const paintOf = (owner: string) => (department && departmentKey(owner) !== department ? dimmed : shown)
  const personaColor = new Map(layout.lanes.map((l) => [l.persona.id, l.persona.color]))
  for (const c of layout.cards) {
    const paint = paintOf(c.touchpoint.owner)
    const emotion = c.touchpoint.emotion
    // The tile as the DOM tile looks: white tinted by the emotion, a persona-coloured left edge, and the emotion's disc.
    add(paint.fill, emotion === null ? '#ffffff' : tint(emotionColor(emotion), 0.12), c)
    add(paint.edge, personaColor.get(c.touchpoint.personaId) ?? '#888888', c)
    if (emotion !== null) add(paint.disc, emotionColor(emotion), c)
  }
  for (const b of layout.blueprintItems) {
    const paint = paintOf(b.item.owner)
    // An item: bordered, tinted by its lane's colour (white alone would vanish on the pale lane
    // band at this distance) and that colour on its left edge, as its node has.
    paint.itemBorder.push(b)
    add(paint.itemFill, tint(LANE_COLORS[b.item.lane], 0.16), b)
    add(paint.itemEdge, LANE_COLORS[b.item.lane], b)
  }
  return { shown, dimmed }
}

export const TileLayer = memo(function TileLayer({ layout, links, department }: { layout: GridLayout; links: Readonly<Record<string, Link>>; department: string | null }) {
  const store = useStoreApi()
  const on = useStore(selectTiles)
  const ref = useRef<HTMLCanvasElement>(null)
  const t = useT()

  useEffect(() => {
    if (!on) return
    const canvas = ref.current
    const surface = canvas && drawingSurface(canvas)
    if (!canvas || !surface) return
    const { context } = surface
    const { shown, dimmed } = groupTiles(layout, department)
    const boxes = new Map(layout.cards.map((c) => [c.touchpoint.id, c]))
    /** The viewport the canvas was last drawn for. */
    let drawn: { tx: number; ty: number; zoom: number; width: number; height: number } | null = null
    let frame = 0

    const draw = () => {
      frame = 0
      const { transform, width, height } = store.getState()
      const [tx, ty, zoom] = transform
      const mx = Math.round(width * MARGIN)
      const my = Math.round(height * MARGIN)
      const cssWidth = width + 2 * mx
      const cssHeight = height + 2 * my
      const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_PIXELS / Math.max(1, cssWidth * cssHeight)))
      if (surface.resize(Math.round(cssWidth * ratio), Math.round(cssHeight * ratio))) {
        Object.assign(canvas.style, { left: `${-mx}px`, top: `${-my}px`, width: `${cssWidth}px`, height: `${cssHeight}px` })
      }
      canvas.style.transform = ''
      drawn = { tx, ty, zoom, width, height }
      context.setTransform(1, 0, 0, 1, 0, 0)
      context.clearRect(0, 0, context.canvas.width, context.canvas.height)
      context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * (tx + mx), ratio * (ty + my))
      // The part of the map the canvas covers, in map coordinates: only those tiles are drawn.
      const left = -(tx + mx) / zoom
      const top = -(ty + my) / zoom
      const right = left + cssWidth / zoom
      const bottom = top + cssHeight / zoom
      const visible = (c: Box) => c.x + c.width >= left && c.x <= right && c.y + c.height >= top && c.y <= bottom
      context.globalAlpha = 1
      context.strokeStyle = '#8a93a6'
      context.lineWidth = 2 / zoom
      context.beginPath()
      for (const link of Object.values(links)) {
        const from = boxes.get(link.from)
        const to = boxes.get(link.to)
        if (!from || !to || (!visible(from) && !visible(to))) continue
        context.moveTo(from.x + from.width, from.y + from.height / 2)
        context.lineTo(to.x, to.y + to.height / 2)
      }
      context.stroke()
      const fill = (groups: Groups, shape: (c: Box) => void) => {
        for (const [colour, list] of groups) {
          context.fillStyle = colour
          context.beginPath()
          for (const c of list) if (visible(c)) shape(c)
          context.fill()
        }
      }
      // Coloured edges at least two screen pixels wide, so persona and lane still show at the farthest zoom.
      const edge = (width: number) => Math.max(width, 2 / zoom)
      const px = 1 / zoom
      for (const [paint, alpha] of [[shown, 1], [dimmed, DIMMED_ALPHA]] as const) {
        context.globalAlpha = alpha
        fill(paint.fill, (c) => context.rect(c.x, c.y, c.width, c.height))
        fill(paint.edge, (c) => context.rect(c.x, c.y, edge(6), c.height))
        fill(paint.disc, (c) => {
          context.moveTo(c.x + c.width - 8, c.y + 30)
          context.arc(c.x + c.width - 30, c.y + 30, 22, 0, Math.PI * 2)
        })
        fill(new Map([['#cfd5e0', paint.itemBorder]]), (c) => context.rect(c.x - px, c.y - px, c.width + 2 * px, c.height + 2 * px))
        fill(paint.itemFill, (c) => context.rect(c.x, c.y, c.width, c.height))
        fill(paint.itemEdge, (c) => context.rect(c.x, c.y, edge(5), c.height))
      }
      context.globalAlpha = 1
      surface.present()
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw)
    }
    /** A pan within the drawn margin moves the canvas; anything else draws it again. */
    const follow = (s: ReactFlowState) => {
      const [tx, ty, zoom] = s.transform
      if (drawn && zoom === drawn.zoom && s.width === drawn.width && s.height === drawn.height) {
        const dx = tx - drawn.tx
        const dy = ty - drawn.ty
        if (Math.abs(dx) <= s.width * MARGIN && Math.abs(dy) <= s.height * MARGIN) {
          canvas.style.transform = `translate(${dx}px, ${dy}px)`
          return
        }
      }
      schedule()
    }
    draw()
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) follow(s)
    })
    return () => {
      unsubscribe()
      if (frame) cancelAnimationFrame(frame)
    }
  }, [on, layout, links, department, store])

  if (!on) return null
  return <canvas ref={ref} className="tile-layer" role="img" aria-label={t.plural('canvas.tiles', layout.cards.length)} data-testid="tile-layer" />
})

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D
/**
 * Where the tiles are drawn. An off-screen canvas handed to the visible one as a finished bitmap:
 * the compositor then keeps that bitmap while a pan moves it, where a 2D canvas without a GPU
 * was copied out again on every frame (about a millisecond for a canvas this size). Without
 * OffscreenCanvas, straight onto the visible canvas.
 */
function drawingSurface(canvas: HTMLCanvasElement): { context: Context2D; resize(width: number, height: number): boolean; present(): void } | null {
  const resize = (target: { width: number; height: number }) => (width: number, height: number) => {
    if (target.width === width && target.height === height) return false
    target.width = width
    target.height = height
    return true
  }
  const bitmap = typeof OffscreenCanvas === 'undefined' ? null : canvas.getContext('bitmaprenderer')
  if (bitmap) {
    const offscreen = new OffscreenCanvas(1, 1)
    const context = offscreen.getContext('2d')
    if (!context) return null
    return { context, resize: resize(offscreen), present: () => bitmap.transferFromImageBitmap(offscreen.transferToImageBitmap()) }
  }
  const context = canvas.getContext('2d')
  return context && { context, resize: resize(canvas), present: () => {} }
}

const tints = new Map<string, string>()
/** CSS's `color-mix(colour share, white)` (the DOM tile's is 12 %), computed once per colour. */
function tint(hex: string, share: number): string {
  const key = `${hex}|${share}`
  let mixed = tints.get(key)
  if (!mixed) {
    const channel = (i: number) => Math.round(parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) * share + 255 * (1 - share))
    mixed = `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`
    tints.set(key, mixed)
  }
  return mixed
}
