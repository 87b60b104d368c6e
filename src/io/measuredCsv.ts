/**
 * The measured metrics as a CSV, one row per stage or touchpoint and metric: value, 95 % interval,
 * n and whether n is small, with the data set and its dates; written the way Excel reads CSV in
 * the map's language (see csv.ts). The map's own CSV carries the measured values in its NPS, CES
 * and CSAT columns; this file carries what a figure rests on.
 */
import { estimates, responseCount, type Placement } from '../feedback/measured'
import { FEEDBACK_KINDS } from '../feedback/responses'
import { sortedPersonas, sortedStages, type FeedbackSet, type Snapshot } from '../model'
import { csvDocument, csvFormatFor, textCell } from './csv'
import { METRIC_NAMES, printLabels } from './printLabels'

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits

export function measuredCsv(snapshot: Snapshot, set: FeedbackSet, placement: Placement): string {
  const labels = printLabels(snapshot.meta.locale)
  const format = csvFormatFor(snapshot.meta.locale)
  const c = labels.csvColumns
  const m = labels.measured.csv
  const header = [c.stage, c.persona, c.touchpoint, m.metric, m.value, m.low, m.high, m.n, m.fewResponses, labels.measured.dataSet, m.from, m.to]
  const lines = [header.map(textCell)]
  const personaName = new Map(sortedPersonas(snapshot).map((p) => [p.id as string, p.name]))
  const num = (v: number | null, digits: number) => (v === null ? '' : format.number(round(v, digits)))
  const push = (stage: string, persona: string, touchpoint: string, h: Parameters<typeof estimates>[0]) => {
    const e = estimates(h)
    for (const k of FEEDBACK_KINDS) {
      const x = e[k]
      if (!x) continue
      const digits = k === 'ces' ? 2 : 1
      lines.push(
        [textCell(stage), textCell(persona), textCell(touchpoint), METRIC_NAMES[k], num(x.value, digits), num(x.low, digits), num(x.high, digits), String(x.n), x.small ? textCell(m.yes) : '', textCell(set.name), set.from, set.to],
      )
    }
  }
  for (const stage of sortedStages(snapshot)) {
    const h = placement.stages.get(stage.id)
    if (!h || responseCount(h) === 0) continue
    push(stage.title, '', '', h)
    for (const tp of Object.values(snapshot.touchpoints).filter((t) => t.stageId === stage.id && placement.touchpoints.has(t.id)))
      push(stage.title, personaName.get(tp.personaId) ?? '', tp.title, placement.touchpoints.get(tp.id)!)
  }
  return csvDocument(lines, format.separator)
}
