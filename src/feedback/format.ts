/**
 * A measured figure as people read it, shared by the interface and the PDF: NPS signed and whole
 * ("+23"), CSAT in percent ("78 %", a no-break space so the line never breaks before the sign), CES
 * with one decimal ("5,4"); the interval in brackets.
 * The number formatter is the caller's (the UI's language or the map's).
 */
import type { Change, MetricEstimate } from './metrics'
import type { FeedbackKind } from './responses'

export type NumberFormat = (value: number, fractionDigits: number) => string

export function formatValue(kind: FeedbackKind, value: number, num: NumberFormat): string {
  if (kind === 'nps') return (value > 0 ? '+' : '') + num(Math.round(value), 0)
  if (kind === 'ces') return num(value, 1)
  return `${num(value, 0)}\u00a0%`
}

export function formatInterval(e: Pick<MetricEstimate, 'kind' | 'low' | 'high'>, num: NumberFormat): string {
  if (e.low === null || e.high === null) return ''
  return `[${formatValue(e.kind, e.low, num)} – ${formatValue(e.kind, e.high, num)}]`
}

/**
 * A change: "+12 procentpoint [+3 – +21]". NPS and CSAT move in (percentage) points, which
 * `pointsUnit` names in the reader's language; CES moves on its own scale and has no unit.
 */
export function formatChange(c: Change, num: NumberFormat, pointsUnit = ''): string {
  const digits = c.kind === 'ces' ? 1 : 0
  const signed = (v: number) => (v > 0 ? '+' : '') + num(c.kind === 'ces' ? v : Math.round(v), digits)
  const interval = c.low === null || c.high === null ? '' : ` [${signed(c.low)} – ${signed(c.high)}]`
  const unit = c.kind !== 'ces' && pointsUnit ? `\u00a0${pointsUnit}` : ''
  return `${signed(c.difference)}${unit}${interval}`
}
