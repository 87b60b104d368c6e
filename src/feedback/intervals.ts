/**
 * Confidence intervals, each suited to its metric (all two-sided, 95 % by default):
 *  - a proportion (CSAT share): the Wilson score interval, which stays inside 0..1 and keeps its
 *    coverage at small n and at 0 % or 100 % (Wilson 1927; Newcombe 1998, method 3);
 *  - a mean on a bounded scale (CES): Student's t-interval;
 *  - NPS, a difference of two proportions from one multinomial sample: a Wald interval with
 *    Var(p̂P − p̂D) = (pP + pD − (pP − pD)²) / n on counts adjusted as metrics.ts says;
 *  - a change between two periods: the same variances added for NPS, Welch's t for CES and
 *    Newcombe's hybrid score interval (1998b, method 10) for CSAT.
 * No library: these are a few lines each, and the tests pin them to published values.
 */

export const Z95 = 1.959963984540054

export interface Interval {
  low: number
  high: number
}

/** Wilson score interval for `successes` of `n`. */
export function wilson(successes: number, n: number, z = Z95): Interval {
  if (n === 0) return { low: 0, high: 1 }
  const p = successes / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

/** Newcombe's hybrid score interval for p1 − p2 from two independent samples (method 10). */
export function newcombeDifference(s1: number, n1: number, s2: number, n2: number, z = Z95): Interval {
  const p1 = s1 / n1
  const p2 = s2 / n2
  const a = wilson(s1, n1, z)
  const b = wilson(s2, n2, z)
  const d = p1 - p2
  return {
    low: d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  }
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9): good to ~15 digits for x > 0. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  x -= 1
  let a = c[0]
  const t = x + 7.5
  for (let i = 1; i < 9; i++) a += c[i] / (x + i)
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Regularised incomplete beta I_x(a, b), by its continued fraction (Lentz). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a)
  const front = Math.exp(Math.log(x) * a + Math.log(1 - x) * b - (logGamma(a) + logGamma(b) - logGamma(a + b))) / a
  const tiny = 1e-300
  let f = 1
  let c = 1
  let d = 0
  for (let i = 0; i <= 400; i++) {
    const m = Math.floor(i / 2)
    let numerator: number
    if (i === 0) numerator = 1
    else if (i % 2 === 0) numerator = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
    else numerator = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))
    d = 1 + numerator * d
    if (Math.abs(d) < tiny) d = tiny
    d = 1 / d
    c = 1 + numerator / c
    if (Math.abs(c) < tiny) c = tiny
    const cd = c * d
    f *= cd
    if (Math.abs(1 - cd) < 1e-14) break
  }
  return front * (f - 1)
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional: Welch). */
export function studentTCdf(t: number, df: number): number {
  const x = df / (df + t * t)
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

/** The t value with P(T ≤ t) = p, by bisection on the CDF (monotone, so this cannot miss). */
export function studentTQuantile(p: number, df: number): number {
  if (p === 0.5) return 0
  let low = -1e4
  let high = 1e4
  for (let i = 0; i < 200 && high - low > 1e-10; i++) {
    const mid = (low + high) / 2
    if (studentTCdf(mid, df) < p) low = mid
    else high = mid
  }
  return (low + high) / 2
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 through erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2))
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2)
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y)
}
