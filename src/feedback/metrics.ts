/**
 * NPS, CES and CSAT from responses, each with its n and a confidence interval (intervals.ts).
 *
 * Everything is computed from score histograms (how many answered each point of the scale): they
 * are exact sufficient statistics for all three metrics, their intervals, period comparisons and
 * the measured emotion curve. The server hands viewers nothing else, so aggregates never carry a
 * comment, and a histogram per target × kind × day stays small whatever the number of rows.
 */
import { newcombeDifference, normalCdf, studentTCdf, studentTQuantile, wilson, Z95 } from './intervals'
import { SCORE_RANGES, type FeedbackKind, type FeedbackResponse } from './responses'

/** counts[score] = how many gave that score (index 0 unused for CES and CSAT). */
export type Histogram = number[]

/** Below this n an estimate is shown with a warning: its interval is too wide to act on. */
export const SMALL_N = 30

export interface Aggregate {
  target: string
  kind: FeedbackKind
  /** `YYYY-MM-DD` or '' (undated). */
  day: string
  counts: Histogram
}

export interface MetricEstimate {
  kind: FeedbackKind
  /** NPS −100..100, CES mean 1..7, CSAT % satisfied 0..100. */
  value: number
  n: number
  /** The 95 % interval, on the value's scale; null when n cannot give one (a CES of one answer). */
  low: number | null
  high: number | null
  /** n < SMALL_N: say so wherever the value shows. */
  small: boolean
}

export function emptyHistogram(kind: FeedbackKind): Histogram {
  return new Array(SCORE_RANGES[kind].max + 1).fill(0)
}

export function addInto(into: Histogram, from: Histogram): Histogram {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] ?? 0) + from[i]
  return into
}

export function countOf(h: Histogram): number {
  let n = 0
  for (const c of h) n += c
  return n
}

/** Group responses into histograms per target × kind × day. */
export function aggregateResponses(responses: readonly FeedbackResponse[]): Aggregate[] {
  const byKey = new Map<string, Aggregate>()
  for (const r of responses) {
    const key = `${r.kind}\u0000${r.date}\u0000${r.target}`
    let agg = byKey.get(key)
    if (!agg) byKey.set(key, (agg = { target: r.target, kind: r.kind, day: r.date, counts: emptyHistogram(r.kind) }))
    agg.counts[r.score]++
  }
  return [...byKey.values()]
}

export function npsParts(h: Histogram): { promoters: number; passives: number; detractors: number; n: number } {
  let promoters = 0
  let passives = 0
  let detractors = 0
  h.forEach((c, score) => {
    if (score >= 9) promoters += c
    else if (score >= 7) passives += c
    else detractors += c
  })
  return { promoters, passives, detractors, n: promoters + passives + detractors }
}

/**
 * NPS on the −1..1 scale and the variance of its estimate, the difference of two proportions
 * from one multinomial sample: Var = (pP + pD − (pP − pD)²) / n.
 *
 * The variance is taken on adjusted counts (¾ of a promoter, ¾ of a detractor and 1½ passives
 * added: n + 3), the Agresti–Coull idea applied to three categories: the plain Wald variance is
 * zero when every answer falls in one category (n = 5 promoters would read "100 ± 0"), which
 * claims a certainty five answers cannot give. The interval is centred on the adjusted estimate,
 * which pulls it toward 0 at small n and vanishes as n grows.
 */
function npsVariance(h: Histogram): { nps: number; centre: number; variance: number; n: number } {
  const { promoters, detractors, n } = npsParts(h)
  const adjusted = n + 3
  const pP = (promoters + 0.75) / adjusted
  const pD = (detractors + 0.75) / adjusted
  return { nps: (promoters - detractors) / n, centre: pP - pD, variance: (pP + pD - (pP - pD) ** 2) / adjusted, n }
}

function moments(h: Histogram): { n: number; mean: number; variance: number } {
  let n = 0
  let sum = 0
  h.forEach((c, score) => {
    n += c
    sum += c * score
  })
  const mean = sum / n
  let ss = 0
  h.forEach((c, score) => (ss += c * (score - mean) ** 2))
  return { n, mean, variance: n > 1 ? ss / (n - 1) : NaN }
}

const SATISFIED_FROM = 4

function satisfied(h: Histogram): number {
  let s = 0
  for (let score = SATISFIED_FROM; score < h.length; score++) s += h[score]
  return s
}

/** The metric of one kind from its histogram; null when nobody answered. */
export function estimate(kind: FeedbackKind, h: Histogram): MetricEstimate | null {
  const n = countOf(h)
  if (n === 0) return null
  const small = n < SMALL_N
  if (kind === 'nps') {
    const { nps, centre, variance } = npsVariance(h)
    const half = Z95 * Math.sqrt(variance)
    return { kind, value: 100 * nps, n, low: 100 * Math.max(-1, centre - half), high: 100 * Math.min(1, centre + half), small }
  }
  if (kind === 'ces') {
    const { mean, variance } = moments(h)
    if (n < 2) return { kind, value: mean, n, low: null, high: null, small }
    const half = studentTQuantile(0.975, n - 1) * Math.sqrt(variance / n)
    return { kind, value: mean, n, low: Math.max(1, mean - half), high: Math.min(7, mean + half), small }
  }
  const s = satisfied(h)
  const ci = wilson(s, n)
  return { kind, value: (100 * s) / n, n, low: 100 * ci.low, high: 100 * ci.high, small }
}

export interface Change {
  kind: FeedbackKind
  before: MetricEstimate
  after: MetricEstimate
  /** after − before, on the metric's scale. */
  difference: number
  low: number | null
  high: number | null
  /** Two-sided p-value of "no change" (null where the interval is a score interval without one). */
  p: number | null
  /** The 95 % interval excludes zero: more than noise. */
  significant: boolean
}

/** How a metric moved between two periods (independent samples), with its uncertainty. */
export function compare(kind: FeedbackKind, before: Histogram, after: Histogram): Change | null {
  const b = estimate(kind, before)
  const a = estimate(kind, after)
  if (!b || !a) return null
  const difference = a.value - b.value
  let low: number | null = null
  let high: number | null = null
  let p: number | null = null
  if (kind === 'nps') {
    const vb = npsVariance(before)
    const va = npsVariance(after)
    const se = 100 * Math.sqrt(vb.variance + va.variance)
    const centre = 100 * (va.centre - vb.centre)
    low = centre - Z95 * se
    high = centre + Z95 * se
    p = 2 * (1 - normalCdf(Math.abs(centre) / se))
  } else if (kind === 'ces') {
    const mb = moments(before)
    const ma = moments(after)
    if (mb.n >= 2 && ma.n >= 2) {
      const vb = mb.variance / mb.n
      const va = ma.variance / ma.n
      const se = Math.sqrt(va + vb)
      if (se > 0) {
        const df = (va + vb) ** 2 / (va ** 2 / (ma.n - 1) + vb ** 2 / (mb.n - 1))
        const t = studentTQuantile(0.975, df)
        low = difference - t * se
        high = difference + t * se
        p = 2 * (1 - studentTCdf(Math.abs(difference) / se, df))
      } else {
        low = high = difference
        p = difference === 0 ? 1 : 0
      }
    }
  } else {
    const ci = newcombeDifference(satisfied(after), a.n, satisfied(before), b.n)
    low = 100 * ci.low
    high = 100 * ci.high
  }
  const significant = low !== null && high !== null && (low > 0 || high < 0)
  return { kind, before: b, after: a, difference, low, high, p, significant }
}

/**
 * A score on the emotion scale −2..2: each scale's midpoint is 0 and its ends are ±2 (NPS 0..10 →
 * (s − 5)/2.5, CES 1..7 → (s − 4)/1.5, CSAT 1..5 → s − 3). For one answer's place on its scale;
 * the measured curve reads the headline figures instead (`headlineEmotion`).
 */
export function toEmotionScale(kind: FeedbackKind, score: number): number {
  const { min, max } = SCORE_RANGES[kind]
  const mid = (min + max) / 2
  return ((score - mid) / (max - mid)) * 2
}

/**
 * The figure a card shows, on the emotion scale −2..2, so the customers' curve says what the card
 * says: NPS −100..100 → NPS ÷ 50; CSAT's share satisfied 0..100 % → (share − 50) ÷ 25; CES's mean
 * 1..7 → (mean − 4) ÷ 1.5. An NPS of −40 is −0.8 whatever the mean score behind it (a mean of
 * 6.1 would read +0.4, while NPS counts every 6 as a detractor).
 */
export function headlineEmotion(e: Pick<MetricEstimate, 'kind' | 'value'>): number {
  if (e.kind === 'nps') return e.value / 50
  if (e.kind === 'csat') return (e.value - 50) / 25
  return (e.value - 4) / 1.5
}
