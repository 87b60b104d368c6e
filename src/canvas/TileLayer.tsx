/**
 * Far-zoom tiles on one canvas. Below TILE_ZOOM a card's title would be under 11 px on screen
 * even at the tiles' biggest type (lod-2), so no one reads it there; what the room reads at that
 * distance is the map's shape: where the cards are, each one's persona and emotion. Drawing those
 * thousands of tiles as DOM nodes made a 5,000-card map pan at 8–12 fps (issue 21); here they are
 * rectangles on a single <canvas> in screen space, redrawn once per viewport change, and the card
 * nodes leave React Flow until the zoom comes back. Stage, lane and phase headers stay DOM nodes
 * with their own far-zoom type, so the grid still reads, and a click on a tile selects its card.
 */
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react'
import { memo, useEffect, useRef } from 'react'
import type { CardBox, GridLayout, Link } from '../model'
import { useT } from '../i18n/useT'
import { emotionColor } from './nodes/EmotionFace'

/** The lod-2 title type (28 px, canvas.css) is under 11 px on screen below this zoom. */
export const TILE_ZOOM = 11 / 28
export const selectTiles = (s: ReactFlowState): boolean => s.transform[2] < TILE_ZOOM

/** The card under a point of the map, if any: what a click on a tile selects. */
export function tileAt(cards: readonly CardBox[], x: number, y: number): CardBox | null {
  for (const c of cards) if (x >= c.x && x <= c.x + c.width && y >= c.y && y <= c.y + c.height) return c
  return null
}

export const TileLayer = memo(function TileLayer({ layout, links }: { layout: GridLayout; links: Readonly<Record<string, Link>> }) {
  const store = useStoreApi()
  const on = useStore(selectTiles)
  const ref = useRef<HTMLCanvasElement>(null)
  const t = useT()

  useEffect(() => {
    if (!on) return
    const canvas = ref.current
    const context = canvas?.getContext('2d')
    if (!canvas || !context) return
    // Tiles grouped by colour once per layout: a frame then fills one path per colour (a dozen
    // fills) instead of setting a colour thousands of times.
    const personaColor = new Map(layout.lanes.map((l) => [l.persona.id, l.persona.color]))
    const boxes = new Map(layout.cards.map((c) => [c.touchpoint.id, c]))
    const groups = { fill: new Map<string, CardBox[]>(), edge: new Map<string, CardBox[]>(), disc: new Map<string, CardBox[]>() }
    const add = (group: Map<string, CardBox[]>, colour: string, c: CardBox) => {
      const list = group.get(colour)
      if (list) list.push(c)
      else group.set(colour, [c])
    }
    for (const c of layout.cards) {
      const emotion = c.touchpoint.emotion
      add(groups.fill, emotion === null ? '#ffffff' : tint(emotionColor(emotion)), c)
      add(groups.edge, personaColor.get(c.touchpoint.personaId) ?? '#888888', c)
      if (emotion !== null) add(groups.disc, emotionColor(emotion), c)
    }
    let frame = 0
    const draw = () => {
      frame = 0
      const { transform, width, height } = store.getState()
      const [tx, ty, zoom] = transform
      const ratio = window.devicePixelRatio || 1
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio)
        canvas.height = Math.round(height * ratio)
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0)
      context.clearRect(0, 0, width, height)
      context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty)
      // The part of the map on screen, in map coordinates: only those tiles are drawn.
      const left = -tx / zoom
      const top = -ty / zoom
      const right = left + width / zoom
      const bottom = top + height / zoom
      const visible = (c: CardBox) => c.x + c.width >= left && c.x <= right && c.y + c.height >= top && c.y <= bottom
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
      // The tile as the DOM tile looks: white tinted by the emotion, a persona-coloured left
      // edge, and the emotion's disc.
      const fill = (group: Map<string, CardBox[]>, shape: (c: CardBox) => void) => {
        for (const [colour, cards] of group) {
          context.fillStyle = colour
          context.beginPath()
          for (const c of cards) if (visible(c)) shape(c)
          context.fill()
        }
      }
      fill(groups.fill, (c) => context.rect(c.x, c.y, c.width, c.height))
      fill(groups.edge, (c) => context.rect(c.x, c.y, 6, c.height))
      fill(groups.disc, (c) => {
        context.moveTo(c.x + c.width - 8, c.y + 30)
        context.arc(c.x + c.width - 30, c.y + 30, 22, 0, Math.PI * 2)
      })
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw)
    }
    draw()
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) schedule()
    })
    return () => {
      unsubscribe()
      if (frame) cancelAnimationFrame(frame)
    }
  }, [on, layout, links, store])

  if (!on) return null
  return <canvas ref={ref} className="tile-layer" role="img" aria-label={t.plural('canvas.tiles', layout.cards.length)} data-testid="tile-layer" />
})

const tints = new Map<string, string>()
/** The DOM tile's `color-mix(emotion 12%, white)`, computed once per colour. */
function tint(hex: string): string {
  let mixed = tints.get(hex)
  if (!mixed) {
    const channel = (i: number) => Math.round(parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) * 0.12 + 255 * 0.88)
    mixed = `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`
    tints.set(hex, mixed)
  }
  return mixed
}
