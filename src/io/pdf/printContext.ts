/**
 * One PDF being written: the jsPDF document with the embedded DejaVu fonts, the page geometry, and
 * the few text primitives every section uses. All user text goes through `printableText` here, so
 * no section can hand jsPDF a character the font lacks.
 */
import type { jsPDF } from 'jspdf'
import type { FontCoverage } from './fontCoverage'
import { printableText } from './printableText'
import { wrapText } from './wrapText'
import type { PrintFormat } from '../printFormat'
import type { EmojiNames } from './emojiNames'
import type { PrintLabels } from '../printLabels'

export const FONT_FAMILY = 'DejaVuSans'

export interface PageBox {
  left: number
  right: number
  top: number
  bottom: number
}

export interface TextStyle {
  size: number
  bold?: boolean
  color?: string
}

export const INK = {
  text: '#1f2430',
  muted: '#5b6270',
  faint: '#8a909c',
  rule: '#c9ced6',
  hairline: '#e3e6eb',
  paper: '#ffffff',
} as const

/** Line height as a multiple of the font size; DejaVu's ascent is ~0.93 em. */
export const LINE_HEIGHT = 1.22
const ASCENT = 0.93

export class PrintContext {
  readonly width: number
  readonly height: number
  readonly margin: number
  /** The area sections draw in, inside the running header and footer. */
  readonly content: PageBox
  /** The running-head section of each page; empty until the first section starts (jsPDF opens with one blank page). */
  private sectionOfPage: string[] = []
  private current: { size: number; bold: boolean } = { size: 0, bold: false }
  private readonly regularAdvances = new Map<number, number>()
  private readonly boldAdvances = new Map<number, number>()

  constructor(
    readonly doc: jsPDF,
    readonly labels: PrintLabels,
    readonly format: PrintFormat,
    private readonly coverage: { regular: FontCoverage; bold: FontCoverage },
    readonly mapTitle: string,
    /** Emoji names in the map's language: an emoji prints as its name, never as a box. */
    private readonly emojiNames?: EmojiNames,
  ) {
    this.width = doc.internal.pageSize.getWidth()
    this.height = doc.internal.pageSize.getHeight()
    this.margin = this.width > 1000 || this.height > 1000 ? 34 : 28
    this.content = { left: this.margin, right: this.width - this.margin, top: this.margin + 16, bottom: this.height - this.margin - 12 }
  }

  /** The text as the font can print it (see printableText). */
  printable(text: string, bold = false): string {
    return printableText(text, bold ? this.coverage.bold : this.coverage.regular, this.emojiNames)
  }

  setStyle(style: TextStyle): void {
    const bold = style.bold ?? false
    if (this.current.bold !== bold) this.doc.setFont(FONT_FAMILY, bold ? 'bold' : 'normal')
    if (this.current.size !== style.size) this.doc.setFontSize(style.size)
    this.current = { size: style.size, bold }
    this.doc.setTextColor(style.color ?? INK.text)
  }

  /**
   * Width of already-printable text in the given style. jsPDF applies no kerning to Identity-H
   * text, so a width is the sum of its characters' advances; caching those per character makes
   * wrapping a 1,000-card map cheap (asking jsPDF means a font switch and a lookup per call).
   */
  measure(text: string, style: TextStyle): number {
    const bold = style.bold ?? false
    const cache = bold ? this.boldAdvances : this.regularAdvances
    let units = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      let advance = cache.get(code)
      if (advance === undefined) {
        this.setStyle({ size: style.size, bold })
        advance = this.doc.getStringUnitWidth(String.fromCharCode(code))
        cache.set(code, advance)
      }
      units += advance
    }
    return units * style.size
  }

  /** Wrap user text to a width: printable, and never wider than `width`. */
  wrap(text: string, width: number, style: TextStyle): string[] {
    const printable = this.printable(text, style.bold)
    return wrapText(printable, Math.max(width, style.size), (t) => this.measure(t, style))
  }

  /** One line whose box starts at `top`; the text must be printable already (from wrap or printable). */
  line(text: string, x: number, top: number, style: TextStyle, align: 'left' | 'right' | 'center' = 'left'): void {
    if (text === '') return
    this.setStyle(style)
    this.doc.text(text, x, top + style.size * ASCENT, { align, baseline: 'alphabetic' })
  }

  /** User text cut to one line with an ellipsis, for running heads where wrapping would not fit. */
  singleLine(text: string, width: number, style: TextStyle): string {
    const lines = this.wrap(text.replace(/\s+/g, ' '), width, style)
    if (lines.length <= 1) return lines[0] ?? ''
    let first = lines[0]
    while (first.length > 1 && this.measure(first + '…', style) > width) first = first.slice(0, -1)
    return first + '…'
  }

  lineHeight(style: TextStyle): number {
    return style.size * LINE_HEIGHT
  }

  /** Start a new page for `section` (its name goes in the running head). The first page exists already. */
  newPage(section: string): void {
    if (this.sectionOfPage.length > 0) this.doc.addPage()
    this.sectionOfPage.push(section)
  }

  /** Running head and "Page n / N" on every page, written last when the total is known. */
  drawPageChrome(date: string): void {
    const total = this.sectionOfPage.length
    const small = { size: 7, color: INK.faint }
    const title = this.singleLine(this.mapTitle, (this.content.right - this.content.left) * 0.6, small)
    for (let i = 0; i < total; i++) {
      this.doc.setPage(i + 1)
      this.line(title, this.content.left, this.margin - 4, small)
      this.line(this.printable(this.sectionOfPage[i]), this.content.right, this.margin - 4, small, 'right')
      this.line(this.printable(date), this.content.left, this.height - this.margin, small)
      this.line(this.printable(`${this.labels.page} ${i + 1} / ${total}`), this.content.right, this.height - this.margin, small, 'right')
    }
  }
}
