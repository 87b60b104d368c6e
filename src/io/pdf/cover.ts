/**
 * The cover: what the map is, when it was printed, who the personas are, and a legend of every
 * sign the following pages use, so the PDF stands on its own in a manager's inbox.
 */
import { ANNOTATION_KINDS, EVIDENCE_LEVELS, NEED_STATUSES, sortedPersonas, type Annotation, type Snapshot } from '../../model'
import { emotionLabel, formatEmotion, votesText } from '../printLabels'
import { annotationsByTarget } from '../readingOrder'
import { hasMetrics } from './cardContent'
import { BODY, DETAIL, FlowWriter } from './flowWriter'
import { drawEmotionFace, drawKindMark, drawStatusMark } from './marks'
import { INK, type PrintContext } from './printContext'
import { LINK_COLOR } from '../printPalette'

export function drawCover(ctx: PrintContext, snapshot: Snapshot, dates: { exported: string; created: string }): void {
  const { labels } = ctx
  // The title is already in every running head; the cover's own head names nothing more.
  const flow = new FlowWriter(ctx, '')
  const titleStyle = { size: 26, bold: true, color: INK.text }
  for (const line of ctx.wrap(snapshot.meta.title || '—', flow.width, titleStyle)) {
    ctx.line(line, ctx.content.left, flow.ensure(ctx.lineHeight(titleStyle)), titleStyle)
    flow.gap(ctx.lineHeight(titleStyle))
  }
  flow.gap(4)
  flow.paragraph(`${labels.exported} ${dates.exported} · ${labels.created} ${dates.created}`, DETAIL)
  flow.gap(8)
  flow.paragraph(snapshot.meta.description, { size: 11, color: INK.text })

  const personas = sortedPersonas(snapshot)
  if (personas.length > 0) {
    flow.heading(labels.personas, 2)
    const annotations = annotationsByTarget(snapshot)
    for (const persona of personas) {
      flow.item(persona.name, {
        style: { size: 11, bold: true, color: INK.text },
        mark: (x, top, size) => {
          ctx.doc.setFillColor(persona.color)
          ctx.doc.rect(x, top, size, size, 'F')
        },
      })
      flow.paragraph(persona.description, BODY, 17)
      for (const a of annotations.get(persona.id) ?? []) annotationItem(flow, a, 17)
      flow.gap(4)
    }
  }
  drawLegend(flow, snapshot)
}

/** An annotation as a list item: kind sign, text, and the kind's name (with need status, votes and evidence) under it. */
export function annotationItem(flow: FlowWriter, a: Annotation, indent = 0, where?: string): void {
  const { labels } = flow.ctx
  const votes = Object.values(a.votes).reduce((sum, n) => sum + n, 0)
  const evidence = a.evidence ? labels.evidence[a.evidence] : ''
  const detail = [labels.kinds[a.kind], a.status ? labels.needStatus[a.status] : '', votes > 0 ? votesText(labels, votes) : '', evidence, where ?? '']
    .filter((s) => s !== '')
    .join(' · ')
  flow.item(a.text, { indent, detail, mark: (x, top, size) => drawKindMark(flow.ctx, a.kind, x, top, size) })
}

function drawLegend(flow: FlowWriter, snapshot: Snapshot): void {
  const ctx = flow.ctx
  const { labels } = ctx
  flow.heading(labels.legend, 2)

  type Entry = { label: string; mark: (x: number, top: number, size: number) => void }
  const grid = (title: string, entries: Entry[], columns: number) => {
    if (title !== '') flow.heading(title, 3)
    else flow.gap(6)
    const lh = ctx.lineHeight(BODY) + 3
    const colWidth = flow.width / columns
    for (let i = 0; i < entries.length; i += columns) {
      const top = flow.ensure(lh)
      entries.slice(i, i + columns).forEach((entry, j) => {
        const x = ctx.content.left + j * colWidth
        const size = BODY.size * 1.1
        entry.mark(x, top + (lh - size) / 2 - 1, size)
        ctx.line(ctx.singleLine(entry.label, colWidth - size - 10, BODY), x + size + 5, top, BODY)
      })
      flow.gap(lh)
    }
  }

  grid(
    labels.emotion,
    [-2, -1, 0, 1, 2].map((e) => ({
      label: `${formatEmotion(e)} ${emotionLabel(labels, e)}`,
      mark: (x, top, size) => drawEmotionFace(ctx, e, x + size / 2, top + size / 2, size / 2),
    })),
    5,
  )
  grid(
    labels.annotationKinds,
    ANNOTATION_KINDS.map((kind) => ({ label: labels.kinds[kind], mark: (x, top, size) => drawKindMark(ctx, kind, x, top, size) })),
    3,
  )
  grid(
    labels.needStatusHeading,
    NEED_STATUSES.map((status) => ({ label: labels.needStatus[status], mark: (x, top, size) => drawStatusMark(ctx, status, x, top, size) })),
    3,
  )
  grid(
    '',
    [
      {
        label: labels.link,
        mark: (x, top, size) => {
          ctx.doc.setDrawColor(LINK_COLOR)
          ctx.doc.setLineWidth(0.8)
          ctx.doc.line(x, top + size / 2, x + size - 3, top + size / 2)
          ctx.doc.setFillColor(LINK_COLOR)
          ctx.doc.triangle(x + size, top + size / 2, x + size - 4, top + size / 2 - 2.5, x + size - 4, top + size / 2 + 2.5, 'F')
        },
      },
    ],
    1,
  )

  // Evidence and metrics are words and figures, not signs: the legend says what they mean, and
  // only on maps that use them.
  if (Object.values(snapshot.annotations).some((a) => a.evidence !== null)) {
    flow.heading(labels.evidenceHeading, 3)
    for (const level of EVIDENCE_LEVELS) flow.paragraph(`${labels.evidence[level]}: ${labels.evidenceMeaning[level]}`)
  }
  if (Object.values(snapshot.touchpoints).some(hasMetrics)) {
    flow.heading(labels.metricsHeading, 3)
    flow.paragraph(labels.metricsMeaning)
  }
}
