/**
 * A PNG of the whole map, drawn from the grid layout onto a 2D canvas rather than captured from the
 * screen: the canvas only renders what is in view, while this picture always holds every lane and
 * column at the same positions the canvas uses (computeGridLayout), whatever the zoom.
 */
import { ANNOTATION_KINDS, computeGridLayout, GRID, type Annotation, type BlueprintLane, type GridLayout, type Snapshot, type Touchpoint } from '../../model'
import { translate } from '../../i18n/translate'
import { loadPrintLabels } from '../printLabels'
import { emotionColor, KIND_MARK, LINK_COLOR, PHASE_COLORS, tint } from '../printPalette'
import { annotationsByTarget } from '../readingOrder'
import { edgePoint } from '../geometry'
import { placeLabel, type Rect } from './labelPlacement'

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
const PAD = 24
const TITLE_BAND = 52
/** Browsers refuse canvases much beyond this (Chromium: 16,384 px a side, ~268 M pixels). */
const MAX_SIDE = 16_000
const MAX_PIXELS = 120_000_000
/** Room at the right of a curve's header for its scale (+2 … −2) and a gap before it. */
const SCALE_COLUMN = 36

export async function wholeMapPng(snapshot: Snapshot, pixelRatio = 2): Promise<Blob> {
  // As the PDF: the blueprint's lanes when the map has a blueprint.
  const layout = computeGridLayout(snapshot, { blueprint: Object.keys(snapshot.blueprintItems).length > 0 })
  const width = layout.width + PAD * 2
  const height = layout.height + PAD * 2 + TITLE_BAND
  const ratio = Math.min(pixelRatio, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)))
  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(width * ratio)
  canvas.height = Math.ceil(height * ratio)
  const c = canvas.getContext('2d')
  if (!c) throw new Error('the browser could not create a drawing canvas')
  c.scale(ratio, ratio)
  c.fillStyle = '#ffffff'
  c.fillRect(0, 0, width, height)
  c.textBaseline = 'top'

  c.fillStyle = '#1f2430'
  c.font = `700 22px ${FONT}`
  c.fillText(fitLine(c, snapshot.meta.title || '—', width - PAD * 2), PAD, PAD)
  c.translate(PAD, PAD + TITLE_BAND)

  const labels = await loadPrintLabels(snapshot.meta.locale)
  const annotations = annotationsByTarget(snapshot)

  // Phase and stage headers.
  for (const phase of layout.phases) {
    c.fillStyle = PHASE_COLORS[phase.phase]
    c.fillRect(phase.x, 0, phase.width, GRID.phaseHeaderHeight)
    c.fillStyle = '#1f2430'
    c.font = `700 15px ${FONT}`
    c.fillText(fitLine(c, labels.phases[phase.phase], phase.width - 16), phase.x + 10, 12)
  }
  for (const column of layout.columns) {
    const y = GRID.phaseHeaderHeight
    c.fillStyle = tint(PHASE_COLORS[column.stage.phase], 0.45)
    c.fillRect(column.x, y, column.width, GRID.stageHeaderHeight)
    c.strokeStyle = '#c9ced6'
    c.strokeRect(column.x + 0.5, y + 0.5, column.width - 1, GRID.stageHeaderHeight - 1)
    c.fillStyle = '#1f2430'
    c.font = `700 13px ${FONT}`
    wrapLines(c, column.stage.title || '—', column.width - 16, 2).forEach((line, i) => c.fillText(line, column.x + 8, y + 9 + i * 17))
  }

  // Lanes.
  for (const lane of layout.lanes) {
    c.fillStyle = tint(lane.persona.color, 0.1)
    c.fillRect(0, lane.y, layout.width, lane.height)
    c.fillStyle = lane.persona.color
    c.fillRect(0, lane.y, 5, lane.height)
    c.fillStyle = '#1f2430'
    c.font = `700 14px ${FONT}`
    wrapLines(c, lane.persona.name || '—', GRID.laneHeaderWidth - 28, 4).forEach((line, i) => c.fillText(line, 14, lane.y + 14 + i * 18))
    c.strokeStyle = '#d5d9e0'
    c.beginPath()
    c.moveTo(0, lane.y + lane.height + 0.5)
    c.lineTo(layout.width, lane.y + lane.height + 0.5)
    c.stroke()
  }
  drawBlueprint(c, layout, snapshot.meta.locale)
  const lastLane = layout.blueprintLanes[layout.blueprintLanes.length - 1]
  const columnsBottom = lastLane ? lastLane.y + lastLane.height : layout.gridBottom
  c.strokeStyle = '#d5d9e0'
  for (const column of layout.columns) {
    c.beginPath()
    c.moveTo(column.x + 0.5, layout.gridTop)
    c.lineTo(column.x + 0.5, columnsBottom)
    c.stroke()
  }

  // Links under the cards, then the cards.
  const boxes = new Map(layout.cards.map((b) => [b.touchpoint.id as string, b]))
  c.strokeStyle = LINK_COLOR
  c.fillStyle = LINK_COLOR
  c.lineWidth = 1.6
  const labelled: { at: { x: number; y: number }; label: string }[] = []
  for (const link of Object.values(snapshot.links)) {
    const a = boxes.get(link.from)
    const b = boxes.get(link.to)
    if (!a || !b || a === b) continue
    const at = drawArrow(c, a, b)
    if (at && link.label.trim() !== '') labelled.push({ at, label: link.label })
  }
  c.lineWidth = 1
  for (const box of layout.cards) drawCard(c, box, annotations.get(box.touchpoint.id) ?? [], lanesColor(layout, box.touchpoint))
  // Link labels last, over the cards, each where it covers the least of any card and of the labels before it.
  const taken: Rect[] = layout.cards.map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height }))
  for (const { at, label } of labelled) taken.push(drawLinkLabel(c, at, label, layout.width, taken))

  // Emotion curves.
  for (const curve of layout.curves) {
    c.fillStyle = tint(curve.persona.color, 0.08)
    c.fillRect(0, curve.y, layout.width, curve.height)
    c.fillStyle = '#1f2430'
    c.font = `700 13px ${FONT}`
    // The title keeps clear of the scale's column (its "+2" sits at the right of the header).
    wrapLines(c, `${labels.emotionCurve}: ${curve.persona.name}`, GRID.laneHeaderWidth - 12 - SCALE_COLUMN, 2).forEach((line, i) => c.fillText(line, 12, curve.y + 10 + i * 16))
    c.strokeStyle = '#e3e6eb'
    const mid = curve.y + curve.height / 2
    const amplitude = (curve.height - 24) / 4
    c.font = `11px ${FONT}`
    for (let e = -2; e <= 2; e++) {
      c.beginPath()
      c.moveTo(GRID.laneHeaderWidth, mid - e * amplitude)
      c.lineTo(layout.width, mid - e * amplitude)
      c.stroke()
      // The scale, so a reader of the picture knows what height means.
      c.fillStyle = '#5b6270'
      const tick = e > 0 ? `+${e}` : e < 0 ? `\u2212${-e}` : '0'
      c.fillText(tick, GRID.laneHeaderWidth - 8 - c.measureText(tick).width, mid - e * amplitude - 6)
    }
    c.strokeStyle = curve.persona.color
    c.lineWidth = 3
    c.beginPath()
    curve.points.forEach((p, i) => (i === 0 ? c.moveTo(p.x, p.y) : c.lineTo(p.x, p.y)))
    c.stroke()
    c.lineWidth = 1
    for (const p of curve.points) {
      c.fillStyle = emotionColor(p.emotion)
      c.beginPath()
      c.arc(p.x, p.y, 6, 0, Math.PI * 2)
      c.fill()
      c.strokeStyle = '#1f2430'
      c.stroke()
    }
  }

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('the browser could not encode the picture')
  return blob
}

function lanesColor(layout: ReturnType<typeof computeGridLayout>, tp: Touchpoint): string {
  return layout.lanes.find((l) => l.persona.id === tp.personaId)?.persona.color ?? '#8a909c'
}

type Box = { x: number; y: number; width: number; height: number; touchpoint: Touchpoint }

function drawCard(c: CanvasRenderingContext2D, box: Box, annotations: Annotation[], laneColor: string): void {
  const tp = box.touchpoint
  c.fillStyle = '#ffffff'
  c.strokeStyle = '#c9ced6'
  c.beginPath()
  c.roundRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1, 6)
  c.fill()
  c.stroke()
  c.fillStyle = laneColor
  c.fillRect(box.x + 1, box.y + 4, 4, box.height - 8)

  const faceRoom = tp.emotion === null ? 0 : 26
  c.fillStyle = '#1f2430'
  c.font = `700 13px ${FONT}`
  const title = wrapLines(c, tp.title || '—', box.width - 24 - faceRoom, 2)
  title.forEach((line, i) => c.fillText(line, box.x + 12, box.y + 10 + i * 17))
  c.fillStyle = '#5b6270'
  c.font = `11.5px ${FONT}`
  const facts = [tp.channel, tp.owner].filter((s) => s !== '').join(' · ')
  c.fillText(fitLine(c, facts, box.width - 24), box.x + 12, box.y + 12 + title.length * 17)

  if (tp.emotion !== null) drawFace(c, tp.emotion, box.x + box.width - 20, box.y + 20, 10)

  // One chip per annotation kind present: its sign and how many.
  let x = box.x + 12
  const y = box.y + box.height - 26
  for (const kind of ANNOTATION_KINDS) {
    const count = annotations.filter((a) => a.kind === kind).length
    if (count === 0) continue
    c.font = `700 11px ${FONT}`
    const label = `${KIND_MARK[kind].symbol} ${count}`
    const w = c.measureText(label).width + 10
    if (x + w > box.x + box.width - 8) break
    c.fillStyle = KIND_MARK[kind].color
    c.beginPath()
    c.roundRect(x, y, w, 18, 4)
    c.fill()
    c.fillStyle = '#ffffff'
    c.fillText(label, x + 5, y + 3)
    x += w + 4
  }
}

function drawFace(c: CanvasRenderingContext2D, emotion: number, cx: number, cy: number, r: number): void {
  c.fillStyle = emotionColor(emotion)
  c.strokeStyle = '#1f2430'
  c.lineWidth = 1.2
  c.beginPath()
  c.arc(cx, cy, r, 0, Math.PI * 2)
  c.fill()
  c.stroke()
  c.fillStyle = '#1f2430'
  for (const side of [-1, 1]) {
    c.beginPath()
    c.arc(cx + side * r * 0.35, cy - r * 0.25, r * 0.12, 0, Math.PI * 2)
    c.fill()
  }
  const half = r * 0.45
  const bend = (emotion / 2) * r * 0.35
  const y = cy + r * 0.38 - bend / 2
  c.beginPath()
  c.moveTo(cx - half, y)
  c.bezierCurveTo(cx - half * 0.4, y + bend, cx + half * 0.4, y + bend, cx + half, y)
  c.stroke()
  c.lineWidth = 1
}

/** The arrow from card `a` to card `b`; returns the middle of its line (where its label goes), or null if none was drawn. */
function drawArrow(c: CanvasRenderingContext2D, a: Box, b: Box): { x: number; y: number } | null {
  const from = { x: a.x + a.width / 2, y: a.y + a.height / 2 }
  const to = { x: b.x + b.width / 2, y: b.y + b.height / 2 }
  const start = edgePoint(a, to)
  const end = edgePoint(b, from)
  const length = Math.hypot(end.x - start.x, end.y - start.y)
  if (length < 6) return null
  const ux = (end.x - start.x) / length
  const uy = (end.y - start.y) / length
  const head = 10
  c.beginPath()
  c.moveTo(start.x, start.y)
  c.lineTo(end.x - ux * head * 0.8, end.y - uy * head * 0.8)
  c.stroke()
  c.beginPath()
  c.moveTo(end.x, end.y)
  c.lineTo(end.x - ux * head - uy * head * 0.5, end.y - uy * head + ux * head * 0.5)
  c.lineTo(end.x - ux * head + uy * head * 0.5, end.y - uy * head - ux * head * 0.5)
  c.closePath()
  c.fill()
  return { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
}

/** A link's whole label (up to three lines) on a white patch, kept inside the picture; returns where it went. */
function drawLinkLabel(c: CanvasRenderingContext2D, at: { x: number; y: number }, label: string, mapWidth: number, taken: readonly Rect[]): Rect {
  c.font = `11px ${FONT}`
  const lines = wrapLines(c, label, 200, 3)
  const w = Math.max(...lines.map((l) => c.measureText(l).width)) + 10
  const h = lines.length * 14 + 4
  const place = placeLabel(at, w, h, taken, mapWidth)
  c.fillStyle = '#ffffff'
  c.strokeStyle = LINK_COLOR
  c.beginPath()
  c.roundRect(place.x, place.y, w, h, 4)
  c.fill()
  c.stroke()
  c.fillStyle = '#1f2430'
  lines.forEach((line, i) => c.fillText(line, place.x + 5, place.y + 3 + i * 14))
  return place
}

/** Up to `max` lines of word-wrapped text, the last ending in "…" when text was cut. */
function wrapLines(c: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (c.measureText(candidate).width <= width || line === '') line = candidate
    else {
      lines.push(line)
      line = word
    }
  }
  lines.push(line)
  if (lines.length <= max) return lines.map((l) => fitLine(c, l, width))
  const kept = lines.slice(0, max)
  kept[max - 1] = fitLine(c, `${kept[max - 1]} ${lines[max]}`, width, true)
  return kept.map((l, i) => (i < max - 1 ? fitLine(c, l, width) : l))
}

/** One line that fits `width`, cut with "…" (always when `cut` says text follows). */
function fitLine(c: CanvasRenderingContext2D, text: string, width: number, cut = false): string {
  if (!cut && c.measureText(text).width <= width) return text
  const chars = [...text]
  while (chars.length > 0 && c.measureText(chars.join('') + '…').width > width) chars.pop()
  return chars.join('') + '…'
}

/** The blueprint lanes' colours, as on the canvas (canvas.css) and in the PDF. */
const BLUEPRINT_COLORS: Record<BlueprintLane, string> = { evidence: '#a07c3b', frontstage: '#2f7fa6', backstage: '#6b5ca5', support: '#5b6477' }

/** The service blueprint: lane bands and names, the items as small cards, the three lines labelled. */
function drawBlueprint(c: CanvasRenderingContext2D, layout: GridLayout, locale: string): void {
  for (const lane of layout.blueprintLanes) {
    const color = BLUEPRINT_COLORS[lane.lane]
    c.fillStyle = tint(color, 0.06)
    c.fillRect(0, lane.y, layout.width, lane.height)
    c.fillStyle = color
    c.fillRect(0, lane.y, 5, lane.height)
    c.fillStyle = '#1f2430'
    c.font = `700 14px ${FONT}`
    wrapLines(c, translate(locale, `blueprint.lane.${lane.lane}`), GRID.laneHeaderWidth - 28, 2).forEach((line, i) => c.fillText(line, 14, lane.y + 12 + i * 18))
    c.strokeStyle = '#d5d9e0'
    c.beginPath()
    c.moveTo(0, lane.y + lane.height + 0.5)
    c.lineTo(layout.width, lane.y + lane.height + 0.5)
    c.stroke()
  }
  for (const box of layout.blueprintItems) {
    c.fillStyle = '#ffffff'
    c.strokeStyle = '#cfd5e0'
    c.fillRect(box.x, box.y, box.width, box.height)
    c.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1)
    c.fillStyle = BLUEPRINT_COLORS[box.item.lane]
    c.fillRect(box.x, box.y, 4, box.height)
    c.fillStyle = '#1f2430'
    c.font = `600 13px ${FONT}`
    wrapLines(c, box.item.title || '—', box.width - 20, 2).forEach((line, i) => c.fillText(line, box.x + 10, box.y + 8 + i * 17))
    if (box.item.owner) {
      c.fillStyle = '#4b5366'
      c.font = `11px ${FONT}`
      c.fillText(fitLine(c, box.item.owner, box.width - 20), box.x + 10, box.y + box.height - 17)
    }
  }
  for (const line of layout.blueprintLines) {
    c.strokeStyle = '#2d3648'
    c.lineWidth = line.kind === 'visibility' ? 2 : 1.5
    c.setLineDash(line.kind === 'visibility' ? [] : [6, 4])
    c.beginPath()
    c.moveTo(0, line.y)
    c.lineTo(layout.width, line.y)
    c.stroke()
    c.setLineDash([])
    c.lineWidth = 1
    const label = translate(locale, `blueprint.line.${line.kind}`)
    c.font = `600 11px ${FONT}`
    const w = c.measureText(label).width
    c.fillStyle = 'rgba(255, 255, 255, 0.9)'
    c.fillRect(layout.width - w - 14, line.y + 2, w + 8, 15)
    c.fillStyle = '#3b4354'
    c.fillText(label, layout.width - w - 10, line.y + 4)
  }
}
