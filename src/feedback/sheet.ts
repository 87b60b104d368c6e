/**
 * A survey export (CSV or TSV, a file or cells pasted from a spreadsheet) read with papaparse,
 * then mapped, column by column, to responses. Two steps, so the import dialog can show the
 * columns, let the user say which is which, and preview what each row becomes before anything
 * is stored.
 *
 * What happens to a row:
 *  - imported: it has a score and a stage or touchpoint the map links;
 *  - skipped, with the reason shown in the preview: blank, no score (a question left unanswered),
 *    no stage or touchpoint value, or a value not linked to anything on the map;
 *  - refused, naming row and column: a score that is not a whole number on its kind's scale, an
 *    unknown metric kind, a date that is no date, a row with more cells than the header. Any
 *    refusal blocks the whole import: nothing is half-imported.
 */
import Papa from 'papaparse'
import { isCalendarDay, MAX_COMMENT, MAX_FEEDBACK_FIELD, MAX_FEEDBACK_ROWS, SCORE_RANGES, type FeedbackKind, type FeedbackResponse, type RowProblem, type RowProblemCode } from './responses'

export interface Sheet {
  headers: string[]
  /** Data rows (the header excluded), each padded to the header's width. */
  rows: string[][]
  delimiter: string
}

export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; problems: RowProblem[] }

/** Read the text of a CSV/TSV file or a paste. The first row is the header. Sheet rows count from 1 = header. */
export function readSheet(text: string): SheetResult {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const parsed = Papa.parse<string[]>(clean, { delimiter: '', delimitersToGuess: ['\t', ';', ',', '|'], skipEmptyLines: false })
  const problems: RowProblem[] = []
  for (const e of parsed.errors) {
    // A sheet with one column has no delimiter to find; that is not an error.
    if (e.code === 'UndetectableDelimiter') continue
    problems.push({ row: (e.row ?? 0) + 1, column: '*', message: e.message, code: 'unreadable', params: { detail: e.message } })
    if (problems.length >= 20) break
  }
  // Blank rows stay (skipping them here would shift every later row number); a trailing line break is no row.
  const data = parsed.data
  while (data.length && data[data.length - 1].every((c) => c.trim() === '')) data.pop()
  const [headerRow, ...rows] = data
  if (!headerRow) return { ok: false, problems: [{ row: 1, column: '*', message: 'the sheet is empty', code: 'empty' }] }
  if (rows.length > MAX_FEEDBACK_ROWS) return { ok: false, problems: [{ row: MAX_FEEDBACK_ROWS + 2, column: '*', message: `more than ${MAX_FEEDBACK_ROWS} rows`, code: 'tooManyRows', params: { max: MAX_FEEDBACK_ROWS } }] }
  const headers = headerRow.map((h, i) => h.trim() || columnLetter(i))
  rows.forEach((row, i) => {
    if (row.length > headers.length && row.slice(headers.length).some((c) => c.trim() !== '') && problems.length < 20)
      problems.push({ row: i + 2, column: '*', message: `${row.length} cells, but the header has ${headers.length}`, code: 'cells', params: { cells: row.length, header: headers.length } })
    while (row.length < headers.length) row.push('')
  })
  if (problems.length) return { ok: false, problems }
  return { ok: true, sheet: { headers, rows, delimiter: parsed.meta.delimiter } }
}

/** A, B, … Z, AA: how a spreadsheet names a column without a header. */
export function columnLetter(index: number): string {
  let s = ''
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s
  return s
}

export const COLUMN_ROLES = ['date', 'kind', 'score', 'comment', 'channel', 'target'] as const
export type ColumnRole = (typeof COLUMN_ROLES)[number]

/** Which column holds what (an index into the headers, or null); `kind` may instead be one kind for every row. */
export interface ColumnMapping {
  date: number | null
  kind: number | null
  score: number | null
  comment: number | null
  channel: number | null
  target: number | null
  /** Used when `kind` is null: the sheet is one survey. */
  fixedKind: FeedbackKind
}

/** Header words in en, da, sv, nb, for a first guess the user corrects in the dialog. */
const HEADER_HINTS: Record<ColumnRole, RegExp> = {
  date: /^(date|dato|datum|day|dag|tid|time|created|submitted|besvaret|svarad)/i,
  kind: /^(kind|type|metric|measure|survey|måling|mätning|typ|spørgeskema|undersøkelse)/i,
  score: /^(score|rating|value|svar|answer|point|karakter|betyg|vurdering|nps|ces|csat)/i,
  comment: /^(comment|kommentar|feedback|text|tekst|verbatim|why|hvorfor|varför|remark|bemærkning)/i,
  channel: /^(channel|kanal|source|kilde|källa)/i,
  target: /^(touchpoint|stage|trin|steg|kontaktpunkt|step|journey step|phase)/i,
}

export function guessMapping(headers: readonly string[]): ColumnMapping {
  const taken = new Set<number>()
  const find = (role: ColumnRole): number | null => {
    const i = headers.findIndex((h, i) => !taken.has(i) && HEADER_HINTS[role].test(h.trim()))
    if (i < 0) return null
    taken.add(i)
    return i
  }
  // Order matters: "nps" names the score column, so the kind is looked for first and only by its own words.
  const kind = find('kind')
  const date = find('date')
  const target = find('target')
  const channel = find('channel')
  const comment = find('comment')
  const score = find('score')
  const scoreHeader = score === null ? '' : headers[score].trim().toLowerCase()
  const fixedKind: FeedbackKind = scoreHeader.startsWith('ces') ? 'ces' : scoreHeader.startsWith('csat') ? 'csat' : 'nps'
  return { date, kind, score, comment, channel, target, fixedKind }
}

const KIND_WORDS: [RegExp, FeedbackKind][] = [
  [/^(nps|net promoter|anbefal|rekommend)/i, 'nps'],
  [/^(ces|customer effort|effort|indsats|ansträngning|innsats|anstrengelse)/i, 'ces'],
  [/^(csat|satisf|tilfreds|nöjd|nojd)/i, 'csat'],
]

export function kindOf(value: string): FeedbackKind | null {
  const v = value.trim()
  for (const [re, kind] of KIND_WORDS) if (re.test(v)) return kind
  return null
}

/**
 * A day from the ways survey tools write dates: ISO (`2026-03-04`, with or without a time),
 * and day-first `4.3.2026`, `04-03-2026`, `4/3/2026` as Danish, Swedish and Norwegian sheets
 * write them. '' for an empty cell, null for anything else.
 */
export function parseDay(value: string): string | null {
  const v = value.trim()
  if (!v) return ''
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v)
  let y: string, mo: string, d: string
  if (m) [, y, mo, d] = m
  else {
    m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?: [\d:.]+)?$/.exec(v)
    if (!m) return null
    ;[, d, mo, y] = m
  }
  const day = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`
  return isCalendarDay(day) ? day : null
}

export type SkipReason = 'blank' | 'no-score' | 'no-target' | 'unlinked'

export interface MappedSheet {
  responses: FeedbackResponse[]
  /** The sheet row each response came from (header = 1). */
  rowOf: number[]
  skipped: { row: number; reason: SkipReason; value?: string }[]
  problems: RowProblem[]
  /** Every distinct stage/touchpoint value with its number of rows, in first-seen order. */
  targets: Map<string, number>
}

const MAX_PROBLEMS = 50

/**
 * Turn sheet rows into responses. `isLinked(value)` says whether the map links a stage/touchpoint
 * value; rows with one it does not are skipped (and shown), not refused.
 */
export function mapSheet(sheet: Sheet, mapping: ColumnMapping, isLinked: (value: string) => boolean): MappedSheet {
  const out: MappedSheet = { responses: [], rowOf: [], skipped: [], problems: [], targets: new Map() }
  const problem = (row: number, column: number | null, message: string, code: RowProblemCode, params: Record<string, string | number>) => {
    if (out.problems.length < MAX_PROBLEMS) out.problems.push({ row, column: column === null ? '*' : sheet.headers[column], message, code, params })
  }
  const cell = (row: string[], column: number | null) => (column === null ? '' : (row[column] ?? '').trim())
  if (mapping.score === null) {
    out.problems.push({ row: 1, column: '*', message: 'no column is mapped to the score', code: 'noScoreColumn' })
    return out
  }
  sheet.rows.forEach((row, i) => {
    const rowNumber = i + 2
    if (row.every((c) => c.trim() === '')) return void out.skipped.push({ row: rowNumber, reason: 'blank' })
    const target = cell(row, mapping.target)
    if (target) out.targets.set(target, (out.targets.get(target) ?? 0) + 1)
    let kind: FeedbackKind | null = mapping.fixedKind
    if (mapping.kind !== null) {
      const raw = cell(row, mapping.kind)
      kind = kindOf(raw)
      if (!kind) return problem(rowNumber, mapping.kind, `expected NPS, CES or CSAT, got ${JSON.stringify(raw)}`, 'kind', { value: raw })
    }
    const rawScore = cell(row, mapping.score)
    if (rawScore === '') return void out.skipped.push({ row: rowNumber, reason: 'no-score' })
    const score = Number(rawScore.replace(',', '.'))
    const range = SCORE_RANGES[kind]
    if (!Number.isInteger(score) || score < range.min || score > range.max)
      return problem(rowNumber, mapping.score, `expected a whole number ${range.min}..${range.max} for ${kind.toUpperCase()}, got ${JSON.stringify(rawScore)}`, 'score', { min: range.min, max: range.max, kind: kind.toUpperCase(), value: rawScore })
    const date = parseDay(cell(row, mapping.date))
    if (date === null) return problem(rowNumber, mapping.date, `expected a date (2026-03-31 or 31.03.2026), got ${JSON.stringify(cell(row, mapping.date))}`, 'date', { value: cell(row, mapping.date) })
    const comment = cell(row, mapping.comment)
    if (comment.length > MAX_COMMENT) return problem(rowNumber, mapping.comment, `longer than ${MAX_COMMENT} characters`, 'tooLong', { max: MAX_COMMENT })
    const channel = cell(row, mapping.channel)
    if (channel.length > MAX_FEEDBACK_FIELD) return problem(rowNumber, mapping.channel, `longer than ${MAX_FEEDBACK_FIELD} characters`, 'tooLong', { max: MAX_FEEDBACK_FIELD })
    if (target.length > MAX_FEEDBACK_FIELD) return problem(rowNumber, mapping.target, `longer than ${MAX_FEEDBACK_FIELD} characters`, 'tooLong', { max: MAX_FEEDBACK_FIELD })
    if (!target) return void out.skipped.push({ row: rowNumber, reason: 'no-target' })
    if (!isLinked(target)) return void out.skipped.push({ row: rowNumber, reason: 'unlinked', value: target })
    out.responses.push({ date, kind, score, comment, channel, target })
    out.rowOf.push(rowNumber)
  })
  return out
}
