/**
 * The action plan as CSV for a spreadsheet or a steering-group report: one row per action, in the
 * plan's order, with the pain points and needs it addresses. Same encoding rules as the map's CSV
 * (`csv.ts`): UTF-8 with a byte order mark so Excel reads "Økonomi" right, the separator Excel uses
 * in the map's language, CRLF line ends, RFC 4180 quoting and the formula-injection guard of
 * `textCell` on every text cell.
 */
import { byOrder, type Snapshot } from '../model'
import { translate, type MessageKey } from '../i18n/translate'
import { csvDocument, csvFormatFor, textCell } from './csv'
import { printLabels } from './printLabels'

/** The columns, in the map's language: the words the action board uses on screen. */
const HEADER: MessageKey[] = ['actions.action', 'common.ownerDepartment', 'common.measure', 'common.target', 'actions.dueDate', 'print.status', 'actions.addresses', 'print.actionPlanCsv.where']

/** The map's catalog must be loaded (`loadPrintLabels`), as for every export. */
export function actionPlanCsv(snapshot: Snapshot): string {
  const locale = snapshot.meta.locale
  const labels = printLabels(locale)
  const { separator } = csvFormatFor(locale)
  const lines = [HEADER.map((key) => textCell(translate(locale, key)))]
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
        labels.actionStatus[action.status],
        // One cell, one line per addressed item: the sheet keeps a row per action.
        addressed.map((a) => `${labels.kinds[a.kind]}: ${a.text}`).join('\n'),
        where.join('\n'),
      ].map(textCell),
    )
  }
  return csvDocument(lines, separator)
}
