/**
 * Survey sheets made up for tests, the benchmark and the browser test: seeded, so every run reads
 * the same rows. Comments mix the four languages, æøå and emoji, and repeat themes, so recurring
 * terms have something to find.
 */
import Papa from 'papaparse'

const COMMENTS = [
  'Lang ventetid i telefonen 😤',
  'Venlig mekaniker, men lang ventetid',
  'Very long waiting time on the phone',
  'Booking online var nemt og hurtigt 👍',
  'Lång väntetid och dålig information',
  'Fikk ikke svar på e-posten min',
  'Regningen var højere end tilbuddet',
  'Friendly staff, clear invoice',
  'Bilen var ikke klar til aftalt tid',
  '',
  '',
  'Super service — tak! ✨',
]

/** A deterministic pseudo-random sequence (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface SheetOptions {
  rows: number
  /** The values of the stage/touchpoint column, e.g. touchpoint titles. */
  targets: readonly string[]
  seed?: number
  /** How much worse than the rest the first target fares (0..1): a stage where customers suffer. */
  firstTargetPenalty?: number
  delimiter?: '\t' | ',' | ';'
  /** First day; rows spread over `days` days from it. */
  start?: string
  days?: number
}

/** A survey export as a spreadsheet would paste it: Date, Metric, Score, Comment, Channel, Touchpoint. */
export function surveySheet(options: SheetOptions): string {
  const random = seeded(options.seed ?? 7)
  const start = Date.parse(`${options.start ?? '2026-01-05'}T00:00:00Z`)
  const days = options.days ?? 90
  const penalty = options.firstTargetPenalty ?? 0.5
  const data: string[][] = []
  for (let i = 0; i < options.rows; i++) {
    const targetIndex = Math.floor(random() * options.targets.length)
    const kind = (['NPS', 'CES', 'CSAT'] as const)[Math.floor(random() * 3)]
    const mood = Math.min(1, Math.max(0, random() * 0.8 + 0.3 - (targetIndex === 0 ? penalty : 0)))
    const score = kind === 'NPS' ? Math.round(mood * 10) : kind === 'CES' ? 1 + Math.round(mood * 6) : 1 + Math.round(mood * 4)
    const day = new Date(start + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10)
    data.push([day, kind, String(score), COMMENTS[Math.floor(random() * COMMENTS.length)], random() < 0.5 ? 'web' : 'telefon', options.targets[targetIndex]])
  }
  return Papa.unparse({ fields: ['Date', 'Metric', 'Score', 'Comment', 'Channel', 'Touchpoint'], data }, { delimiter: options.delimiter ?? '\t', newline: '\n' })
}
