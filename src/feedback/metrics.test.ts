import { describe, expect, it } from 'vitest'
import { aggregateResponses, compare, emptyHistogram, estimate, toEmotionScale, type Histogram } from './metrics'
import type { FeedbackKind } from './responses'

function histogram(kind: FeedbackKind, scores: number[]): Histogram {
  const h = emptyHistogram(kind)
  for (const s of scores) h[s]++
  return h
}

describe('NPS', () => {
  it('is promoters minus detractors, with the difference-of-proportions interval (by hand)', () => {
    // 5 promoters (9–10), 2 passives (7–8), 3 detractors (0–6) of 10: NPS = 50 % − 30 % = 20.
    // Adjusted counts (+¾, +1½, +¾ of 13): pP = 5.75/13 = 0.44231, pD = 3.75/13 = 0.28846,
    // centre 0.15385; Var = (0.73077 − 0.15385²) / 13 = 0.054393; half = 1.96 · 0.23322 = 0.45711
    // → −30.33 .. 61.10 around the observed 20.
    const e = estimate('nps', histogram('nps', [10, 10, 9, 9, 9, 8, 7, 6, 3, 0]))!
    expect(e.value).toBeCloseTo(20, 10)
    expect(e.n).toBe(10)
    expect(e.low).toBeCloseTo(-30.33, 1)
    expect(e.high).toBeCloseTo(61.1, 1)
    expect(e.small).toBe(true)
  })

  it('matches the plain Wald interval when n is large', () => {
    // 4,500 promoters, 3,000 passives, 2,500 detractors: NPS 20, Wald half-width 1.96·√((0.7 − 0.04)/10,000) = 1.592.
    const h = emptyHistogram('nps')
    h[10] = 4500
    h[8] = 3000
    h[2] = 2500
    const e = estimate('nps', h)!
    expect(e.low).toBeCloseTo(20 - 1.592, 1)
    expect(e.high).toBeCloseTo(20 + 1.592, 1)
  })

  it('all promoters: 100, with an interval that admits doubt and stays on the scale', () => {
    // Plain Wald would say 100 ± 0. Adjusted: pP = 5.75/8, pD = 0.75/8, centre 0.625,
    // Var = (0.8125 − 0.390625)/8 = 0.052734 → 0.625 ± 0.4501 → 17.5 .. 100 (clipped).
    const five = estimate('nps', histogram('nps', [10, 10, 10, 9, 9]))!
    expect(five).toMatchObject({ value: 100, n: 5, high: 100, small: true })
    expect(five.low).toBeCloseTo(17.49, 1)
    const forty = estimate('nps', histogram('nps', new Array(40).fill(10)))!
    expect(forty).toMatchObject({ value: 100, n: 40, high: 100, small: false })
    expect(forty.low!).toBeGreaterThan(80)
    expect(forty.low!).toBeLessThan(100)
  })

  it('n = 1 is a figure with a warning', () => {
    expect(estimate('nps', histogram('nps', [6]))).toMatchObject({ value: -100, n: 1, small: true })
  })

  it('nobody answered: no figure at all', () => {
    expect(estimate('nps', emptyHistogram('nps'))).toBeNull()
  })

  it('a large sample: the interval narrows to the Wald width', () => {
    const e = estimate('nps', histogram('nps', [...new Array(900).fill(10), ...new Array(100).fill(0)]))!
    expect(e.value).toBeCloseTo(80)
    // Wald: Var = (0.9 + 0.1 − 0.64)/1000 = 0.00036 → ±3.72
    expect((e.high! - e.low!) / 2).toBeCloseTo(3.72, 1)
  })
})

describe('CES', () => {
  it('is the mean with a t-interval (by hand)', () => {
    // mean 5.4, s² = 5.2/4 = 1.3, se = √(1.3/5) = 0.5099, t(0.975, 4) = 2.7764 → 5.4 ± 1.4157
    const e = estimate('ces', histogram('ces', [5, 6, 7, 4, 5]))!
    expect(e.value).toBeCloseTo(5.4, 10)
    expect(e.low).toBeCloseTo(3.9843, 3)
    expect(e.high).toBeCloseTo(6.8157, 3)
  })

  it('n = 1 has no interval', () => {
    expect(estimate('ces', histogram('ces', [3]))).toMatchObject({ value: 3, n: 1, low: null, high: null, small: true })
  })
})

describe('CSAT', () => {
  it('is the share answering 4 or 5, with the Wilson interval', () => {
    // 81 satisfied of 263 (Newcombe 1998's first example): 30.8 %, 25.53..36.62 %
    const h = emptyHistogram('csat')
    h[5] = 50
    h[4] = 31
    h[3] = 100
    h[1] = 82
    const e = estimate('csat', h)!
    expect(e.value).toBeCloseTo((81 / 263) * 100, 10)
    expect(e.low).toBeCloseTo(25.53, 2)
    expect(e.high).toBeCloseTo(36.62, 2)
  })
})

describe('before and after', () => {
  it('a CSAT change uses Newcombe’s interval: 56/70 after against 48/80 before is more than noise', () => {
    const before = emptyHistogram('csat')
    before[5] = 48
    before[2] = 32
    const after = emptyHistogram('csat')
    after[4] = 56
    after[1] = 14
    const c = compare('csat', before, after)!
    expect(c.difference).toBeCloseTo(20, 10)
    expect(c.low).toBeCloseTo(5.24, 2)
    expect(c.high).toBeCloseTo(33.39, 2)
    expect(c.significant).toBe(true)
  })

  it('an NPS change within the noise is not significant; a large one is', () => {
    const a = histogram('nps', [10, 9, 8, 7, 6, 5, 10, 9, 3, 2])
    const b = histogram('nps', [10, 9, 8, 7, 6, 4, 10, 9, 3, 9])
    const small = compare('nps', a, b)!
    expect(small.difference).toBeCloseTo(20)
    expect(small.significant).toBe(false)
    const many = (k: number, score: number) => new Array(k).fill(score)
    const big = compare('nps', histogram('nps', [...many(100, 2), ...many(100, 10)]), histogram('nps', [...many(40, 2), ...many(160, 10)]))!
    // 0 → 60; se ≈ 100·√(1/200 + (0.8+0.2−0.36)/200) = 9.06 → about 60 ± 17.8
    expect(big.difference).toBeCloseTo(60)
    expect(big.low).toBeCloseTo(60 - 1.96 * 9.055, -1)
    expect(big.significant).toBe(true)
    expect(big.p!).toBeLessThan(0.001)
  })

  it('a CES change uses Welch’s t', () => {
    const c = compare('ces', histogram('ces', [3, 4, 3, 4, 3, 4]), histogram('ces', [6, 5, 6, 5, 6, 5]))!
    // means 3.5 → 5.5, each s² = 0.3, se = √(0.1) = 0.316, df = 10, t = 2.228 → 2 ± 0.705
    expect(c.difference).toBeCloseTo(2)
    expect(c.low).toBeCloseTo(2 - 2.228 * Math.sqrt(0.1), 2)
    expect(c.significant).toBe(true)
  })

  it('no responses in a period: nothing to compare', () => {
    expect(compare('nps', emptyHistogram('nps'), histogram('nps', [9]))).toBeNull()
  })
})

describe('aggregates and the emotion scale', () => {
  it('groups responses by target, kind and day', () => {
    const aggs = aggregateResponses([
      { date: '2026-01-02', kind: 'nps', score: 9, comment: '', channel: '', target: 'Værksted 🚗' },
      { date: '2026-01-02', kind: 'nps', score: 9, comment: 'x', channel: '', target: 'Værksted 🚗' },
      { date: '2026-01-03', kind: 'nps', score: 0, comment: '', channel: '', target: 'Værksted 🚗' },
      { date: '2026-01-02', kind: 'ces', score: 7, comment: '', channel: '', target: 'Værksted 🚗' },
    ])
    expect(aggs).toHaveLength(3)
    expect(aggs[0]).toMatchObject({ target: 'Værksted 🚗', kind: 'nps', day: '2026-01-02' })
    expect(aggs[0].counts[9]).toBe(2)
  })

  it('puts each scale’s midpoint at 0 and its ends at ±2', () => {
    expect([toEmotionScale('nps', 0), toEmotionScale('nps', 5), toEmotionScale('nps', 10)]).toEqual([-2, 0, 2])
    expect([toEmotionScale('ces', 1), toEmotionScale('ces', 4), toEmotionScale('ces', 7)]).toEqual([-2, 0, 2])
    expect([toEmotionScale('csat', 1), toEmotionScale('csat', 3), toEmotionScale('csat', 5)]).toEqual([-2, 0, 2])
  })
})
