/**
 * The summary pages: what a manager acts on. The journey scorecard, pain points and moments of
 * truth stage by stage, the needs that are not (or only partly) met, opportunities, the action plan,
 * the customer promises with their service priorities, open comments, and everything that has no
 * place on the grid (a card whose stage was deleted while someone was adding it), so nothing on the
 * map is lost in print. The scorecard, plan and promises are left out on a map that has none: an
 * empty heading there would read as "nothing to do" rather than "not used".
 */
import { byOrder, findOrphans, METRICS, replyChainRoot, type Annotation, type MetricName, type ServicePriority, type Snapshot } from '../../model'
import { actionBoard, touchpointsInJourneyOrder, unaddressed } from '../../insights/actionBoard'
import { scorecard, type MetricScore, type MetricScores } from '../../insights/scorecard'
import { METRIC_NAMES } from '../printLabels'
import { ACTION_STATUS_COLORS, TARGET_COLORS } from '../printPalette'
import { placesInReadingOrder, type Place } from '../readingOrder'
import { formatMetric } from './cardContent'
import { annotationItem } from './cover'
import { BODY, DETAIL, FlowWriter, type TableCell } from './flowWriter'
import { drawDot, drawKindMark } from './marks'
import { INK, type PrintContext } from './printContext'

export function drawSummary(ctx: PrintContext, snapshot: Snapshot, formatDate: (iso: string) => string): void {
  const { labels } = ctx
  const flow = new FlowWriter(ctx, labels.summary)
  flow.heading(labels.summary, 1)
  const places = placesInReadingOrder(snapshot)
  const placed = places.filter((p) => !p.unplaced)
  const where = (p: Place) => placeName(ctx, p)
  const none = () => flow.paragraph(labels.none, { size: 9.5, color: INK.muted })

  drawScorecard(flow, snapshot)

  // Pain points and moments of truth, phase by phase and stage by stage.
  flow.heading(labels.painAndTruthByStage, 2)
  const isHighlight = (a: Annotation) => a.kind === 'pain-point' || a.kind === 'moment-of-truth'
  let any = false
  for (const group of groupByStage(placed.filter((p) => p.phase !== undefined))) {
    const items = group.places.flatMap((p) => p.annotations.filter(isHighlight).map((a) => ({ a, p })))
    if (items.length === 0) continue
    any = true
    flow.heading(group.title(ctx), 3)
    for (const { a, p } of items) annotationItem(flow, a, 0, p.touchpoint ? touchpointName(p) : undefined)
  }
  if (!any) none()

  // Notes, needs and opportunities pinned to a phase or a stage as a whole (not to a card).
  const onPhaseOrStage = placed.filter((p) => p.phase !== undefined && !p.touchpoint && p.annotations.some((a) => !isHighlight(a)))
  if (onPhaseOrStage.length > 0) {
    flow.heading(labels.notesOnPhasesAndStages, 2)
    for (const p of onPhaseOrStage) {
      flow.heading(where(p), 3)
      for (const a of p.annotations.filter((a) => !isHighlight(a))) annotationItem(flow, a)
    }
  }

  flow.heading(labels.unmetNeeds, 2)
  for (const kind of ['functional-need', 'emotional-need'] as const) {
    flow.heading(kind === 'functional-need' ? labels.functionalNeeds : labels.emotionalNeeds, 3)
    const needs = placed.flatMap((p) => p.annotations.filter((a) => a.kind === kind && (a.status === 'unmet' || a.status === 'partly')).map((a) => ({ a, p })))
    // Unmet first: they are the gaps to close before the partly met ones.
    needs.sort((x, y) => Number(x.a.status === 'partly') - Number(y.a.status === 'partly'))
    if (needs.length === 0) none()
    for (const { a, p } of needs) annotationItem(flow, a, 0, where(p))
  }

  flow.heading(labels.opportunities, 2)
  const opportunities = placed.flatMap((p) => p.annotations.filter((a) => a.kind === 'opportunity').map((a) => ({ a, p })))
  if (opportunities.length === 0) none()
  for (const { a, p } of opportunities) annotationItem(flow, a, 0, where(p))

  drawActionPlan(flow, snapshot)
  drawPromises(flow, snapshot)

  flow.heading(labels.openComments, 2)
  const orphans = findOrphans(snapshot)
  const orphanComments = new Set(orphans.comments.map((c) => c.id))
  const open = Object.values(snapshot.comments)
    .filter((c) => !c.resolved && !orphanComments.has(c.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  if (open.length === 0) none()
  for (const c of open) {
    flow.item(c.text, { detail: [c.author, formatDate(c.createdAt), targetName(ctx, snapshot, replyChainRoot(snapshot.comments, c.id) ?? '')].filter((s) => s !== '').join(' · ') })
  }

  const unplaced = places.filter((p) => p.unplaced)
  if (unplaced.length + orphans.annotations.length + orphans.comments.length + orphans.links.length + orphans.servicePriorities.length > 0) {
    flow.heading(labels.unplaced, 2)
    if (unplaced.length > 0) {
      flow.heading(labels.unplacedTouchpoints, 3)
      for (const p of unplaced) {
        const tp = p.touchpoint!
        flow.item(tp.title, { style: { size: 9.5, bold: true, color: INK.text }, detail: [tp.channel, tp.owner, p.stage?.title ?? '', p.persona?.name ?? ''].filter((s) => s !== '').join(' · ') })
        flow.paragraph(tp.description, DETAIL, 14)
        for (const a of p.annotations) annotationItem(flow, a, 14)
      }
    }
    if (orphans.annotations.length > 0) {
      flow.heading(labels.unplacedAnnotations, 3)
      for (const a of orphans.annotations) annotationItem(flow, a)
    }
    if (orphans.comments.length > 0) {
      flow.heading(labels.unplacedComments, 3)
      for (const c of orphans.comments) flow.item(c.text, { detail: [c.author, formatDate(c.createdAt)].filter((s) => s !== '').join(' · ') })
    }
    if (orphans.links.length > 0) {
      flow.heading(labels.brokenLinks, 3)
      for (const l of orphans.links) {
        const name = (id: string) => snapshot.touchpoints[id]?.title ?? '—'
        flow.item(`${name(l.from)} \u2192 ${name(l.to)}${l.label ? ` (${l.label})` : ''}`, { mark: (x, top, size) => drawKindMark(ctx, 'note', x, top, size) })
      }
    }
    if (orphans.servicePriorities.length > 0) {
      flow.heading(labels.unplacedServicePriorities, 3)
      for (const sp of orphans.servicePriorities.sort(byOrder)) servicePriorityItem(flow, snapshot, sp)
    }
  }
}

/** NPS, CES and CSAT per stage and for the whole journey, each beside its target; stages without figures are left out. */
function drawScorecard(flow: FlowWriter, snapshot: Snapshot): void {
  const { ctx } = flow
  const { labels } = ctx
  const card = scorecard(snapshot)
  const hasFigures = (scores: MetricScores) => METRICS.some((m) => scores[m].actual !== null || scores[m].target !== null)
  if (!hasFigures(card.overall)) return
  flow.heading(labels.scorecard, 2)
  const cells = (scores: MetricScores, bold: boolean): TableCell[] =>
    METRICS.flatMap((m) => [figureCell(ctx, m, scores[m], bold), { text: formatMetric(ctx, m, scores[m].target), style: { ...BODY, bold, color: INK.muted } }])
  const rows = card.stages
    .filter((stage) => hasFigures(stage.scores))
    .map((stage) => [`${labels.phases[stage.phase]} · ${stage.title || '—'}`, ...cells(stage.scores, false)])
  rows.push([{ text: labels.wholeJourney, style: { ...BODY, bold: true } }, ...cells(card.overall, true)])
  flow.table(
    [
      { header: labels.csvColumns.stage, share: 0.34 },
      ...METRICS.flatMap((m) => [
        { header: METRIC_NAMES[m], share: 0.11, align: 'right' as const },
        { header: labels.metricTarget[m], share: 0.11, align: 'right' as const },
      ]),
    ],
    rows,
  )
}

/** A measured average, green when it reaches its target and red when it does not. */
function figureCell(ctx: PrintContext, metric: MetricName, score: MetricScore, bold: boolean): TableCell {
  const color = score.onTarget === null ? INK.text : score.onTarget ? TARGET_COLORS.reached : TARGET_COLORS.missed
  return { text: formatMetric(ctx, metric, score.actual), style: { ...BODY, bold, color } }
}

/** The actions department by department, each with its measure, target, due date and status, and the pain points and needs it fixes. */
function drawActionPlan(flow: FlowWriter, snapshot: Snapshot): void {
  const { ctx } = flow
  const { labels } = ctx
  const departments = actionBoard(snapshot, 'department')
  // A map without a plan prints none (nor what it leaves open).
  if (departments.length === 0) return
  const open = unaddressed(snapshot)
  flow.heading(labels.actionPlan, 2)
  for (const department of departments) {
    flow.heading(department.key || labels.noOwner, 3)
    for (const { action, addresses } of department.cards) {
      const detail = [
        `${labels.status}: ${labels.actionStatus[action.status]}`,
        action.measure && `${labels.measure}: ${action.measure}`,
        action.target && `${labels.target}: ${action.target}`,
        action.dueDate && `${labels.due}: ${ctx.format.day(action.dueDate)}`,
      ]
      flow.item(action.title, {
        style: { ...BODY, bold: true },
        mark: (x, top, size) => drawDot(ctx, ACTION_STATUS_COLORS[action.status], x, top, size, 0.42),
        detail: detail.filter((s) => s !== '').join(' · '),
      })
      if (addresses.length === 0) continue
      // Indented to the action's text, so the list reads as belonging to it.
      const indent = BODY.size * 1.05 + 5
      // Keep the "Addresses:" label on the page of the first item it introduces.
      flow.ensure(ctx.lineHeight(DETAIL) + 2 * ctx.lineHeight(BODY))
      flow.paragraph(`${labels.addresses}:`, DETAIL, indent)
      for (const { annotation } of addresses) annotationItem(flow, annotation, indent, targetName(ctx, snapshot, annotation.targetId))
      flow.gap(3)
    }
  }
  if (open.length === 0) return
  // What no action takes up yet, in the order the team should: most votes first, then the most severe.
  flow.heading(labels.notYetAddressed, 3)
  flow.paragraph(labels.notYetAddressedOrder, DETAIL)
  for (const { annotation } of open) annotationItem(flow, annotation, 0, targetName(ctx, snapshot, annotation.targetId))
}

/** Each promise with the service priorities that make it measurable. */
function drawPromises(flow: FlowWriter, snapshot: Snapshot): void {
  const { labels } = flow.ctx
  const promises = Object.values(snapshot.promises).sort(byOrder)
  if (promises.length === 0) return
  flow.heading(labels.promises, 2)
  const priorities = Object.values(snapshot.servicePriorities).sort(byOrder)
  for (const promise of promises) {
    flow.heading(promise.text.trim() === '' ? '—' : promise.text, 3)
    for (const sp of priorities.filter((p) => p.promiseId === promise.id)) servicePriorityItem(flow, snapshot, sp)
  }
}

function servicePriorityItem(flow: FlowWriter, snapshot: Snapshot, sp: ServicePriority): void {
  const { ctx } = flow
  const { labels } = ctx
  // Touchpoints deleted since are skipped, as the action plan skips deleted pain points.
  const proof = touchpointsInJourneyOrder(snapshot, sp.touchpointIds).map((t) => t.title || '—')
  const detail = [sp.measure && `${labels.measure}: ${sp.measure}`, sp.target && `${labels.target}: ${sp.target}`, proof.length > 0 ? `${labels.provenAt}: ${proof.join(', ')}` : '']
  flow.item(sp.text, { mark: (x, top, size) => drawDot(ctx, INK.muted, x, top, size), detail: detail.filter((s) => s !== '').join(' · ') })
}

/** Consecutive places that share a phase and a stage (or the phase itself, when stage is absent). */
function groupByStage(places: Place[]): { places: Place[]; title: (ctx: PrintContext) => string }[] {
  const groups: { key: string; places: Place[]; title: (ctx: PrintContext) => string }[] = []
  for (const p of places) {
    const key = p.stage?.id ?? `phase:${p.phase}`
    const last = groups[groups.length - 1]
    if (last && last.key === key) last.places.push(p)
    else groups.push({ key, places: [p], title: (ctx) => placeName(ctx, { ...p, persona: undefined, touchpoint: undefined }) })
  }
  return groups
}

function touchpointName(p: Place): string {
  return [p.touchpoint?.title, p.persona?.name].filter((s) => s).join(' · ')
}

/** "Before · Booking · Karoline · Opens the app" — where on the map something sits. */
function placeName(ctx: PrintContext, p: Place): string {
  return [p.phase ? ctx.labels.phases[p.phase] : '', p.stage?.title ?? '', p.persona?.name ?? '', p.touchpoint?.title ?? ''].filter((s) => s !== '').join(' · ')
}

/** What a comment or an annotation hangs on, by name: a phase, an annotation's text, a touchpoint, stage or persona. */
function targetName(ctx: PrintContext, snapshot: Snapshot, targetId: string): string {
  if (targetId.startsWith('phase:')) return ctx.labels.phases[targetId.slice(6) as keyof typeof ctx.labels.phases] ?? ''
  const annotation = snapshot.annotations[targetId]
  if (annotation) return `${ctx.labels.kinds[annotation.kind]}: ${truncate(annotation.text, 80)}`
  return snapshot.touchpoints[targetId]?.title ?? snapshot.stages[targetId]?.title ?? snapshot.personas[targetId]?.name ?? ''
}

function truncate(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : chars.slice(0, max).join('') + '…'
}
