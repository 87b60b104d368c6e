/**
 * A page per department chosen in the export dialog, so each silo leaves the workshop with its own
 * sheet: its touchpoints with the pain points and unmet needs on them, the blueprint items it does
 * behind them (lane by lane), and its actions with measure, target and due date.
 */
import { BLUEPRINT_LANES, departmentKey, listDepartments, type Snapshot } from '../../model'
import { translate } from '../../i18n/translate'
import { FlowWriter, DETAIL } from './flowWriter'
import { drawKindMark } from './marks'
import type { PrintContext } from './printContext'

export function drawDepartmentPages(ctx: PrintContext, snapshot: Snapshot, keys: readonly string[]): void {
  const locale = snapshot.meta.locale
  const wanted = new Set(keys.map(departmentKey))
  for (const dept of listDepartments(snapshot).filter((d) => wanted.has(departmentKey(d.name)))) {
    const page = translate(locale, 'department.page', { name: dept.name })
    const w = new FlowWriter(ctx, page)
    w.heading(page, 1)
    w.paragraph(translate(locale, 'department.counts', { touchpoints: dept.touchpoints.length, items: dept.blueprintItems.length, unmet: dept.unmetNeeds.length, pain: dept.painPoints.length }), DETAIL)
    if (dept.touchpoints.length > 0) {
      w.heading(translate(locale, 'department.touchpoints'), 2)
      for (const tp of dept.touchpoints) {
        const stage = snapshot.stages[tp.stageId]
        w.item(tp.title, { detail: stage ? `${ctx.labels.phases[stage.phase]} › ${stage.title}` : undefined })
        for (const a of [...dept.painPoints, ...dept.unmetNeeds].filter((a) => a.targetId === tp.id)) {
          w.item(a.text, { indent: 14, style: DETAIL, mark: (x, top, size) => drawKindMark(ctx, a.kind, x, top, size) })
        }
      }
    }
    if (dept.blueprintItems.length > 0) {
      w.heading(translate(locale, 'blueprint.toggle'), 2)
      for (const lane of BLUEPRINT_LANES) {
        const items = dept.blueprintItems.filter((i) => i.lane === lane)
        if (items.length === 0) continue
        w.heading(translate(locale, `blueprint.lane.${lane}`), 3)
        for (const item of items) {
          const stage = snapshot.stages[item.stageId]
          const serves = item.touchpointIds.filter((id) => Object.hasOwn(snapshot.touchpoints, id)).map((id) => snapshot.touchpoints[id].title)
          const detail = [stage?.title, serves.length ? `→ ${serves.join(', ')}` : ''].filter(Boolean).join(' · ')
          w.item(item.title, { detail: detail || undefined })
          if (item.description) w.paragraph(item.description, DETAIL, 14)
        }
      }
    }
    if (dept.actions.length > 0) {
      w.heading(translate(locale, 'department.actions'), 2)
      for (const a of dept.actions) w.item(a.title, { detail: [a.measure, a.target, a.dueDate, ctx.labels.actionStatus[a.status]].filter((s) => s !== '').join(' · ') })
    }
  }
}
