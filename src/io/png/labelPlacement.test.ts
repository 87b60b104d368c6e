import { describe, expect, it } from 'vitest'
import { placeLabel, type Rect } from './labelPlacement'

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('a link label in the whole-map picture', () => {
  it('stays at the arrow’s middle when that covers no card', () => {
    const card = { x: 0, y: 0, width: 232, height: 112 }
    expect(placeLabel({ x: 400, y: 56 }, 80, 18, [card], 2000)).toEqual({ x: 360, y: 47, width: 80, height: 18 })
  })

  it('moves off a card whose channel line it would cover, to the nearest free place', () => {
    // Two cards stacked in one cell, 12 px apart; the arrow's middle lies on the upper card's
    // channel line (y ≈ 46).
    const upper = { x: 100, y: 0, width: 232, height: 112 }
    const lower = { x: 100, y: 124, width: 232, height: 112 }
    const label = placeLabel({ x: 216, y: 46 }, 120, 18, [upper, lower], 2000)
    expect(overlaps(label, upper)).toBe(false)
    expect(overlaps(label, lower)).toBe(false)
    expect(Math.hypot(label.x + 60 - 216, label.y + 9 - 46)).toBeLessThanOrEqual(96 * Math.SQRT2)
  })

  it('covers as little as it can where no free place is near, and stays inside the picture', () => {
    const wall = { x: 0, y: -500, width: 1000, height: 1000 }
    const label = placeLabel({ x: 5, y: 0 }, 120, 18, [wall], 1000)
    expect(label.x).toBeGreaterThanOrEqual(0)
    expect(label.x + label.width).toBeLessThanOrEqual(1000)
  })
})
