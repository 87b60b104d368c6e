/**
 * Touchpoints and their annotations as CSV for spreadsheets: one row per annotation, and one row
 * for a touchpoint without annotations, so a pivot table counts every card. Annotations on a
 * persona, a phase or a stage get rows too, with the cells they don't have left empty; nothing on
 * the map is missing from the sheet. How each annotation is known (evidence) and weighed (impact,
 * effort), and the touchpoint's NPS, CES and CSAT with their targets, come after the original
 * columns, so a sheet built on an older export still finds its columns where they were.
 *
 * RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, CRLF between
 * records. A UTF-8 byte order mark starts the file because Excel otherwise reads CSV in the
 * system's legacy code page and turns "Før" into "FÃ¸r".
 */
import { byOrder, findOrphans, type Annotation, type Snapshot, type Touchpoint } from '../model'
import { METRIC_NAMES, printLabels, type PrintLabels } from './printLabels'
import { placesInReadingOrder } from './readingOrder'

const BOM = '\ufeff'
const CRLF = '\r\n'

type Row = {
  phase?: string
  stage?: string
  persona?: string
  touchpoint?: Touchpoint
  annotation?: Annotation
}

export function journeyCsv(snapshot: Snapshot): string {
  const labels = printLabels(snapshot.meta.locale)
  const c = labels.csvColumns
  const t = labels.metricTarget
  const header = [
    ...[c.phase, c.stage, c.persona, c.touchpoint, c.description, c.channel, c.owner, c.emotion, c.priority, c.annotationKind, c.annotationText, c.needStatus, c.votes],
    ...[c.evidence, c.impact, c.effort],
    ...[METRIC_NAMES.nps, t.nps, METRIC_NAMES.ces, t.ces, METRIC_NAMES.csat, t.csat],
  ]
  const lines = [header.map(textCell).join(',')]
  for (const row of rows(snapshot, labels)) lines.push(formatRow(row, labels).join(','))
  return BOM + lines.join(CRLF) + CRLF
}

function rows(snapshot: Snapshot, labels: PrintLabels): Row[] {
  const out: Row[] = []
  for (const place of placesInReadingOrder(snapshot)) {
    const base: Row = {
      phase: place.phase ? labels.phases[place.phase] : '',
      stage: place.stage?.title,
      persona: place.persona?.name,
      touchpoint: place.touchpoint,
    }
    if (place.annotations.length === 0 && place.touchpoint) out.push(base)
    for (const annotation of place.annotations) out.push({ ...base, annotation })
  }
  // Annotations whose target was deleted by someone else at the same moment keep their text.
  for (const annotation of findOrphans(snapshot).annotations.sort(byOrder)) out.push({ annotation })
  return out
}

function formatRow(row: Row, labels: PrintLabels): string[] {
  const tp = row.touchpoint
  const a = row.annotation
  const votes = a ? Object.values(a.votes).reduce((sum, n) => sum + n, 0) : 0
  return [
    textCell(row.phase ?? ''),
    textCell(row.stage ?? ''),
    textCell(row.persona ?? ''),
    textCell(tp?.title ?? ''),
    textCell(tp?.description ?? ''),
    textCell(tp?.channel ?? ''),
    textCell(tp?.owner ?? ''),
    // Our own numbers, written as plain numbers so the sheet can average them.
    numberCell(tp?.emotion ?? null),
    numberCell(tp?.priority ?? null),
    textCell(a ? labels.kinds[a.kind] : ''),
    textCell(a?.text ?? ''),
    textCell(a?.status ? labels.needStatus[a.status] : ''),
    a ? numberCell(votes) : '',
    textCell(a?.evidence ? labels.evidence[a.evidence] : ''),
    numberCell(a?.impact ?? null),
    numberCell(a?.effort ?? null),
    ...[tp?.nps, tp?.npsTarget, tp?.ces, tp?.cesTarget, tp?.csat, tp?.csatTarget].map((n) => numberCell(n ?? null)),
  ]
}

function numberCell(n: number | null): string {
  return n === null ? '' : String(n)
}

/**
 * A text cell, neutralised and quoted. A cell a spreadsheet would read as a formula (starting with
 * = + - @, or a tab or carriage return that some spreadsheets skip before looking) is prefixed with
 * a single quote: otherwise text typed by any participant, e.g. `=HYPERLINK("http://evil", "Klik")`,
 * runs as a formula on the computer of whoever opens the export (OWASP "CSV injection").
 */
export function textCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
