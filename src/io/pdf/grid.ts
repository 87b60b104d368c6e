/**
 * The journey grid pages: phase and stage headers over the stage columns, one swimlane per persona
 * with its touchpoint cards (grown to fit their text), links as arrows between cards, and the
 * emotion curve of each persona under the lanes. A map with a service blueprint prints its four
 * lanes under the personas, with the lines of interaction, visibility and internal interaction
 * drawn across and labelled, and its items wrapped like cards.
 *
 * Column order and lane order come from the canvas layout (computeGridLayout), so the PDF reads
 * like the screen. Heights are print's own: a card on paper must show all its annotations. A wide
 * map is either split into slices of columns, each slice with the headers and lane labels repeated
 * (`fit: 'split'`), or scaled down so all columns fit the page width (`fit: 'scale'`); in both
 * modes lanes that do not fit continue on the next page under repeated headers.
 */
import { BLUEPRINT_LINES, computeGridLayout, emotionCurve, type BlueprintLane, type Snapshot, type Stage } from '../../model'
import { translate } from '../../i18n/translate'
import { annotationsByTarget } from '../readingOrder'
import { buildPrintCard, buildPrintItem, type CardMetrics, type PrintCard } from './cardContent'
import { planGridPages, type PlannedPage } from './gridPlan'
import { drawEmotionFace, drawKindMark } from './marks'
import { INK, type PrintContext, type TextStyle } from './printContext'
import { emotionColor, LINK_COLOR, PHASE_COLORS, tint } from '../printPalette'
import { formatEmotion } from '../printLabels'
import { edgePoint } from '../geometry'

export type GridFit = 'split' | 'scale'

/** The blueprint lanes' colours, as on the canvas (canvas.css). */
const BLUEPRINT_PRINT_COLORS: Record<BlueprintLane, string> = { evidence: '#a07c3b', frontstage: '#2f7fa6', backstage: '#6b5ca5', support: '#5b6477' }

/** A row of the printed grid: a persona's lane, or a blueprint lane (which has no emotion curve). */
interface PrintRow {
  /** The second half of its cells' keys: the persona id or the blueprint lane. */
  key: string
  color: string
  name: string
  lane: BlueprintLane | null
}

/** Sizes at 100 %, in points. Scale-to-fit multiplies all of them by one factor. */
const BASE = {
  laneLabel: 96,
  minColumn: 140,
  maxColumn: 230,
  phaseHeader: 16,
  cellPadding: 5,
  cardGap: 5,
  cardPadding: 4.5,
  accent: 2.2,
  faceRadius: 5,
  curveTitle: 16,
  curveRow: 54,
  curveGap: 10,
  phaseText: 9,
  stageText: 8.5,
  laneText: 8.5,
  title: 8,
  text: 7,
  small: 6.5,
} as const

type Metrics = { [K in keyof typeof BASE]: number } & {
  scale: number
  /** Width of one stage column on the page. */
  column: number
  columnsPerPage: number
}

interface Slice {
  /** Indices into the sorted stage columns. */
  columns: number[]
  stageHeader: number
  stageLines: string[][]
}

export interface GridProgress {
  (fraction: number): Promise<void>
}

export async function drawGrid(ctx: PrintContext, snapshot: Snapshot, fit: GridFit, progress: GridProgress): Promise<void> {
  const layout = computeGridLayout(snapshot, { blueprint: Object.keys(snapshot.blueprintItems).length > 0 })
  const stages = layout.columns.map((c) => c.stage)
  const personas = layout.lanes.map((l) => l.persona)
  if (stages.length === 0) return
  const rows: PrintRow[] = [
    ...personas.map((p) => ({ key: p.id as string, color: p.color, name: p.name || '—', lane: null })),
    ...layout.blueprintLanes.map((l) => ({ key: l.lane as string, color: BLUEPRINT_PRINT_COLORS[l.lane], name: translate(snapshot.meta.locale, `blueprint.lane.${l.lane}`), lane: l.lane })),
  ]

  const areaWidth = ctx.content.right - ctx.content.left
  const m = metricsFor(areaWidth, stages.length, fit)
  const perSlice = m.columnsPerPage
  const cardMetrics: CardMetrics = {
    width: m.column - 2 * m.cellPadding,
    padding: m.cardPadding,
    accent: m.accent,
    faceRadius: m.faceRadius,
    title: { size: m.title, bold: true, color: INK.text },
    text: { size: m.text, color: INK.text },
    small: { size: m.small, color: INK.muted },
  }

  // Build every placed card's printed lines once (the card width is the same on every page).
  const annotationsOn = annotationsByTarget(snapshot)
  const cells = new Map<string, PrintCard[]>()
  for (const box of layout.cards) {
    const tp = box.touchpoint
    const key = `${tp.stageId}|${tp.personaId}`
    const card = buildPrintCard(ctx, snapshot, tp, annotationsOn.get(tp.id) ?? [], cardMetrics)
    const list = cells.get(key)
    if (list) list.push(card)
    else cells.set(key, [card])
  }
  for (const box of layout.blueprintItems) {
    const key = `${box.item.stageId}|${box.item.lane}`
    const card = buildPrintItem(ctx, snapshot, box.item, cardMetrics)
    const list = cells.get(key)
    if (list) list.push(card)
    else cells.set(key, [card])
  }
  await progress(0.4)

  const laneStyle: TextStyle = { size: m.laneText, bold: true, color: INK.text }
  const laneLines = rows.map((r) => ctx.wrap(r.name, m.laneLabel - 10 * m.scale, laneStyle))
  const continuedStyle: TextStyle = { size: m.small, color: INK.muted }
  const gridBottom = ctx.content.bottom

  const slices: Slice[] = []
  for (let i = 0; i < stages.length; i += perSlice) {
    const columns = stages.slice(i, i + perSlice).map((_, j) => i + j)
    const stageStyle: TextStyle = { size: m.stageText, bold: true, color: INK.text }
    const maxLines = Math.max(1, Math.floor(((gridBottom - ctx.content.top) * 0.25) / ctx.lineHeight(stageStyle)))
    const stageLines = columns.map((c) => clampLines(ctx, ctx.wrap(stages[c].title || '—', m.column - 8 * m.scale, stageStyle), maxLines, m.column - 8 * m.scale, stageStyle))
    const stageHeader = Math.max(...stageLines.map((l) => l.length)) * ctx.lineHeight(stageStyle) + 8 * m.scale
    slices.push({ columns, stageHeader, stageLines })
  }

  const plans = slices.map((slice) => {
    const gridTop = ctx.content.top + m.phaseHeader + slice.stageHeader
    return planGridPages({
      lanes: rows.map((row, lane) => ({
        cells: slice.columns.map((c) => (cells.get(`${stages[c].id}|${row.key}`) ?? []).map((card) => ({ lineHeights: card.lines.map((l) => l.height) }))),
        labelHeight: laneLines[lane].length * ctx.lineHeight(laneStyle) + ctx.lineHeight(continuedStyle),
      })),
      spacing: { padding: m.cardPadding, gap: m.cardGap, continuedHeader: ctx.lineHeight(continuedStyle) },
      cellPadding: m.cellPadding,
      gridTop,
      gridBottom,
      curves: { titleHeight: m.curveTitle, rowHeight: m.curveRow, gap: m.curveGap, lanes: personas.length },
    })
  })

  const totalPages = plans.reduce((n, p) => n + p.length, 0)
  let drawn = 0
  const stageIds = stages.map((s) => s.id)
  const curves = personas.map((p) => emotionCurve(snapshot, p.id, stageIds))
  for (const [s, slice] of slices.entries()) {
    for (const page of plans[s]) {
      const phasesHere = [...new Set(slice.columns.map((c) => stages[c].phase))].map((p) => ctx.labels.phases[p])
      ctx.newPage(phasesHere.join(' · '))
      const draw = new GridPageDrawer(ctx, m, slice, stages, rows, laneLines, cells)
      draw.headers()
      draw.bands(page, snapshot)
      if (page.curves) draw.curves(page.curves, curves)
      drawn++
      await progress(0.4 + (0.6 * drawn) / totalPages)
    }
  }
}

function metricsFor(areaWidth: number, columnCount: number, fit: GridFit): Metrics {
  const natural = BASE.laneLabel + columnCount * BASE.minColumn
  const scale = fit === 'scale' ? Math.min(1, areaWidth / natural) : 1
  const scaled = Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, v * scale])) as { [K in keyof typeof BASE]: number }
  const columnsPerPage = fit === 'scale' ? columnCount : Math.max(1, Math.min(columnCount, Math.floor((areaWidth - BASE.laneLabel) / BASE.minColumn)))
  const column = Math.min(scaled.maxColumn, (areaWidth - scaled.laneLabel) / columnsPerPage)
  return { ...scaled, scale, column, columnsPerPage }
}

/** At most `max` lines; the last one ends in an ellipsis when text was cut. */
function clampLines(ctx: PrintContext, lines: string[], max: number, width: number, style: TextStyle): string[] {
  if (lines.length <= max) return lines
  const kept = lines.slice(0, max)
  let last = kept[max - 1]
  while (last.length > 1 && ctx.measure(last + '…', style) > width) last = last.slice(0, -1)
  kept[max - 1] = last + '…'
  return kept
}

interface Rect {
  x: number
  y: number
  w: number
  h: number
}

class GridPageDrawer {
  private readonly left: number

  constructor(
    private readonly ctx: PrintContext,
    private readonly m: Metrics,
    private readonly slice: Slice,
    private readonly stages: Stage[],
    private readonly rows: PrintRow[],
    private readonly laneLines: string[][],
    private readonly cells: Map<string, PrintCard[]>,
  ) {
    this.left = ctx.content.left
  }

  private columnX(position: number): number {
    return this.left + this.m.laneLabel + position * this.m.column
  }

  private get right(): number {
    return this.columnX(this.slice.columns.length)
  }

  headers(): void {
    const { ctx, m, slice } = this
    const doc = ctx.doc
    const top = ctx.content.top
    // Phase row: one band per run of columns in the same phase.
    let start = 0
    slice.columns.forEach((c, i) => {
      const phase = this.stages[c].phase
      const next = slice.columns[i + 1]
      if (next !== undefined && this.stages[next].phase === phase) return
      const x = this.columnX(start)
      const w = this.columnX(i + 1) - x
      doc.setFillColor(PHASE_COLORS[phase])
      doc.rect(x, top, w, m.phaseHeader, 'F')
      const style = { size: m.phaseText, bold: true, color: INK.text }
      ctx.line(ctx.singleLine(ctx.labels.phases[phase], w - 8 * m.scale, style), x + 4 * m.scale, top + (m.phaseHeader - ctx.lineHeight(style)) / 2 + 1 * m.scale, style)
      start = i + 1
    })
    // Stage row.
    const stageTop = top + m.phaseHeader
    const stageStyle = { size: m.stageText, bold: true, color: INK.text }
    doc.setDrawColor(INK.rule)
    doc.setLineWidth(0.5 * m.scale)
    slice.columns.forEach((c, i) => {
      const x = this.columnX(i)
      doc.setFillColor(tint(PHASE_COLORS[this.stages[c].phase], 0.45))
      doc.rect(x, stageTop, m.column, slice.stageHeader, 'FD')
      slice.stageLines[i].forEach((line, k) => ctx.line(line, x + 4 * m.scale, stageTop + 4 * m.scale + k * ctx.lineHeight(stageStyle), stageStyle))
    })
    const labelStyle = { size: m.small, bold: true, color: INK.muted }
    ctx.line(ctx.singleLine(ctx.labels.personas, m.laneLabel - 8 * m.scale, labelStyle), this.left + 4 * m.scale, stageTop + slice.stageHeader - ctx.lineHeight(labelStyle) - 3 * m.scale, labelStyle)
  }

  bands(page: PlannedPage, snapshot: Snapshot): void {
    const { ctx, m } = this
    const doc = ctx.doc
    const rects = new Map<string, Rect>()
    const drawCards: (() => void)[] = []
    const laneStyle: TextStyle = { size: m.laneText, bold: true, color: INK.text }

    const lines: (() => void)[] = []
    for (const band of page.bands) {
      const persona = this.rows[band.lane]
      // Lane background, label and column rules.
      doc.setFillColor(tint(persona.color, persona.lane ? 0.06 : 0.1))
      doc.rect(this.left, band.top, this.right - this.left, band.height, 'F')
      doc.setFillColor(persona.color)
      doc.rect(this.left, band.top, 3 * m.scale, band.height, 'F')
      let y = band.top + m.cellPadding
      for (const line of this.laneLines[band.lane]) {
        ctx.line(line, this.left + 7 * m.scale, y, laneStyle)
        y += ctx.lineHeight(laneStyle)
      }
      if (band.continued) ctx.line(ctx.printable(`(${ctx.labels.continued})`), this.left + 7 * m.scale, y, { size: m.small, color: INK.muted })
      doc.setDrawColor(INK.rule)
      doc.setLineWidth(0.4 * m.scale)
      doc.line(this.left, band.top + band.height, this.right, band.top + band.height)
      for (let i = 0; i <= this.slice.columns.length; i++) doc.line(this.columnX(i), band.top, this.columnX(i), band.top + band.height)

      band.cells.forEach((fragments, position) => {
        const stage = this.stages[this.slice.columns[position]]
        const cards = this.cells.get(`${stage.id}|${persona.key}`) ?? []
        for (const fragment of fragments) {
          const card = cards[fragment.card]
          const rect = { x: this.columnX(position) + m.cellPadding, y: band.top + m.cellPadding + fragment.top, w: m.column - 2 * m.cellPadding, h: fragment.height }
          if (!rects.has(card.id)) rects.set(card.id, rect)
          drawCards.push(() => this.card(card, fragment, rect, persona.color))
        }
      })
      const line = BLUEPRINT_LINES.find((l) => l.above === persona.lane)
      if (line && !band.continued) lines.push(() => this.blueprintLine(line.kind, band.top, snapshot.meta.locale))
    }
    // Links first, so cards cover the parts of long links that pass behind them.
    this.links(snapshot, rects)
    for (const draw of drawCards) draw()
    for (const draw of lines) draw()
  }

  /** A line of the service blueprint across the page, labelled at its right end. */
  private blueprintLine(kind: (typeof BLUEPRINT_LINES)[number]['kind'], y: number, locale: string): void {
    const { ctx, m } = this
    const doc = ctx.doc
    doc.setDrawColor(INK.text)
    doc.setLineWidth((kind === 'visibility' ? 1.1 : 0.8) * m.scale)
    if (kind !== 'visibility') doc.setLineDashPattern([3 * m.scale, 2 * m.scale], 0)
    doc.line(this.left, y, this.right, y)
    doc.setLineDashPattern([], 0)
    const style: TextStyle = { size: m.small, bold: true, color: INK.text }
    const text = ctx.singleLine(translate(locale, `blueprint.line.${kind}`), this.right - this.left - m.laneLabel, style)
    const width = ctx.measure(text, style)
    doc.setFillColor(INK.paper)
    doc.rect(this.right - width - 6 * m.scale, y + 0.8 * m.scale, width + 4 * m.scale, ctx.lineHeight(style), 'F')
    ctx.line(text, this.right - 4 * m.scale, y + 1 * m.scale, style, 'right')
  }

  private card(card: PrintCard, fragment: { from: number; to: number; continued: boolean; continues: boolean }, rect: Rect, laneColor: string): void {
    const { ctx, m } = this
    const doc = ctx.doc
    doc.setFillColor(INK.paper)
    doc.setDrawColor(INK.rule)
    doc.setLineWidth(0.5 * m.scale)
    doc.roundedRect(rect.x, rect.y, rect.w, rect.h, 2 * m.scale, 2 * m.scale, 'FD')
    doc.setFillColor(laneColor)
    doc.rect(rect.x, rect.y + 0.3 * m.scale, m.accent, rect.h - 0.6 * m.scale, 'F')
    const textLeft = rect.x + m.accent + m.cardPadding
    let y = rect.y + m.cardPadding
    if (fragment.continued) {
      const style = { size: m.small, color: INK.muted }
      const head = ctx.singleLine(`${card.shortTitle} (${ctx.labels.continued})`, rect.w - m.accent - 2 * m.cardPadding, style)
      ctx.line(head, textLeft, y, style)
      y += ctx.lineHeight(style)
    } else if (card.touchpoint && card.touchpoint.emotion !== null) {
      drawEmotionFace(ctx, card.touchpoint.emotion, rect.x + rect.w - m.cardPadding - m.faceRadius, rect.y + m.cardPadding + m.faceRadius, m.faceRadius)
    }
    for (let i = fragment.from; i < fragment.to; i++) {
      const line = card.lines[i]
      if (line.kind) drawKindMark(ctx, line.kind, textLeft + line.indent - m.text - 2.5 * m.scale, y + (line.height - m.text) / 2 - 0.3 * m.scale, m.text)
      ctx.line(line.text, textLeft + line.indent, y, line.style)
      if (line.tail) ctx.line(line.tail.text, textLeft + line.indent + ctx.measure(line.text, line.style), y, line.tail.style)
      y += line.height
    }
    if (fragment.continues) {
      ctx.line('…', rect.x + rect.w - m.cardPadding, rect.y + rect.h - ctx.lineHeight({ size: m.text }) - 1, { size: m.text, bold: true, color: INK.muted }, 'right')
    }
  }

  /** Each link whose two cards are on this page, as an arrow from edge to edge. */
  private links(snapshot: Snapshot, rects: Map<string, Rect>): void {
    const { ctx, m } = this
    const doc = ctx.doc
    doc.setDrawColor(LINK_COLOR)
    doc.setFillColor(LINK_COLOR)
    doc.setLineWidth(0.8 * m.scale)
    for (const link of Object.values(snapshot.links)) {
      const a = rects.get(link.from)
      const b = rects.get(link.to)
      if (!a || !b || a === b) continue
      const from = { x: a.x + a.w / 2, y: a.y + a.h / 2 }
      const to = { x: b.x + b.w / 2, y: b.y + b.h / 2 }
      const start = edgePoint({ x: a.x, y: a.y, width: a.w, height: a.h }, to)
      const end = edgePoint({ x: b.x, y: b.y, width: b.w, height: b.h }, from)
      const dx = end.x - start.x
      const dy = end.y - start.y
      const length = Math.hypot(dx, dy)
      if (length < 4 * m.scale) continue
      const ux = dx / length
      const uy = dy / length
      const head = 5 * m.scale
      doc.line(start.x, start.y, end.x - ux * head * 0.8, end.y - uy * head * 0.8)
      doc.triangle(end.x, end.y, end.x - ux * head - uy * head * 0.5, end.y - uy * head + ux * head * 0.5, end.x - ux * head + uy * head * 0.5, end.y - uy * head - ux * head * 0.5, 'F')
    }
  }

  curves(block: { top: number; lanes: number[] }, curves: ReturnType<typeof emotionCurve>[]): void {
    const { ctx, m, slice } = this
    const doc = ctx.doc
    const titleStyle: TextStyle = { size: m.laneText, bold: true, color: INK.text }
    ctx.line(ctx.singleLine(ctx.labels.emotionCurve, this.right - this.left, titleStyle), this.left, block.top + (m.curveTitle - ctx.lineHeight(titleStyle)) / 2, titleStyle)
    const scaleStyle: TextStyle = { size: m.small * 0.9, color: INK.faint }
    const positionOf = new Map(slice.columns.map((c, i) => [c, i]))
    block.lanes.forEach((lane, k) => {
      const persona = this.rows[lane]
      const top = block.top + m.curveTitle + k * m.curveRow
      const mid = top + m.curveRow / 2
      const amplitude = (m.curveRow - 12 * m.scale) / 4
      doc.setFillColor(tint(persona.color, 0.08))
      doc.rect(this.left, top, this.right - this.left, m.curveRow, 'F')
      doc.setFillColor(persona.color)
      doc.rect(this.left, top, 3 * m.scale, m.curveRow, 'F')
      const labelStyle: TextStyle = { size: m.laneText, bold: true, color: INK.text }
      const label = ctx.wrap(persona.name, m.laneLabel - 28 * m.scale, labelStyle).slice(0, 3)
      label.forEach((line, i) => ctx.line(line, this.left + 7 * m.scale, top + 5 * m.scale + i * ctx.lineHeight(labelStyle), labelStyle))
      // Scale lines at −2..+2 across the columns.
      for (let e = -2; e <= 2; e++) {
        const y = mid - e * amplitude
        doc.setDrawColor(e === 0 ? INK.rule : INK.hairline)
        doc.setLineWidth((e === 0 ? 0.6 : 0.35) * m.scale)
        doc.line(this.columnX(0), y, this.right, y)
        if (e % 2 === 0) ctx.line(formatEmotion(e), this.columnX(0) - 2 * m.scale, y - ctx.lineHeight(scaleStyle) / 2, scaleStyle, 'right')
      }
      const points = curves[lane]
        .filter((p) => positionOf.has(p.column))
        .map((p) => ({ x: this.columnX(positionOf.get(p.column)!) + m.column / 2, y: mid - p.emotion * amplitude, emotion: p.emotion }))
      doc.setDrawColor(persona.color)
      doc.setLineWidth(1.4 * m.scale)
      for (let i = 1; i < points.length; i++) doc.line(points[i - 1].x, points[i - 1].y, points[i].x, points[i].y)
      for (const p of points) {
        doc.setFillColor(emotionColor(p.emotion))
        doc.setDrawColor(INK.text)
        doc.setLineWidth(0.4 * m.scale)
        doc.circle(p.x, p.y, 2.4 * m.scale, 'FD')
        const valueStyle: TextStyle = { size: m.small * 0.9, bold: true, color: INK.muted }
        ctx.line(formatEmotion(Math.round(p.emotion * 10) / 10), p.x + 4 * m.scale, p.y - ctx.lineHeight(valueStyle) - 0.5 * m.scale, valueStyle)
      }
    })
  }
}
