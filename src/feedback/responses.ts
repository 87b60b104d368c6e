/**
 * Customer feedback as the server stores it: one response per row of a survey export, already
 * mapped from the sheet's columns. Pure: the browser (import preview), the server (which checks
 * every row again before storing anything) and the tests share it.
 *
 * Scales, as the surveys ask them:
 *  - NPS: "How likely are you to recommend…", 0..10; promoters 9–10, detractors 0–6.
 *  - CES: "The company made it easy for me…", 1..7, 7 = least effort (as the touchpoint field).
 *  - CSAT: "How satisfied were you…", 1..5; satisfied = 4 or 5.
 */
import type { Aggregate } from './metrics'

export const FEEDBACK_KINDS = ['nps', 'ces', 'csat'] as const
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number]

export const SCORE_RANGES: Record<FeedbackKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
  csat: { min: 1, max: 5 },
}

/** One response, as imported and stored. */
export interface FeedbackResponse {
  /** `YYYY-MM-DD`, or '' when the sheet has no date for it. */
  date: string
  kind: FeedbackKind
  /** A whole number on the kind's scale. */
  score: number
  comment: string
  channel: string
  /** The sheet's stage/touchpoint value; the map links it to a stage or touchpoint (feedbackLinks). */
  target: string
}

/** A stored response with its number in the data set (the sheet's order), for quotes and comments. */
export interface StoredResponse extends FeedbackResponse {
  n: number
}

/** The most rows one data set takes: far beyond a quarter of a large survey programme, bounded for memory. */
export const MAX_FEEDBACK_ROWS = 100_000
/** A comment longer than this is not a survey answer. */
export const MAX_COMMENT = 5_000
export const MAX_FEEDBACK_FIELD = 500
export const MAX_FEEDBACK_NAME = 200
/** What one upload may weigh (JSON of the mapped rows): 100,000 rows of ordinary comments fit. */
export const MAX_FEEDBACK_BYTES = 32 * 1024 * 1024

export function isFeedbackKind(value: unknown): value is FeedbackKind {
  return typeof value === 'string' && (FEEDBACK_KINDS as readonly string[]).includes(value)
}

export interface RowProblem {
  /** 1-based number of the row: in the sheet for the parser (header = row 1), in the upload for the server. */
  row: number
  column: string
  /** In English, for the API and logs; the import dialog words it from `code` and `params`. */
  message: string
  code?: RowProblemCode
  params?: Record<string, string | number>
}

/** What went wrong, for the interface's own words (catalog keys `feedback.problem.<code>`). */
export type RowProblemCode = 'unreadable' | 'empty' | 'tooManyRows' | 'cells' | 'noScoreColumn' | 'kind' | 'score' | 'date' | 'tooLong'

export function formatRowProblem(p: RowProblem): string {
  return `row ${p.row}, column ${p.column}: ${p.message}`
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isCalendarDay(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
}

/**
 * Check every row of an upload; the server stores a data set only when this finds nothing.
 * Collects every problem (up to `limit`), each naming its row and field.
 */
export function checkResponses(input: unknown, limit = 50): { ok: true; responses: FeedbackResponse[] } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const add = (row: number, column: string, message: string) => {
    if (problems.length < limit) problems.push({ row, column, message })
  }
  if (!Array.isArray(input)) return { ok: false, problems: [{ row: 0, column: 'responses', message: 'expected an array of responses' }] }
  if (input.length === 0) return { ok: false, problems: [{ row: 0, column: 'responses', message: 'no responses' }] }
  if (input.length > MAX_FEEDBACK_ROWS) return { ok: false, problems: [{ row: 0, column: 'responses', message: `more than ${MAX_FEEDBACK_ROWS} responses` }] }
  const out: FeedbackResponse[] = []
  input.forEach((raw, i) => {
    const row = i + 1
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return add(row, '*', 'expected an object')
    const r = raw as Record<string, unknown>
    const kind = r.kind
    if (!isFeedbackKind(kind)) return add(row, 'kind', `expected nps, ces or csat, got ${JSON.stringify(kind)}`)
    const range = SCORE_RANGES[kind]
    if (typeof r.score !== 'number' || !Number.isInteger(r.score) || r.score < range.min || r.score > range.max)
      add(row, 'score', `expected a whole number ${range.min}..${range.max} for ${kind.toUpperCase()}, got ${JSON.stringify(r.score)}`)
    const date = r.date ?? ''
    if (typeof date !== 'string' || (date !== '' && !isCalendarDay(date))) add(row, 'date', `expected YYYY-MM-DD, got ${JSON.stringify(date)}`)
    const text = (name: string, max: number) => {
      const v = r[name] ?? ''
      if (typeof v !== 'string') add(row, name, 'expected text')
      else if (v.length > max) add(row, name, `longer than ${max} characters`)
      return typeof v === 'string' ? v : ''
    }
    const comment = text('comment', MAX_COMMENT)
    const channel = text('channel', MAX_FEEDBACK_FIELD)
    const target = text('target', MAX_FEEDBACK_FIELD)
    out.push({ date: date as string, kind, score: r.score as number, comment, channel, target })
  })
  return problems.length ? { ok: false, problems } : { ok: true, responses: out }
}

/** The first and last day of a data set ('' when no row has a date). */
export function dateRange(responses: readonly { date: string }[]): { from: string; to: string } {
  let from = ''
  let to = ''
  for (const { date } of responses) {
    if (!date) continue
    if (!from || date < from) from = date
    if (!to || date > to) to = date
  }
  return { from, to }
}

/** A data set as the server stores and describes it. */
export interface FeedbackSetInfo {
  id: string
  name: string
  createdAt: string
  /** How many responses it holds. */
  responses: number
  /** First and last response day, `YYYY-MM-DD`, or '' when no response has a date. */
  from: string
  to: string
}

/** What the server gives this participant's role: histograms always, verbatims to facilitators and editors. */
export interface FeedbackData {
  set: FeedbackSetInfo
  aggregates: Aggregate[]
  responses?: StoredResponse[]
}
