/** Plane geometry the PDF and the PNG export share (both draw the links between cards). */

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** Where the line from the centre of `box` towards `toward` leaves the box. */
export function edgePoint(box: Box, toward: { x: number; y: number }): { x: number; y: number } {
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const dx = toward.x - cx
  const dy = toward.y - cy
  const t = Math.min(dx === 0 ? Infinity : box.width / 2 / Math.abs(dx), dy === 0 ? Infinity : box.height / 2 / Math.abs(dy))
  return { x: cx + dx * t, y: cy + dy * t }
}
