import { describe, expect, it } from 'vitest'
import { edgePoint } from './geometry'

describe('edgePoint', () => {
  const card = { x: 10, y: 20, width: 100, height: 40 } // centre (60, 40)

  it('leaves through the side the target lies beyond', () => {
    expect(edgePoint(card, { x: 500, y: 40 })).toEqual({ x: 110, y: 40 })
    expect(edgePoint(card, { x: -500, y: 40 })).toEqual({ x: 10, y: 40 })
    expect(edgePoint(card, { x: 60, y: 400 })).toEqual({ x: 60, y: 60 })
  })

  it('leaves through the top or bottom when the line is steeper than the box', () => {
    // Towards (160, 240): dx 100, dy 200; the bottom (dy 20) comes before the side (dx 50).
    expect(edgePoint(card, { x: 160, y: 240 })).toEqual({ x: 70, y: 60 })
  })
})
