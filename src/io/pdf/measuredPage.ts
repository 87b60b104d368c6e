/**
 * The measured-metrics page: what the customers said, for readers who were not in the room. The
 * data set (name, n, dates), NPS/CES/CSAT per stage and touchpoint with n and a 95 % interval
 * (⚠ where n is small), each persona's assumed curve against the measured one, the stages where
 * they disagree most, and every pinned quote with the annotation it supports. Drawn only when
 * the map has a data set or a pinned quote.
 */
import { formatInterval, formatValue, type NumberFormat } from '../../feedback/format'
import { assumedVersusMeasured, disagreements, estimates, placeAggregates, responseCount, type Placement } from '../../feedback/measured'
import type { Aggregate } from '../../feedback/metrics'
import { FEEDBACK_KINDS } from '../../feedback/responses'
import { sortedPersonas, sortedStages, type CurvePoint, type FeedbackSet, type Snapshot } from '../../model'
import { METRIC_NAMES } from '../printLabels'
import { BODY, DETAIL, FlowWriter, type TableCell } from './flowWriter'
import { INK, type PrintContext } from './printContext'

/** What the PDF needs of a data set: its reference and the histograms (never a comment). */
export interface PdfFeedback {
  set: FeedbackSet
  aggregates: Aggregate[]
}

export function hasMeasuredPage(snapshot: Snapshot, feedback: PdfFeedback | null | undefined): boolean {
  return !!feedback || Object.values(snapshot.quotes).some((q) => snapshot.annotations[q.annotationId])
}

export function drawMeasuredPage(ctx: PrintContext, snapshot: Snapshot, feedback: PdfFeedback | null | undefined): void {
  const L = ctx.labels.measured
  const flow = new FlowWriter(ctx, L.title)
  flow.heading(L.title, 1)
  const locale = snapshot.meta.locale || 'en'
  const num: NumberFormat = (value, digits) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value).replace('-', '\u2212')
  if (feedback) {
    const { set } = feedback
    const links = new Map(Object.values(snapshot.feedbackLinks).filter((l) => l.setId === set.id).map((l) => [l.value, l.targetId as string]))
    const placement = placeAggregates(snapshot, feedback.aggregates, links)
    const dates = set.from ? ` · ${ctx.format.day(set.from)} – ${ctx.format.day(set.to)}` : ''
    flow.paragraph(`${L.dataSet}: ${set.name} · ${num(set.responses ?? 0, 0)} ${L.responses}${dates}`, { ...BODY, bold: true })
    flow.paragraph(L.note, DETAIL)
    flow.gap(4)
    drawTable(flow, snapshot, placement, num)
    drawCurves(flow, snapshot, placement)
    const gaps = disagreements(snapshot, placement)
    if (gaps.length) {
      flow.heading(L.disagreements, 2)
      for (const g of gaps)
        flow.item(`${g.stageTitle} · ${g.personaName}: ${L.teamAssumes} ${signed(g.assumed, num)}, ${L.customersSay} ${signed(g.measured, num)} (n = ${num(g.n, 0)})`, {
          mark: (x, top, size) => {
            ctx.doc.setFillColor(g.gap > 0 ? '#c2412d' : '#2fa67a')
            ctx.doc.circle(x + size / 2, top + size / 2, size / 3, 'F')
          },
        })
    }
  }
  drawQuotes(flow, snapshot)
}

const signed = (v: number, num: NumberFormat) => (v > 0 ? '+' : '') + num(v, 1)

function drawTable(flow: FlowWriter, snapshot: Snapshot, placement: Placement, num: NumberFormat): void {
  const L = flow.ctx.labels.measured
  const personaName = new Map(sortedPersonas(snapshot).map((p) => [p.id as string, p.name]))
  const rows: TableCell[][] = []
  const figure = (h: ReturnType<typeof estimates>, k: (typeof FEEDBACK_KINDS)[number]): TableCell => {
    const e = h[k]
    if (!e) return '–'
    const text = `${formatValue(k, e.value, num)} ${formatInterval(e, num)} n = ${num(e.n, 0)}${e.small ? ` ${L.smallN}` : ''}`
    return e.small ? { text, style: { ...BODY, color: '#7a5800' } } : text
  }
  for (const stage of sortedStages(snapshot)) {
    const h = placement.stages.get(stage.id)
    if (!h || responseCount(h) === 0) continue
    const e = estimates(h)
    rows.push([{ text: stage.title, style: { ...BODY, bold: true } }, ...FEEDBACK_KINDS.map((k) => figure(e, k))])
    for (const tp of Object.values(snapshot.touchpoints).filter((t) => t.stageId === stage.id && placement.touchpoints.has(t.id))) {
      rows.push([`   ${tp.title} · ${personaName.get(tp.personaId) ?? ''}`, ...FEEDBACK_KINDS.map((k) => figure(estimates(placement.touchpoints.get(tp.id)!), k))])
    }
  }
  if (rows.length === 0) return
  flow.table(
    [
      { header: L.place, share: 0.28 },
      ...FEEDBACK_KINDS.map((k) => ({ header: METRIC_NAMES[k], share: 0.24 })),
    ],
    rows,
  )
}

const CHART_HEIGHT = 110
const LEVELS = [2, 1, 0, -1, -2]

/** One small chart per persona: the assumed curve solid in the persona's colour, the measured one dashed in ink. */
function drawCurves(flow: FlowWriter, snapshot: Snapshot, placement: Placement): void {
  const { ctx } = flow
  const L = ctx.labels.measured
  const chart = assumedVersusMeasured(snapshot, placement)
  const personas = chart.personas.filter((p) => p.measured.length > 0)
  if (personas.length === 0) return
  flow.heading(L.curves, 2)
  const doc = ctx.doc
  const left = ctx.content.left + 22
  const width = ctx.content.right - left
  const columnWidth = width / Math.max(chart.columns.length, 1)
  for (const p of personas) {
    const labelH = ctx.lineHeight(DETAIL) * 2
    const top = flow.ensure(ctx.lineHeight(BODY) + CHART_HEIGHT + labelH + 16)
    ctx.line(p.name, ctx.content.left, top, { ...BODY, bold: true })
    const plotTop = top + ctx.lineHeight(BODY) + 4
    const y = (v: number) => plotTop + ((2 - v) / 4) * CHART_HEIGHT
    const x = (column: number) => left + (column + 0.5) * columnWidth
    doc.setLineWidth(0.4)
    for (const level of LEVELS) {
      doc.setDrawColor(level === 0 ? INK.rule : INK.hairline)
      doc.line(left, y(level), left + width, y(level))
      ctx.line(level > 0 ? `+${level}` : level === 0 ? '0' : `\u2212${-level}`, left - 4, y(level) - ctx.lineHeight(DETAIL) / 2, DETAIL, 'right')
    }
    chart.columns.forEach((c, i) => ctx.line(ctx.singleLine(c.title, columnWidth - 4, DETAIL), x(i), plotTop + CHART_HEIGHT + 4, DETAIL, 'center'))
    const series = (points: CurvePoint[], colour: string, dashed: boolean) => {
      doc.setDrawColor(colour)
      doc.setLineWidth(1.6)
      doc.setLineDashPattern(dashed ? [4, 3] : [], 0)
      for (let i = 1; i < points.length; i++) doc.line(x(points[i - 1].column), y(points[i - 1].emotion), x(points[i].column), y(points[i].emotion))
      doc.setLineDashPattern([], 0)
      for (const pt of points) {
        doc.setFillColor(dashed ? '#ffffff' : colour)
        doc.circle(x(pt.column), y(pt.emotion), 2.6, 'FD')
      }
    }
    series(p.assumed, p.color, false)
    series(p.measured, INK.text, true)
    // Legend under the stage names.
    const legendTop = plotTop + CHART_HEIGHT + 4 + ctx.lineHeight(DETAIL) + 2
    const legend = (label: string, colour: string, dashed: boolean, at: number) => {
      doc.setDrawColor(colour)
      doc.setLineWidth(1.6)
      doc.setLineDashPattern(dashed ? [4, 3] : [], 0)
      doc.line(at, legendTop + 4, at + 18, legendTop + 4)
      doc.setLineDashPattern([], 0)
      ctx.line(label, at + 22, legendTop, DETAIL)
      return at + 22 + ctx.measure(label, DETAIL) + 16
    }
    legend(L.measured, INK.text, true, legend(L.assumed, p.color, false, left))
    flow.y = legendTop + ctx.lineHeight(DETAIL) + 10
  }
  flow.paragraph(L.mapping, DETAIL)
}

function drawQuotes(flow: FlowWriter, snapshot: Snapshot): void {
  const { ctx } = flow
  const L = ctx.labels.measured
  const quotes = Object.values(snapshot.quotes).filter((q) => snapshot.annotations[q.annotationId])
  if (quotes.length === 0) return
  flow.heading(L.quotes, 2)
  for (const q of quotes.sort((a, b) => a.id.localeCompare(b.id))) {
    const a = snapshot.annotations[q.annotationId]
    const target = snapshot.touchpoints[a.targetId]?.title ?? snapshot.stages[a.targetId]?.title ?? snapshot.personas[a.targetId]?.name ?? ''
    const source = [snapshot.feedbackSets[q.setId]?.name, q.kind ? `${METRIC_NAMES[q.kind]} ${q.score ?? ''}` : '', q.date ? ctx.format.day(q.date) : '', q.channel].filter(Boolean).join(' · ')
    flow.item(`“${q.text}”`, {
      style: { ...BODY, color: INK.text },
      detail: `${source} — ${ctx.labels.kinds[a.kind]} ${L.quoteOn} ${target ? `${target}: ` : ''}${a.text}`,
      mark: (x, top, size) => {
        ctx.doc.setFillColor('#0d5c63')
        ctx.doc.rect(x + size / 3, top, size / 4, size, 'F')
      },
    })
  }
}
