/**
 * Touchpoints and their annotations as CSV for spreadsheets: one row per annotation, and one row
 * for a touchpoint without annotations, so a pivot table counts every card. Annotations on a
 * persona, a phase or a stage get rows too, with the cells they don't have left empty; nothing on
 * the map is missing from the sheet. How each annotation is known (evidence) and weighed (impact,
 * effort), and the touchpoint's NPS, CES and CSAT with their targets, come after the original
 * columns, so a sheet built on an older export still finds its columns where they were.
 *
 * A map with a service blueprint gets three more columns at the end (blueprint lane, blueprint
 * item, the touchpoints it serves) and one row per item after the journey's rows, with its phase,
 * stage, description and owning department in the journey's columns; a map without one keeps the
 * columns it always had.
 *
 * RFC 4180: fields with a separator, quote or line break are quoted, quotes doubled, CRLF between
 * records. A UTF-8 byte order mark starts the file because Excel otherwise reads CSV in the
 * system's legacy code page and turns "Før" into "FÃ¸r".
 *
 * The separator is the one Excel uses in the map's language (`csvFormatFor`): Danish, Swedish
 * and Norwegian Excel split a double-clicked CSV at `;` and read `3,5` as a number, so a map in
 * those languages is written that way; otherwise the whole row lands in column A.
 */
import { BLUEPRINT_LANES, byOrder, findOrphans, sortedStages, type Annotation, type BlueprintItem, type Snapshot, type Touchpoint } from '../model'
import { translate } from '../i18n/translate'
import { METRIC_NAMES, printLabels, type PrintLabels } from './printLabels'
import { placesInReadingOrder } from './readingOrder'

const BOM = '\ufeff'
const CRLF = '\r\n'

/**
 * The one CSV writer of the exports (the map, the action plan, the measured metrics): rows of
 * cells already written (`textCell` for text, `CsvFormat.number` for numbers) joined with the
 * separator, CRLF after every record, a byte order mark first. Reading CSV is papaparse's
 * (src/feedback/sheet.ts); writing stays here because its formula guard (`textCell`) also
 * neutralises a formula after a separator inside a cell, which papaparse's `escapeFormulae` does not.
 */
export function csvDocument(rows: readonly (readonly string[])[], separator: CsvFormat['separator']): string {
  return BOM + rows.map((cells) => cells.join(separator)).join(CRLF) + CRLF
}

type Row = {
  phase?: string
  stage?: string
  persona?: string
  touchpoint?: Touchpoint
  annotation?: Annotation
}

export function journeyCsv(snapshot: Snapshot): string {
  const labels = printLabels(snapshot.meta.locale)
  const format = csvFormatFor(snapshot.meta.locale)
  const c = labels.csvColumns
  const t = labels.metricTarget
  const header = [
    ...[c.phase, c.stage, c.persona, c.touchpoint, c.description, c.channel, c.owner, c.emotion, c.priority, c.annotationKind, c.annotationText, c.needStatus, c.votes],
    ...[c.evidence, c.impact, c.effort],
    ...[METRIC_NAMES.nps, t.nps, METRIC_NAMES.ces, t.ces, METRIC_NAMES.csat, t.csat],
  ]
  const locale = snapshot.meta.locale
  const items = blueprintRows(snapshot)
  const withBlueprint = items.length > 0
  if (withBlueprint) header.push(...(['blueprint.csv.lane', 'blueprint.csv.item', 'blueprint.csv.serves'] as const).map((k) => translate(locale, k)))
  const lines = [header.map(textCell)]
  for (const row of rows(snapshot, labels)) lines.push([...formatRow(row, labels, format), ...(withBlueprint ? ['', '', ''] : [])])
  for (const item of items) {
    const stage = snapshot.stages[item.stageId]
    const blank = formatRow({}, labels, format).map(() => '')
    blank[0] = textCell(stage ? labels.phases[stage.phase] : '')
    blank[1] = textCell(stage?.title ?? '')
    blank[4] = textCell(item.description)
    blank[6] = textCell(item.owner)
    const serves = item.touchpointIds.filter((id) => Object.hasOwn(snapshot.touchpoints, id)).map((id) => snapshot.touchpoints[id].title)
    lines.push([...blank, textCell(translate(locale, `blueprint.lane.${item.lane}`)), textCell(item.title), textCell(serves.join('; '))])
  }
  return csvDocument(lines, format.separator)
}

/** Blueprint items as the map reads: by stage column, then lane top to bottom, then order; unplaced ones last. */
function blueprintRows(snapshot: Snapshot): BlueprintItem[] {
  const column = new Map(sortedStages(snapshot).map((s, i) => [s.id as string, i]))
  return Object.values(snapshot.blueprintItems).sort(
    (a, b) => (column.get(a.stageId) ?? Infinity) - (column.get(b.stageId) ?? Infinity) || BLUEPRINT_LANES.indexOf(a.lane) - BLUEPRINT_LANES.indexOf(b.lane) || byOrder(a, b),
  )
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

function formatRow(row: Row, labels: PrintLabels, format: CsvFormat): string[] {
  const numberCell = (n: number | null) => (n === null ? '' : format.number(n))
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

export interface CsvFormat {
  separator: ',' | ';'
  /** A number as that Excel reads one: `3.5` with `,` between cells, `3,5` with `;`. */
  number(n: number): string
}

/** Languages whose Excel lists with `;` and writes decimals with a comma. */
const SEMICOLON_LOCALES: readonly string[] = ['da', 'sv', 'nb']

/** The separator and number format Excel expects for a map written in `locale`. */
export function csvFormatFor(locale: string): CsvFormat {
  return SEMICOLON_LOCALES.includes(locale) ? { separator: ';', number: (n) => String(n).replace('.', ',') } : { separator: ',', number: String }
}

/**
 * A formula start (= + - @) at the beginning of the text or just after anything a spreadsheet may
 * split cells or lines at (`,` `;` tab, line breaks), spaces allowed between.
 */
const FORMULA_START = /(^|[,;\t\r\n])([ \t]*)(?=[=+\-@])/g

/**
 * A text cell, neutralised and quoted. Text a spreadsheet would read as a formula gets a single
 * quote before it: otherwise text typed by any participant, e.g. `=HYPERLINK("http://evil", "Klik")`,
 * runs as a formula on the computer of whoever opens the export (OWASP "CSV injection"). Not only
 * at the start: a program that reads the file with another separator than it was written with
 * (Danish Excel splits at `;`, an import wizard at tab) starts a new cell after each of them, so
 * `ring kunden;=1+1` must not become a `=1+1` cell. A leading tab or carriage return, which some
 * spreadsheets skip before looking, is guarded too. The cell is quoted when it holds any separator,
 * quote or line break, so either separator reads it as one cell.
 */
export function textCell(value: string): string {
  let safe = value.replace(FORMULA_START, "$1$2'")
  if (/^[\t\r]/.test(safe)) safe = `'${safe}`
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
