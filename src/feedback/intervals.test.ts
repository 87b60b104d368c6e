import { describe, expect, it } from 'vitest'
import { newcombeDifference, normalCdf, studentTCdf, studentTQuantile, wilson } from './intervals'

describe('Wilson score interval', () => {
  // Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: comparison
  // of seven methods. Statistics in Medicine 17, 857–872. Table II, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f..%f as published', (s, n, low, high) => {
    const ci = wilson(s, n)
    expect(ci.low).toBeCloseTo(low, 4)
    expect(ci.high).toBeCloseTo(high, 4)
  })

  it('stays inside 0..1 at 100 %', () => {
    const ci = wilson(12, 12)
    expect(ci.high).toBe(1)
    expect(ci.low).toBeGreaterThan(0.7)
  })
})

describe("Newcombe's hybrid score interval for a difference of proportions", () => {
  // Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Statistics in Medicine 17, 873–890. Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
  ])('%i/%i − %i/%i → %f..%f as published', (s1, n1, s2, n2, low, high) => {
    const ci = newcombeDifference(s1, n1, s2, n2)
    expect(ci.low).toBeCloseTo(low, 4)
    expect(ci.high).toBeCloseTo(high, 4)
  })
})

describe("Student's t", () => {
  // Two-sided 95 % critical values, NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2
  // "Critical values of the Student's t distribution" (upper-tail 0.025 column).
  it.each([
    [1, 12.706],
    [2, 4.303],
    [4, 2.776],
    [10, 2.228],
    [30, 2.042],
    [100, 1.984],
  ])('t(0.975, %i) = %f', (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3)
    expect(studentTCdf(t, df)).toBeCloseTo(0.975, 4)
  })

  it('is symmetric and approaches the normal', () => {
    expect(studentTCdf(-1.5, 7)).toBeCloseTo(1 - studentTCdf(1.5, 7), 10)
    expect(studentTCdf(1.959964, 1e6)).toBeCloseTo(0.975, 5)
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6)
  })
})
