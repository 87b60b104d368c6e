/**
 * Running text for the cover and the summary: headings, paragraphs and marked list items written
 * top to bottom, continuing on a new page (same section name in the running head) whenever the next
 * line would cross the bottom margin. Lines are the unit, so a long paragraph splits between pages
 * instead of running off one.
 */
import { INK, type PrintContext, type TextStyle } from './printContext'

export interface ItemOptions {
  /** Draws the marker left of the first line; receives the marker box's left, top and size. */
  mark?: (x: number, top: number, size: number) => void
  style?: TextStyle
  indent?: number
  /** A smaller muted line under the item (where it sits, its status…). */
  detail?: string
}

export interface TableColumn {
  header: string
  /** Share of the text width, 0..1; the shares of a table add up to 1. */
  share: number
  align?: 'left' | 'right'
}

/** A cell: text, optionally in its own style (a bold total, a figure coloured by its target). */
export type TableCell = string | { text: string; style: TextStyle }

export const BODY: TextStyle = { size: 9.5, color: INK.text }
export const DETAIL: TextStyle = { size: 8, color: INK.muted }

export class FlowWriter {
  y: number
  /** Pages this writer has started after its first, so a table knows when to repeat its header. */
  private breaks = 0

  constructor(
    readonly ctx: PrintContext,
    readonly section: string,
  ) {
    ctx.newPage(section)
    this.y = ctx.content.top
  }

  get width(): number {
    return this.ctx.content.right - this.ctx.content.left
  }

  /** Make room for `height`, starting a new page if needed; returns the top to draw at. */
  ensure(height: number): number {
    if (this.y + height > this.ctx.content.bottom && this.y > this.ctx.content.top) {
      this.ctx.newPage(this.section)
      this.y = this.ctx.content.top
      this.breaks++
    }
    return this.y
  }

  gap(height: number): void {
    this.y += height
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const style: TextStyle = { size: level === 1 ? 18 : level === 2 ? 13 : 10.5, bold: true, color: INK.text }
    const lines = this.ctx.wrap(text, this.width, style)
    const lh = this.ctx.lineHeight(style)
    if (this.y > this.ctx.content.top) this.y += level === 1 ? 10 : level === 2 ? 8 : 4
    // Keep a heading with at least two lines of what follows it.
    this.ensure(lines.length * lh + 2 * this.ctx.lineHeight(BODY))
    for (const line of lines) {
      this.ctx.line(line, this.ctx.content.left, this.y, style)
      this.y += lh
    }
    this.y += level === 1 ? 6 : 3
  }

  paragraph(text: string, style: TextStyle = BODY, indent = 0): void {
    if (text.trim() === '') return
    const lh = this.ctx.lineHeight(style)
    for (const line of this.ctx.wrap(text, this.width - indent, style)) {
      const top = this.ensure(lh)
      this.ctx.line(line, this.ctx.content.left + indent, top, style)
      this.y += lh
    }
  }

  /** A list item: marker on the first line, text wrapped beside it, optional detail line(s) under. */
  item(text: string, options: ItemOptions = {}): void {
    const style = options.style ?? BODY
    const lh = this.ctx.lineHeight(style)
    const indent = options.indent ?? 0
    const markSize = style.size * 1.05
    const textLeft = this.ctx.content.left + indent + markSize + 5
    const textWidth = this.ctx.content.right - textLeft
    const lines = this.ctx.wrap(text.trim() === '' ? '—' : text, textWidth, style)
    const details = options.detail ? this.ctx.wrap(options.detail, textWidth, DETAIL) : []
    const dlh = this.ctx.lineHeight(DETAIL)
    // Keep short items whole; a long one may break between its lines.
    this.ensure(Math.min(lines.length * lh + details.length * dlh, 4 * lh))
    lines.forEach((line, i) => {
      const top = this.ensure(lh)
      if (i === 0) options.mark?.(this.ctx.content.left + indent, top + (lh - markSize) / 2, markSize)
      this.ctx.line(line, textLeft, top, style)
      this.y += lh
    })
    for (const line of details) {
      const top = this.ensure(dlh)
      this.ctx.line(line, textLeft, top, DETAIL)
      this.y += dlh
    }
    this.y += 3
  }

  /**
   * A table whose rows grow to their tallest wrapped cell. A row is never split; a table that runs
   * over the page bottom continues on the next page under its header row, repeated.
   */
  table(columns: TableColumn[], rows: TableCell[][]): void {
    const { ctx } = this
    const pad = 3
    const headerStyle: TextStyle = { ...DETAIL, bold: true }
    const lefts = columns.map((_, i) => ctx.content.left + columns.slice(0, i).reduce((x, c) => x + c.share * this.width, 0))
    const widths = columns.map((c) => c.share * this.width - 2 * pad)
    const layout = (cells: TableCell[], fallback: TextStyle) => {
      const wrapped = cells.map((cell, i) => {
        const { text, style } = typeof cell === 'string' ? { text: cell, style: fallback } : cell
        return { lines: ctx.wrap(text, widths[i], style), style }
      })
      return { wrapped, height: Math.max(...wrapped.map((c) => c.lines.length * ctx.lineHeight(c.style))) + 2 * pad }
    }
    const drawRow = (row: ReturnType<typeof layout>, top: number, rule: string) => {
      row.wrapped.forEach((cell, i) => {
        const right = columns[i].align === 'right'
        const x = right ? lefts[i] + columns[i].share * this.width - pad : lefts[i] + pad
        cell.lines.forEach((line, k) => ctx.line(line, x, top + pad + k * ctx.lineHeight(cell.style), cell.style, right ? 'right' : 'left'))
      })
      ctx.doc.setDrawColor(rule)
      ctx.doc.setLineWidth(0.5)
      ctx.doc.line(ctx.content.left, top + row.height, ctx.content.right, top + row.height)
    }
    const header = layout(columns.map((c) => c.header), headerStyle)
    const drawHeader = () => {
      drawRow(header, this.ensure(header.height + 2 * ctx.lineHeight(BODY)), INK.rule)
      this.y += header.height
    }
    drawHeader()
    for (const cells of rows) {
      const row = layout(cells, BODY)
      const breaks = this.breaks
      this.ensure(row.height)
      if (this.breaks !== breaks) drawHeader()
      drawRow(row, this.y, INK.hairline)
      this.y += row.height
    }
    this.y += 4
  }
}
