/**
 * The small vector signs a printed map uses, shared by the legend, the cards and the summary so a
 * reader learns them once: a coloured square with a symbol per annotation kind, a face per emotion
 * score, a sign per need status. Each sign is also paired with words somewhere on the page, so the
 * map still reads in black and white.
 */
import type { AnnotationKind, NeedStatus } from '../../model'
import { emotionColor, KIND_MARK, STATUS_MARK } from '../printPalette'
import { INK, type PrintContext } from './printContext'

/** A filled square of side `size` with the kind's symbol in white; (x, top) is its top-left corner. */
export function drawKindMark(ctx: PrintContext, kind: AnnotationKind, x: number, top: number, size: number): void {
  const mark = KIND_MARK[kind]
  ctx.doc.setFillColor(mark.color)
  ctx.doc.roundedRect(x, top, size, size, size * 0.18, size * 0.18, 'F')
  const style = { size: size * 0.78, bold: true, color: INK.paper }
  ctx.line(mark.symbol, x + size / 2, top + size * 0.08, style, 'center')
}

/** The status sign in its colour, text-sized, for the start of a status line. */
export function drawStatusMark(ctx: PrintContext, status: NeedStatus, x: number, top: number, size: number): void {
  const mark = STATUS_MARK[status]
  ctx.line(mark.symbol, x, top, { size, bold: true, color: mark.color })
}

/** A filled dot centred in the marker box: a list bullet, in a status colour where it has one. */
export function drawDot(ctx: PrintContext, color: string, x: number, top: number, size: number, scale = 0.3): void {
  ctx.doc.setFillColor(color)
  ctx.doc.circle(x + size / 2, top + size / 2, size * scale, 'F')
}

/**
 * A face for an emotion score: a filled circle, two eyes and a mouth that curves up for a good
 * experience and down for a bad one, so the scale reads without colour. (cx, cy) is the centre.
 */
export function drawEmotionFace(ctx: PrintContext, emotion: number, cx: number, cy: number, r: number): void {
  const doc = ctx.doc
  doc.setFillColor(emotionColor(emotion))
  doc.setDrawColor(INK.text)
  doc.setLineWidth(Math.max(0.3, r * 0.08))
  doc.circle(cx, cy, r, 'FD')
  doc.setFillColor(INK.text)
  const eye = r * 0.12
  doc.circle(cx - r * 0.35, cy - r * 0.25, eye, 'F')
  doc.circle(cx + r * 0.35, cy - r * 0.25, eye, 'F')
  // The mouth: a cubic curve whose middle sags (frown) or lifts (smile) with the score.
  const half = r * 0.45
  const bend = (emotion / 2) * r * 0.35
  const y = cy + r * 0.38 - bend / 2
  doc.setLineWidth(Math.max(0.35, r * 0.11))
  doc.lines([[half * 0.6, bend, half * 1.4, bend, half * 2, 0]], cx - half, y, [1, 1], 'S', false)
}
