/**
 * Where a link's label goes in the whole-map picture: at the middle of its arrow when that covers
 * no card, otherwise at the nearest place that covers as little of any card (and of labels placed
 * before it) as can be found, so a label does not hide a card's title or channel.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** How far (px) a label may move from its arrow's middle; farther, a reader no longer ties it to the arrow. */
const REACH = 96
const STEP = 8

export function placeLabel(at: { x: number; y: number }, width: number, height: number, obstacles: readonly Rect[], mapWidth: number): Rect {
  const clampX = (x: number) => Math.min(Math.max(x, 0), Math.max(0, mapWidth - width))
  let best: Rect | null = null
  let bestCost = Infinity
  for (let dy = 0; dy <= REACH; dy += STEP) {
    for (const sy of dy === 0 ? [0] : [-1, 1]) {
      for (let dx = 0; dx <= REACH; dx += STEP) {
        for (const sx of dx === 0 ? [0] : [-1, 1]) {
          const rect = { x: clampX(at.x - width / 2 + sx * dx), y: at.y - height / 2 + sy * dy, width, height }
          // Covered area first; among equals, the nearest to the arrow's middle.
          const cost = covered(rect, obstacles) * 1e6 + Math.hypot(dx, dy)
          if (cost < bestCost) {
            best = rect
            bestCost = cost
          }
        }
      }
    }
    if (bestCost < 1e6) break // nothing covered at this distance: no farther place can be better
  }
  return best!
}

function covered(r: Rect, obstacles: readonly Rect[]): number {
  let area = 0
  for (const o of obstacles) {
    const w = Math.min(r.x + r.width, o.x + o.width) - Math.max(r.x, o.x)
    const h = Math.min(r.y + r.height, o.y + o.height) - Math.max(r.y, o.y)
    if (w > 0 && h > 0) area += w * h
  }
  return area
}
