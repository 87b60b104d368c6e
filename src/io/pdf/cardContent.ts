/**
 * What a touchpoint card prints, as a list of lines already wrapped to the card's width: title,
 * channel/owner/priority/emotion, description, every annotation with its kind sign and need status,
 * and the cards it links to. The line list is what the grid plan paginates and the grid draws.
 */
import type { Annotation, AnnotationKind, Snapshot, Touchpoint } from '../../model'
import { emotionLabel, formatEmotion } from '../printLabels'
import { LINK_COLOR, STATUS_MARK } from '../printPalette'
import { INK, type PrintContext, type TextStyle } from './printContext'

export interface CardMetrics {
  width: number
  padding: number
  /** The lane-coloured strip on the card's left edge. */
  accent: number
  faceRadius: number
  title: TextStyle
  text: TextStyle
  small: TextStyle
}

export interface PrintLine {
  text: string
  style: TextStyle
  /** From the left of the card's text box. */
  indent: number
  height: number
  /** Draw this annotation kind's sign left of the line. */
  kind?: AnnotationKind
}

export interface PrintCard {
  touchpoint: Touchpoint
  lines: PrintLine[]
  /** The title alone, one line, for the head of a continued part. */
  shortTitle: string
}

export function innerWidth(m: CardMetrics): number {
  return m.width - 2 * m.padding - m.accent
}

export function buildPrintCard(ctx: PrintContext, snapshot: Snapshot, tp: Touchpoint, annotations: Annotation[], m: CardMetrics): PrintCard {
  const { labels } = ctx
  const width = innerWidth(m)
  const lines: PrintLine[] = []
  const push = (text: string, style: TextStyle, indent = 0, wrapWidth = width - indent, kind?: AnnotationKind) => {
    const wrapped = ctx.wrap(text, wrapWidth, style)
    wrapped.forEach((line, i) => lines.push({ text: line, style, indent, height: ctx.lineHeight(style), kind: i === 0 ? kind : undefined }))
  }
  const spacer = (height: number) => lines.push({ text: '', style: m.small, indent: 0, height })

  const faceRoom = tp.emotion === null ? 0 : m.faceRadius * 2 + 3
  push(tp.title.trim() === '' ? '—' : tp.title, m.title, 0, width - faceRoom)

  const facts = [
    tp.channel && `${labels.channel}: ${tp.channel}`,
    tp.owner && `${labels.owner}: ${tp.owner}`,
    tp.priority !== null && `${labels.priority}: ${tp.priority}`,
    tp.emotion !== null && `${labels.emotion}: ${formatEmotion(tp.emotion)} ${emotionLabel(labels, tp.emotion)}`,
  ].filter((f): f is string => typeof f === 'string' && f !== '')
  if (facts.length > 0) push(facts.join(' · '), { ...m.small, color: INK.muted }, 0, width - faceRoom)
  if (tp.description.trim() !== '') {
    spacer(1.5)
    push(tp.description, { ...m.small, color: INK.text })
  }

  const markRoom = m.text.size + 3
  for (const a of annotations) {
    spacer(2.5)
    push(a.text.trim() === '' ? '—' : a.text, m.text, markRoom, width - markRoom, a.kind)
    const votes = Object.values(a.votes).reduce((s, n) => s + n, 0)
    const status = a.status ? `${STATUS_MARK[a.status].symbol} ${labels.needStatus[a.status]}` : ''
    const detail = [status, votes > 0 ? `${votes} ${labels.votes}` : ''].filter((s) => s !== '').join(' · ')
    if (detail !== '') push(detail, { ...m.small, bold: true, color: a.status ? STATUS_MARK[a.status].color : INK.muted }, markRoom)
  }

  const outgoing = Object.values(snapshot.links)
    .filter((l) => l.from === tp.id && Object.hasOwn(snapshot.touchpoints, l.to))
    .sort((a, b) => a.id.localeCompare(b.id))
  if (outgoing.length > 0) spacer(2.5)
  for (const link of outgoing) {
    const target = snapshot.touchpoints[link.to]
    push(`\u2192 ${target.title || '—'}${link.label ? ` (${link.label})` : ''}`, { ...m.small, color: LINK_COLOR })
  }

  return { touchpoint: tp, lines, shortTitle: tp.title }
}
