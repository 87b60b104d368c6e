/**
 * What a touchpoint card prints, as a list of lines already wrapped to the card's width: title,
 * channel/owner/priority/emotion, its metrics against their targets, description, every annotation
 * with its kind sign, need status and evidence, and the cards it links to. The line list is what
 * the grid plan paginates and the grid draws.
 */
import { METRICS, type Annotation, type AnnotationKind, type BlueprintItem, type MetricName, type Snapshot, type Touchpoint } from '../../model'
import { translate } from '../../i18n/translate'
import { emotionLabel, formatEmotion, METRIC_NAMES, votesText } from '../printLabels'
import { LINK_COLOR, STATUS_MARK, TARGET_COLORS } from '../printPalette'
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
  /** Printable text drawn right after `text` in its own style; it fits the width (checked when built). */
  tail?: { text: string; style: TextStyle }
}

export interface PrintCard {
  /** The touchpoint or blueprint item it prints. */
  id: string
  /** The touchpoint, for its emotion face; null for a blueprint item. */
  touchpoint: Touchpoint | null
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
  // One line per metric, so each can carry its own colour: green at or above target, red below.
  for (const metric of METRICS) {
    const { actual, target } = metricOf(tp, metric)
    if (actual === null && target === null) continue
    const color = actual === null || target === null ? INK.text : actual >= target ? TARGET_COLORS.reached : TARGET_COLORS.missed
    push(metricLine(ctx, metric, actual, target), { ...m.small, color }, 0, width - faceRoom)
  }
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
    const detail = [status, votes > 0 ? votesText(labels, votes) : ''].filter((s) => s !== '').join(' · ')
    const detailStyle = { ...m.small, bold: true, color: a.status ? STATUS_MARK[a.status].color : INK.muted }
    if (detail !== '') push(detail, detailStyle, markRoom)
    if (a.evidence) {
      // Evidence is a remark about the annotation, not part of its status: muted and regular, after
      // the status on the same line when there is room, else on a line of its own.
      const evidenceStyle = { ...m.small, color: INK.muted }
      const tail = ctx.printable(` · ${labels.evidence[a.evidence]}`)
      const last = lines[lines.length - 1]
      if (detail !== '' && ctx.measure(last.text, detailStyle) + ctx.measure(tail, evidenceStyle) <= width - markRoom) last.tail = { text: tail, style: evidenceStyle }
      else push(labels.evidence[a.evidence], evidenceStyle, markRoom)
    }
  }

  const outgoing = Object.values(snapshot.links)
    .filter((l) => l.from === tp.id && Object.hasOwn(snapshot.touchpoints, l.to))
    .sort((a, b) => a.id.localeCompare(b.id))
  if (outgoing.length > 0) spacer(2.5)
  for (const link of outgoing) {
    const target = snapshot.touchpoints[link.to]
    push(`\u2192 ${target.title || '—'}${link.label ? ` (${link.label})` : ''}`, { ...m.small, color: LINK_COLOR })
  }

  return { id: tp.id, touchpoint: tp, lines, shortTitle: tp.title }
}

const TARGET_FIELD = { nps: 'npsTarget', ces: 'cesTarget', csat: 'csatTarget' } as const satisfies Record<MetricName, keyof Touchpoint>

export function hasMetrics(tp: Touchpoint): boolean {
  return METRICS.some((m) => tp[m] !== null || tp[TARGET_FIELD[m]] !== null)
}

export function metricOf(tp: Touchpoint, metric: MetricName): { actual: number | null; target: number | null } {
  return { actual: tp[metric], target: tp[TARGET_FIELD[metric]] }
}

/** A metric figure as printed: CSAT as a percentage, the others as plain numbers; '–' when unset. */
export function formatMetric(ctx: PrintContext, metric: MetricName, value: number | null): string {
  if (value === null) return '\u2013'
  return metric === 'csat' ? ctx.format.percent(value) : ctx.format.figure(value)
}

/** "NPS −12 (target 30)": the acronym, the measured figure, and the target in brackets when set. */
function metricLine(ctx: PrintContext, metric: MetricName, actual: number | null, target: number | null): string {
  const targetText = target === null ? '' : ` (${ctx.labels.target.toLocaleLowerCase()} ${formatMetric(ctx, metric, target)})`
  return `${METRIC_NAMES[metric]} ${formatMetric(ctx, metric, actual)}${targetText}`
}

/**
 * A service-blueprint item as it prints: title, owning department, description and the
 * touchpoints it serves, wrapped like a card so the grid plan paginates it the same way.
 */
export function buildPrintItem(ctx: PrintContext, snapshot: Snapshot, item: BlueprintItem, m: CardMetrics): PrintCard {
  const width = innerWidth(m)
  const lines: PrintLine[] = []
  const push = (text: string, style: TextStyle) => {
    for (const line of ctx.wrap(text, width, style)) lines.push({ text: line, style, indent: 0, height: ctx.lineHeight(style) })
  }
  push(item.title.trim() === '' ? '—' : item.title, m.title)
  if (item.owner) push(`${ctx.labels.owner}: ${item.owner}`, { ...m.small, color: INK.muted })
  if (item.description.trim() !== '') {
    lines.push({ text: '', style: m.small, indent: 0, height: 1.5 })
    push(item.description, { ...m.small, color: INK.text })
  }
  const served = item.touchpointIds.filter((id) => Object.hasOwn(snapshot.touchpoints, id)).map((id) => snapshot.touchpoints[id].title || '—')
  if (served.length > 0) push(`\u2192 ${translate(snapshot.meta.locale, 'blueprint.servesTouchpoints')}: ${served.join(', ')}`, { ...m.small, color: LINK_COLOR })
  return { id: item.id, touchpoint: null, lines, shortTitle: item.title }
}
