/**
 * Pagination of the journey grid, kept apart from drawing so it can be reasoned about (and tested)
 * with plain numbers. The canvas layout fixes which column and lane each card sits in; this plan
 * decides, for print, how tall each lane is and where pages break:
 *
 * - a lane is as tall as its tallest cell, with every card grown to fit its text;
 * - when a lane does not fit on the rest of a page it continues on the next one (the caller
 *   repeats the phase and stage headers and labels the lane "continued");
 * - a card that fits on a page is never split: it moves to the next page whole; only a card taller
 *   than a whole page is split between its lines;
 * - the emotion curve rows follow the lanes and move to a new page as whole rows.
 */

/** A card as the plan sees it: the heights of its printed lines, in order. */
export interface FlowCard {
  lineHeights: number[]
}

export interface CardSpacing {
  /** Inner padding at the top and at the bottom of a card. */
  padding: number
  /** Space between two cards of a cell. */
  gap: number
  /** Height of the "title (continued)" line that heads the second part of a split card. */
  continuedHeader: number
}

export interface PlacedFragment {
  /** Index of the card in its cell. */
  card: number
  /** Printed lines [from, to) of the card. */
  from: number
  to: number
  /** Offset from the top of the cell's content box. */
  top: number
  height: number
  /** This part starts in the middle of the card (its beginning is on an earlier page). */
  continued: boolean
  /** The card goes on on the next page. */
  continues: boolean
}

interface Cursor {
  card: number
  line: number
}

function sum(values: number[], from = 0, to = values.length): number {
  let total = 0
  for (let i = from; i < to; i++) total += values[i]
  return total
}

/** Fill one cell from the top of a band `space` tall; advances `cursor` past what was placed. */
export function fillCell(cards: FlowCard[], cursor: Cursor, space: number, pageSpace: number, spacing: CardSpacing): { fragments: PlacedFragment[]; used: number } {
  const fragments: PlacedFragment[] = []
  let y = 0
  while (cursor.card < cards.length) {
    const { lineHeights } = cards[cursor.card]
    const continued = cursor.line > 0
    const frame = spacing.padding * 2 + (continued ? spacing.continuedHeader : 0)
    const rest = sum(lineHeights, cursor.line)
    const gap = fragments.length > 0 ? spacing.gap : 0
    const available = space - y - gap
    if (frame + rest <= available) {
      fragments.push({ card: cursor.card, from: cursor.line, to: lineHeights.length, top: y + gap, height: frame + rest, continued, continues: false })
      y += gap + frame + rest
      cursor.card++
      cursor.line = 0
      continue
    }
    if (frame + rest > pageSpace) {
      // Taller than any page: print as many of its lines as fit here, the rest on the next page.
      let height = frame
      let to = cursor.line
      while (to < lineHeights.length && height + lineHeights[to] <= available) height += lineHeights[to++]
      if (to === cursor.line && fragments.length === 0 && space >= pageSpace) height += lineHeights[to++] // a single line taller than a page: never loop forever
      if (to > cursor.line) {
        fragments.push({ card: cursor.card, from: cursor.line, to, top: y + gap, height, continued, continues: to < lineHeights.length })
        y += gap + height
        if (to < lineHeights.length) cursor.line = to
        else {
          cursor.card++
          cursor.line = 0
        }
      }
    }
    break
  }
  return { fragments, used: y }
}

export interface PlanLane {
  /** Cards of each column of the page slice, in cell order. */
  cells: FlowCard[][]
  /** Height the lane label needs. */
  labelHeight: number
}

export interface PlannedBand {
  lane: number
  top: number
  height: number
  continued: boolean
  /** Per column of the slice: the fragments placed, positioned from the band's top + cellPadding. */
  cells: PlacedFragment[][]
}

export interface PlannedPage {
  bands: PlannedBand[]
  /** The emotion curve block on this page: its top and the persona (lane) indices it shows. */
  curves: { top: number; lanes: number[] } | null
}

export interface GridPlanInput {
  lanes: PlanLane[]
  spacing: CardSpacing
  cellPadding: number
  /** Top of the first lane on every page (below the repeated headers) and bottom of the page area. */
  gridTop: number
  gridBottom: number
  /** `lanes`: how many of the first lanes have a curve (the persona lanes; blueprint lanes have none); all when absent. */
  curves: { titleHeight: number; rowHeight: number; gap: number; lanes?: number } | null
}

export function planGridPages(input: GridPlanInput): PlannedPage[] {
  const { lanes, spacing, cellPadding, gridTop, gridBottom } = input
  const pageSpace = gridBottom - gridTop - 2 * cellPadding
  const pages: PlannedPage[] = [{ bands: [], curves: null }]
  let page = pages[0]
  let y = gridTop
  const newPage = () => {
    page = { bands: [], curves: null }
    pages.push(page)
    y = gridTop
  }

  lanes.forEach((lane, laneIndex) => {
    const cursors: Cursor[] = lane.cells.map(() => ({ card: 0, line: 0 }))
    let continued = false
    for (;;) {
      const space = gridBottom - y - 2 * cellPadding
      if (y > gridTop && space < Math.max(lane.labelHeight, pageSpace * 0.08)) {
        newPage()
        continue
      }
      const before = cursors.map((c) => ({ ...c }))
      const cells = lane.cells.map((cards, i) => fillCell(cards, cursors[i], space, pageSpace, spacing))
      const done = lane.cells.every((cards, i) => cursors[i].card >= cards.length)
      const placedAny = cells.some((c) => c.fragments.length > 0)
      if (!done && !placedAny && y > gridTop) {
        // Nothing of this lane fits on the rest of the page: start it on the next one instead.
        cursors.forEach((c, i) => Object.assign(c, before[i]))
        newPage()
        continue
      }
      const used = Math.max(lane.labelHeight, ...cells.map((c) => c.used))
      const height = used + 2 * cellPadding
      page.bands.push({ lane: laneIndex, top: y, height, continued, cells: cells.map((c) => c.fragments) })
      y += height
      if (done) break
      newPage()
      continued = true
    }
  })

  const curveLanes = Math.min(input.curves?.lanes ?? lanes.length, lanes.length)
  if (input.curves && curveLanes > 0) {
    const { titleHeight, rowHeight, gap } = input.curves
    if (y + gap + titleHeight + rowHeight > gridBottom) newPage()
    else y += page.bands.length > 0 ? gap : 0
    page.curves = { top: y, lanes: [] }
    y += titleHeight
    for (let i = 0; i < curveLanes; i++) {
      if (y + rowHeight > gridBottom) {
        newPage()
        page.curves = { top: y, lanes: [] }
        y += titleHeight
      }
      page.curves!.lanes.push(i)
      y += rowHeight
    }
  }
  return pages
}
