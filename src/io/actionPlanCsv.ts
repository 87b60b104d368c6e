/**
 * The action plan as CSV for a spreadsheet or a steering-group report: one row per action, in the
 * plan's order, with the pain points and needs it addresses. Same encoding rules as the map's CSV
 * (`csv.ts`): UTF-8 with a byte order mark so Excel reads "Økonomi" right, the separator Excel uses
 * in the map's language, CRLF line ends, RFC 4180 quoting and the formula-injection guard of
 * `textCell` on every text cell.
 */
import { byOrder, type ActionStatus, type AnnotationKind, type Snapshot } from '../model'
import { csvFormatFor, textCell } from './csv'

const BOM = '\ufeff'
const CRLF = '\r\n'

const STATUS_LABEL: Record<ActionStatus, string> = { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', blocked: 'Blocked' }
const KIND_LABEL: Partial<Record<AnnotationKind, string>> = {
  'pain-point': 'Pain point',
  'functional-need': 'Functional need',
  'emotional-need': 'Emotional need',
  'moment-of-truth': 'Moment of truth',
  opportunity: 'Opportunity',
  note: 'Note',
}

const HEADER = ['Action', 'Owner (department)', 'Measure', 'Target', 'Due date', 'Status', 'Addresses', 'Where on the map']

export function actionPlanCsv(snapshot: Snapshot): string {
  const { separator } = csvFormatFor(snapshot.meta.locale)
  const lines = [HEADER.map(textCell).join(separator)]
  for (const action of Object.values(snapshot.actions).sort(byOrder)) {
    // Addressed annotations deleted since are skipped, as on the board.
    const addressed = action.addresses.flatMap((id) => (snapshot.annotations[id] ? [snapshot.annotations[id]] : []))
    const where = [...new Set(addressed.map((a) => snapshot.touchpoints[a.targetId]?.title ?? snapshot.stages[a.targetId]?.title ?? snapshot.personas[a.targetId]?.name ?? ''))].filter(Boolean)
    lines.push(
      [
        action.title,
        action.owner,
        action.measure,
        action.target,
        action.dueDate,
        STATUS_LABEL[action.status],
        // One cell, one line per addressed item: the sheet keeps a row per action.
        addressed.map((a) => `${KIND_LABEL[a.kind] ?? a.kind}: ${a.text}`).join('\n'),
        where.join('\n'),
      ]
        .map(textCell)
        .join(separator),
    )
  }
  return BOM + lines.join(CRLF) + CRLF
}
