import { describe, expect, it } from 'vitest'
import { planGridPages, type FlowCard } from './gridPlan'

const spacing = { padding: 4, gap: 5, continuedHeader: 8 }
const card = (lines: number, lineHeight = 10): FlowCard => ({ lineHeights: Array(lines).fill(lineHeight) })
const plan = (lanes: FlowCard[][][], gridBottom = 300) =>
  planGridPages({ lanes: lanes.map((cells) => ({ cells, labelHeight: 20 })), spacing, cellPadding: 5, gridTop: 100, gridBottom, curves: null })

describe('grid pagination', () => {
  it('puts lanes that fit on one page', () => {
    const pages = plan([[[card(3)], [card(2), card(2)]], [[card(1)], []]])
    expect(pages).toHaveLength(1)
    expect(pages[0].bands.map((b) => b.lane)).toEqual([0, 1])
    // A lane is as tall as its tallest cell: two cards of 2 lines = 2*(8+20) + 5.
    expect(pages[0].bands[0].height).toBe(2 * 28 + 5 + 10)
  })

  it('moves a card that fits on a page to the next page whole and marks the lane continued', () => {
    const pages = plan([[[card(8), card(8)]]]) // each card 88 high, page space 190
    expect(pages).toHaveLength(1)
    const tall = plan([[[card(8), card(8), card(8)]]])
    expect(tall).toHaveLength(2)
    expect(tall[1].bands[0].continued).toBe(true)
    for (const page of tall) for (const band of page.bands) for (const f of band.cells[0]) expect(f.from === 0 && !f.continues).toBe(true)
  })

  it('splits only a card taller than a whole page, between its lines', () => {
    const pages = plan([[[card(50)]]])
    const fragments = pages.flatMap((p) => p.bands.flatMap((b) => b.cells[0]))
    expect(fragments.length).toBeGreaterThan(1)
    expect(fragments[0]).toMatchObject({ from: 0, continued: false, continues: true })
    expect(fragments.at(-1)).toMatchObject({ to: 50, continued: true, continues: false })
    for (let i = 1; i < fragments.length; i++) expect(fragments[i].from).toBe(fragments[i - 1].to)
    for (const page of pages) for (const band of page.bands) expect(band.top + band.height).toBeLessThanOrEqual(300)
  })

  it('starts a lane on a new page when nothing of it fits on the rest of the page', () => {
    const pages = plan([[[card(12)]], [[card(12)]]])
    expect(pages).toHaveLength(2)
    expect(pages[1].bands[0]).toMatchObject({ lane: 1, continued: false, top: 100 })
  })

  it('places emotion curves after the lanes, as whole rows', () => {
    const pages = planGridPages({ lanes: [{ cells: [[card(12)]], labelHeight: 20 }, { cells: [[]], labelHeight: 20 }], spacing, cellPadding: 5, gridTop: 100, gridBottom: 300, curves: { titleHeight: 10, rowHeight: 50, gap: 5 } })
    const rows = pages.flatMap((p) => p.curves?.lanes ?? [])
    expect(rows).toEqual([0, 1])
    for (const page of pages) if (page.curves) expect(page.curves.top + 10 + page.curves.lanes.length * 50).toBeLessThanOrEqual(300)
  })
})
